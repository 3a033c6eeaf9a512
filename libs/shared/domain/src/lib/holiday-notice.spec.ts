import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarStatus, parseHolidayNotice } from './holiday-notice';

/** The State Council's notice of the 2026 holidays, as published. */
const NOTICE_2026 = readFileSync(join(__dirname, '../../../../../seeds/holiday-notices/2026.txt'), 'utf8');

const range = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};

describe('parseHolidayNotice: the 2026 notice', () => {
  const notice = parseHolidayNotice(NOTICE_2026, 2026);

  it('reads it without errors', () => {
    expect(notice.errors).toEqual([]);
  });

  it('finds every holiday of the notice with its festival', () => {
    const holidays = notice.days.filter((d) => !d.working).map((d) => [d.date, d.name]);
    const festival = (name: string, from: string, to: string) => range(from, to).map((date) => [date, name]);
    expect(holidays).toEqual([
      ...festival('元旦', '2026-01-01', '2026-01-03'),
      ...festival('春节', '2026-02-15', '2026-02-23'),
      ...festival('清明节', '2026-04-04', '2026-04-06'),
      ...festival('劳动节', '2026-05-01', '2026-05-05'),
      ...festival('端午节', '2026-06-19', '2026-06-21'),
      ...festival('中秋节', '2026-09-25', '2026-09-27'),
      ...festival('国庆节', '2026-10-01', '2026-10-07'),
    ]);
  });

  it('finds every make-up working day of the notice with its festival', () => {
    expect(notice.days.filter((d) => d.working).map((d) => [d.date, d.name])).toEqual([
      ['2026-01-04', '元旦'],
      ['2026-02-14', '春节'],
      ['2026-02-28', '春节'],
      ['2026-05-09', '劳动节'],
      ['2026-09-20', '国庆节'],
      ['2026-10-10', '国庆节'],
    ]);
  });

  it('reads the notice pasted as one line, as a web page copies it', () => {
    expect(parseHolidayNotice(NOTICE_2026.replace(/\n/g, ''), 2026)).toEqual({ ...notice });
  });

  it('refuses the notice for another year: the weekdays do not match', () => {
    const other = parseHolidayNotice(NOTICE_2026, 2027);
    expect(other.errors[0]).toMatchObject({
      line: 5,
      code: 'wrongWeekday',
      params: { date: '2027-01-01', weekday: 5, stated: 4 },
    });
    expect(other.errors[0].message).toBe(
      'line 5: 2027-01-01 is a Friday, the text says Thursday: is it the notice of another year?',
    );
    expect(other.errors.map((e) => e.line)).toEqual([5, 5, 6, 6, 6, 7, 8, 8, 9, 10, 11, 11, 11]);
  });
});

describe('parseHolidayNotice: other wordings and errors', () => {
  it('reads lines without numerals, single days, weekdays written 星期, and ignores advice', () => {
    const notice = parseHolidayNotice(
      [
        '元旦：1月1日放假，与周末连休。',
        '春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位安排职工在除夕（2月9日）休息。',
        '八、国庆节、中秋节：9月29日（周日）至10月6日（周日）放假调休，共8天。10月12日（星期六）上班。',
      ].join('\n'),
      2024,
    );
    expect(notice.errors).toEqual([]);
    expect(notice.days[0]).toEqual({ date: '2024-01-01', working: false, name: '元旦' });
    expect(notice.days.filter((d) => d.name === '春节' && !d.working)).toHaveLength(8);
    expect(notice.days.filter((d) => d.working).map((d) => d.date)).toEqual(['2024-02-04', '2024-02-18', '2024-10-12']);
    expect(notice.days.filter((d) => d.name === '国庆节、中秋节' && !d.working).map((d) => d.date)).toEqual(
      range('2024-09-29', '2024-10-06'),
    );
  });

  it('reads simple lines', () => {
    const notice = parseHolidayNotice('2027-01-01 holiday 元旦\n\n2027-01-09 WORKDAY\n', 2027);
    expect(notice).toEqual({
      year: 2027,
      errors: [],
      days: [
        { date: '2027-01-01', working: false, name: '元旦' },
        { date: '2027-01-09', working: true, name: '' },
      ],
    });
  });

  it.each([
    [
      '清明节：4月4日（周六）至6日（周一）休息，共3天。',
      'unreadable',
      { text: '清明节：4月4日（周六）至6日（周一）休息，共3天。' },
    ],
    [
      '清明节：4月4日（周六）至6日（周一）放假，共4天。',
      'wrongCount',
      { from: '2026-04-04', to: '2026-04-06', count: 4, days: 3 },
    ],
    ['清明节：2月30日放假。', 'invalidDate', { date: '2026-02-30' }],
    ['元旦：2025年12月31日放假。', 'otherYear', { date: '2025-12-31', year: 2026 }],
    ['劳动节：5月6日（周三）上班。', 'workdayNotWeekend', { date: '2026-05-06' }],
    ['2026-13-01 holiday', 'invalidDate', { date: '2026-13-01' }],
    ['2026-01-01 off', 'unreadable', { text: '2026-01-01 off' }],
    ['元旦 1月1日放假', 'unreadable', { text: '元旦 1月1日放假' }],
  ])('names the line it cannot use: %s', (line, code, params) => {
    const notice = parseHolidayNotice(`国务院办公厅关于2026年部分节假日安排的通知\n${line}`, 2026);
    expect(notice.errors).toEqual([expect.objectContaining({ line: 2, code, params })]);
    expect(notice.errors[0].message).toMatch(/^line 2: /);
  });

  it('refuses a day given twice', () => {
    const notice = parseHolidayNotice('2026-10-01 holiday\n2026-10-01 holiday 国庆节', 2026);
    expect(notice.errors).toEqual([expect.objectContaining({ line: 2, code: 'duplicate' })]);
  });

  it('says when the text holds no days at all', () => {
    expect(parseHolidayNotice('国务院办公厅\n', 2027).errors).toEqual([
      expect.objectContaining({ line: 0, code: 'empty', params: { year: 2027 } }),
    ]);
  });
});

describe('calendarStatus', () => {
  it('reminds from 1 November (China) when next year is not known', () => {
    expect(calendarStatus('2026-10-31', [2026])).toMatchObject({ remind: false, remindYear: null });
    expect(calendarStatus('2026-11-01', [2026])).toEqual({
      today: '2026-11-01',
      currentYear: 2026,
      currentYearKnown: true,
      nextYear: 2027,
      nextYearKnown: false,
      remind: true,
      remindYear: 2027,
    });
    expect(calendarStatus('2026-12-31', [2026, 2027])).toMatchObject({ nextYearKnown: true, remind: false });
  });

  it('reminds all year of the current year when it is not known', () => {
    expect(calendarStatus('2027-03-01', [2026])).toMatchObject({ currentYearKnown: false, remindYear: 2027 });
    expect(calendarStatus('2027-11-01', [2026])).toMatchObject({ remindYear: 2027 });
  });
});
