import { createTestApp, TestApp, englishDetails } from '@crm/api/testing';
import { addCalendarDays, chinaDate, isWorkingDay, parseHolidayNotice } from '@crm/shared/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarModule, CalendarService } from '../index';

/** The State Council's notice of the 2026 holidays, as published. */
const NOTICE_2026 = readFileSync(join(__dirname, '../../../../../seeds/holiday-notices/2026.txt'), 'utf8');

/** A made-up notice for 2027 (the real one is not published yet): 29 holidays, 6 make-up working days. */
const NOTICE_2027 = readFileSync(join(__dirname, '../../../../../tools/test/holiday-notice-2027.txt'), 'utf8');

const daysOf = (year: number): string[] => {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) days.push(d);
  return days;
};
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe('calendar: the years known, the reminder, entering a year from the notice', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([CalendarModule]);
  });
  afterAll(() => t.close());

  it('loads 2026 from the calendar package exactly as the State Council published it', async () => {
    const notice = parseHolidayNotice(NOTICE_2026, 2026);
    expect(notice.errors).toEqual([]);
    const holidays = new Set(notice.days.filter((d) => !d.working).map((d) => d.date));
    const workdays = new Set(notice.days.filter((d) => d.working).map((d) => d.date));
    const published = (date: string) => workdays.has(date) || (!holidays.has(date) && !isWeekend(date));

    const calendar = await t.app.get(CalendarService).calendar();
    expect(calendar.knownYears.has(2026)).toBe(true);
    const days = daysOf(2026);
    expect(days).toHaveLength(365);
    // Listed, so that a difference shows which days: weekdays off, weekend days worked, in either.
    const offWeekdays = (working: (date: string) => boolean) => days.filter((d) => !isWeekend(d) && !working(d));
    const workedWeekends = (working: (date: string) => boolean) => days.filter((d) => isWeekend(d) && working(d));
    const loaded = (date: string) => isWorkingDay(date, calendar);
    expect(offWeekdays(loaded)).toEqual(offWeekdays(published));
    expect(workedWeekends(loaded)).toEqual(workedWeekends(published));
    expect(workedWeekends(loaded)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(offWeekdays(loaded)).toHaveLength(19);
    expect(days.filter((d) => loaded(d) !== published(d))).toEqual([]);
  });

  it('reminds from 1 November in China when next year is not known, and says so on the status route', async () => {
    const service = t.app.get(CalendarService);
    // 16:30 UTC on 31 October is 00:30 on 1 November in China.
    expect(await service.status(new Date('2026-10-31T15:30:00Z'))).toMatchObject({
      today: '2026-10-31',
      currentYearKnown: true,
      nextYear: 2027,
      nextYearKnown: false,
      remind: false,
      remindYear: null,
    });
    expect(await service.status(new Date('2026-10-31T16:30:00Z'))).toMatchObject({
      today: '2026-11-01',
      remind: true,
      remindYear: 2027,
    });
    const res = await t.request('GET', '/calendar/status', { as: 'manager1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await service.status());
    expect(res.body.today).toBe(chinaDate(new Date()));
  });

  it('lets only an admin enter a year from the notice; a line it cannot read refuses all and writes nothing', async () => {
    const enter = (year: number | string, text: unknown, as = 'admin') =>
      t.request('POST', `/calendar/${year}/notice`, { as, body: { text } });
    await t.request('PUT', '/calendar/days/2027-03-03', { as: 'admin', body: { working: false, name: '旧' } });

    expect((await enter(2027, NOTICE_2027, 'manager1')).status).toBe(403);
    const bad = await enter(
      2027,
      NOTICE_2027.replace('4月3日（周六）至5日（周一）放假', '4月3日（周六）至5日（周一）休'),
    );
    expect(bad.status).toBe(400);
    expect(englishDetails(bad.body.details)).toEqual([
      { field: 'text (line 4)', message: 'line 4: cannot read "三、清明节：4月3日（周六）至5日（周一）休，共3天。"' },
    ]);
    const wrongYear = await enter(2027, NOTICE_2026);
    expect(wrongYear.status).toBe(400);
    expect(englishDetails(wrongYear.body.details)?.[0]).toEqual({
      field: 'text (line 5)',
      message: 'line 5: 2027-01-01 is a Friday, the text says Thursday: is it the notice of another year?',
    });
    expect((await enter(2027, '')).body.details).toEqual([expect.objectContaining({ field: 'text' })]);
    expect((await enter(1999, NOTICE_2027)).body.details).toEqual([expect.objectContaining({ field: 'year' })]);
    expect((await t.request('GET', '/calendar/2027', { as: 'admin' })).body.days).toEqual([
      { date: '2027-03-03', working: false, name: '旧', source: 'admin' },
    ]);

    const saved = await enter(2027, NOTICE_2027);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: 2027, known: true, source: 'admin' });
    expect(saved.body.days.filter((d: { working: boolean }) => !d.working)).toHaveLength(29);
    expect(saved.body.days.filter((d: { working: boolean }) => d.working).map((d: { date: string }) => d.date)).toEqual(
      ['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
    );
    expect(saved.body.days.map((d: { date: string }) => d.date)).not.toContain('2027-03-03');
    expect(saved.body.days).toContainEqual({ date: '2027-02-05', working: false, name: '春节', source: 'admin' });

    const calendar = await t.app.get(CalendarService).calendar();
    expect(isWorkingDay('2027-10-08', calendar)).toBe(true);
    expect(isWorkingDay('2027-10-07', calendar)).toBe(false);
    expect(isWorkingDay('2027-10-09', calendar)).toBe(true);
    expect(await t.app.get(CalendarService).status(new Date('2026-11-26T04:00:00Z'))).toMatchObject({
      nextYearKnown: true,
      remind: false,
    });

    // A refused notice leaves the saved year as it was.
    expect((await enter(2027, '2027-01-01 off')).status).toBe(400);
    expect((await t.request('GET', '/calendar/2027', { as: 'admin' })).body.days).toEqual(saved.body.days);
  });

  it('loads every year the package knows; a reload brings its days back and keeps an admin’s edits', async () => {
    const service = t.app.get(CalendarService);
    const packageYears: number[] = (await t.request('GET', '/calendar/package-years', { as: 'manager1' })).body;
    expect(packageYears).toContain(2026);
    const years = await t.dataSource.query('SELECT year FROM working_calendar_years');
    expect(years.map((r: { year: number }) => r.year)).toEqual(expect.arrayContaining(packageYears));
    expect([...(await service.calendar()).knownYears].sort()).toEqual(expect.arrayContaining(packageYears));

    // An admin's day off on a Tuesday, and a package holiday (National Day, a Thursday) cleared: at once.
    expect(isWorkingDay('2026-03-03', await service.calendar())).toBe(true);
    const edit = { working: false, name: '全市停电检修' };
    expect((await t.request('PUT', '/calendar/days/2026-03-03', { as: 'admin', body: edit })).status).toBe(200);
    expect((await t.request('DELETE', '/calendar/days/2026-10-01', { as: 'admin' })).status).toBe(200);
    expect(isWorkingDay('2026-03-03', await service.calendar())).toBe(false);
    expect(isWorkingDay('2026-10-01', await service.calendar())).toBe(true);

    const reloaded = await t.request('POST', '/calendar/2026/load', { as: 'admin' });
    expect(reloaded.status).toBe(200);
    expect(reloaded.body.days).toEqual(
      expect.arrayContaining([
        { date: '2026-03-03', working: false, name: '全市停电检修', source: 'admin' },
        { date: '2026-10-01', working: false, name: '国庆节', source: 'package' },
      ]),
    );
    const calendar = await service.calendar();
    expect(isWorkingDay('2026-03-03', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);

    // A year the package does not know counts weekends only.
    const unknown = Math.max(...packageYears) + 5;
    expect(calendar.knownYears.has(unknown)).toBe(false);
    expect(isWorkingDay(`${unknown}-01-01`, calendar)).toBe(!isWeekend(`${unknown}-01-01`));
    expect(daysOf(unknown).filter((d) => isWorkingDay(d, calendar) === isWeekend(d))).toEqual([]);
    expect((await t.request('POST', `/calendar/${unknown}/load`, { as: 'admin' })).status).toBe(400);

    await t.request('DELETE', '/calendar/days/2026-03-03', { as: 'admin' });
  });
});
