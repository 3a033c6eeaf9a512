/**
 * A year's holidays and make-up working days (调休) read from the State Council's notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知), pasted as text, or from simple lines
 * `YYYY-MM-DD holiday|workday [name]`. Pure: the web previews with it, the API saves with it.
 */

/** GET /api/calendar/:year: a year's exceptions to Monday–Friday and where its holidays came from. */
export interface CalendarYear {
  year: number;
  /** False: the year's holidays are not known, only weekends are counted. */
  known: boolean;
  source: 'package' | 'admin' | null;
  days: { date: string; working: boolean; name: string; source: string }[];
}

/** Whether the holidays of this year and the next are known, and which year an admin should enter. */
export interface CalendarStatus {
  /** Today in China. */
  today: string;
  currentYear: number;
  currentYearKnown: boolean;
  nextYear: number;
  nextYearKnown: boolean;
  /** True when admins should enter a year's holidays now. */
  remind: boolean;
  /** The year to enter: this year when unknown, else from 1 November next year when unknown; null: none. */
  remindYear: number | null;
}

/** The month from which admins are reminded of next year's schedule (the State Council publishes it in November). */
export const NEXT_YEAR_REMINDER_MONTH = 11;

/** The calendar's status on `today` (a date in China) given the years whose holidays are known. */
export function calendarStatus(today: string, knownYears: Iterable<number>): CalendarStatus {
  const known = new Set(knownYears);
  const currentYear = Number(today.slice(0, 4));
  const nextYear = currentYear + 1;
  const currentYearKnown = known.has(currentYear);
  const nextYearKnown = known.has(nextYear);
  const remindYear = !currentYearKnown
    ? currentYear
    : !nextYearKnown && Number(today.slice(5, 7)) >= NEXT_YEAR_REMINDER_MONTH
      ? nextYear
      : null;
  return { today, currentYear, currentYearKnown, nextYear, nextYearKnown, remind: remindYear !== null, remindYear };
}

export interface HolidayNoticeDay {
  date: string;
  /** true: a make-up working day (调休上班); false: a holiday (放假). */
  working: boolean;
  /** The festival, e.g. 春节 (empty when a simple line names none). */
  name: string;
}

export type HolidayNoticeErrorCode =
  /** The line looks like a holiday entry but cannot be read. */
  | 'unreadable'
  /** A date that does not exist (2月30日). */
  | 'invalidDate'
  /** The weekday in brackets is not the date's weekday in that year (the notice of another year?). */
  | 'wrongWeekday'
  /** A date outside the year being entered. */
  | 'otherYear'
  /** "共N天" does not match the days of the range. */
  | 'wrongCount'
  /** A make-up working day that is already a working day (Monday to Friday). */
  | 'workdayNotWeekend'
  /** The date appears in an earlier line already. */
  | 'duplicate'
  /** Nothing in the text is a holiday or a make-up working day. */
  | 'empty';

export interface HolidayNoticeError {
  /** 1-based line of the text (0: the whole text). */
  line: number;
  code: HolidayNoticeErrorCode;
  /** What the message needs: the date, the weekday found, the count found… */
  params: Record<string, string | number>;
  /** The same in English, for logs and API clients. */
  message: string;
}

export interface HolidayNotice {
  year: number;
  /** Sorted by date. */
  days: HolidayNoticeDay[];
  errors: HolidayNoticeError[];
}

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DATE = String.raw`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[（(]([^）)]*)[）)])?`;
const HOLIDAY_SENTENCE = new RegExp(String.raw`^${DATE}(?:(?:至|—|-|～|~)${DATE})?放假(.*)$`);
const WORKDAY_SENTENCE = new RegExp(String.raw`^((?:${DATE}[、，,和及]?)+)上班$`);
const ONE_DATE = new RegExp(DATE, 'g');
/** `一、元旦：…`, `春节：…`: an optional Chinese numeral, the festival, a colon. */
const ENTRY = /^(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?([^：:。，,；;\s]{1,20})[：:]\s*(.*)$/;
/** Entry starts inside a line (a notice pasted without line breaks). */
const ENTRY_START = /(?<=[。；;])\s*(?=[一二三四五六七八九十]{1,3}、[^：:。，,；;\s]{1,20}[：:])/g;
const SIMPLE = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(holiday|workday)(?:\s+(.+))?$/i;

interface Ymd {
  y: number;
  m: number;
  d: number;
  /** The weekday the text gives (0 = Sunday), if any. */
  weekday?: number;
}

function iso({ y, m, d }: Ymd): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function validDate({ y, m, d }: Ymd): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A date's parts from the groups of DATE; month and year default to `base`'s. */
function ymd(groups: (string | undefined)[], base: { y: number; m?: number }): Ymd | null {
  const [year, month, day, note] = groups;
  const m = month ? Number(month) : base.m;
  if (m === undefined) return null;
  const weekday = note?.match(/(?:周|星期)([一二三四五六日天])/)?.[1];
  return {
    y: year ? Number(year) : base.y,
    m,
    d: Number(day),
    weekday: weekday === undefined ? undefined : weekday === '天' ? 0 : WEEKDAYS_ZH.indexOf(weekday),
  };
}

/** Reads a notice or simple lines into the days of `year`; every line it cannot use is an error. */
export function parseHolidayNotice(text: string, year: number): HolidayNotice {
  const days = new Map<string, HolidayNoticeDay>();
  const errors: HolidayNoticeError[] = [];
  /** Records an error; false, so that `return fail(…)` says the day was refused. */
  const fail = (
    line: number,
    code: HolidayNoticeErrorCode,
    params: Record<string, string | number>,
    message: string,
  ): false => {
    errors.push({ line, code, params, message: line ? `line ${line}: ${message}` : message });
    return false;
  };

  /** Checks a date and adds it; false when it was refused. */
  const add = (line: number, date: Ymd, working: boolean, name: string): boolean => {
    const text = iso(date);
    if (!validDate(date)) return fail(line, 'invalidDate', { date: text }, `${text} is not a date`);
    if (date.y !== year) return fail(line, 'otherYear', { date: text, year }, `${text} is not in ${year}`);
    const weekday = weekdayOf(text);
    if (date.weekday !== undefined && date.weekday !== weekday) {
      return fail(
        line,
        'wrongWeekday',
        { date: text, weekday, stated: date.weekday },
        `${text} is a ${WEEKDAYS_EN[weekday]}, the text says ${WEEKDAYS_EN[date.weekday]}: is it the notice of another year?`,
      );
    }
    if (working && weekday !== 0 && weekday !== 6) {
      return fail(line, 'workdayNotWeekend', { date: text }, `${text} is a working day already (Monday to Friday)`);
    }
    if (days.has(text)) return fail(line, 'duplicate', { date: text }, `${text} is given twice`);
    days.set(text, { date: text, working, name });
    return true;
  };

  const readEntry = (line: number, name: string, rest: string): boolean => {
    let read = false;
    for (const sentence of rest.split(/[。；;]/).map((s) => s.replace(/\s+/g, ''))) {
      const holiday = sentence.match(HOLIDAY_SENTENCE);
      if (holiday) {
        const start = ymd(holiday.slice(1, 5), { y: year });
        const end = holiday[7] !== undefined ? holiday.slice(5, 9) : null;
        const last = start && (end ? ymd(end, { y: start.y, m: start.m }) : start);
        if (!start || !last) return false;
        const count = holiday[9].match(/(\d+)天/)?.[1];
        const from = iso(start);
        const to = iso(last);
        if (!validDate(start) || !validDate(last)) {
          fail(
            line,
            'invalidDate',
            { date: validDate(start) ? to : from },
            `${validDate(start) ? to : from} is not a date`,
          );
          read = true;
          continue;
        }
        const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
        if (span < 1 || span > 31) return false;
        if (count !== undefined && Number(count) !== span) {
          fail(
            line,
            'wrongCount',
            { from, to, count: Number(count), days: span },
            `${from}–${to} is ${span} days, the text says ${count}`,
          );
          read = true;
          continue;
        }
        for (let i = 0; i < span; i++) {
          const date = addDays(from, i);
          const [y, m, d] = date.split('-').map(Number);
          const stated = i === 0 ? start.weekday : i === span - 1 ? last.weekday : undefined;
          if (!add(line, { y, m, d, weekday: stated }, false, name)) break;
        }
        read = true;
      } else if (sentence.includes('放假')) {
        return false;
      } else if (sentence.endsWith('上班')) {
        if (!WORKDAY_SENTENCE.test(sentence)) return false;
        let base: { y: number; m?: number } = { y: year };
        for (const match of sentence.matchAll(ONE_DATE)) {
          const date = ymd(match.slice(1, 5), base);
          if (!date) return false;
          base = { y: date.y, m: date.m };
          add(line, date, true, name);
        }
        read = true;
      }
    }
    return read;
  };

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    for (const segment of raw.trim().replace(ENTRY_START, '\n').split('\n')) {
      const entry = segment.trim();
      if (!entry) continue;
      const simple = entry.match(SIMPLE);
      if (simple) {
        add(
          line,
          { y: Number(simple[1]), m: Number(simple[2]), d: Number(simple[3]) },
          simple[4].toLowerCase() === 'workday',
          simple[5]?.trim().slice(0, 50) ?? '',
        );
        continue;
      }
      const festival = entry.match(ENTRY);
      const looksLikeDays = /\d+月\d+日/.test(entry) && /放假|上班/.test(entry);
      if (festival && /放假|上班|\d+月\d+日/.test(festival[2])) {
        if (!readEntry(line, festival[1], festival[2])) {
          fail(line, 'unreadable', { text: entry.slice(0, 80) }, `cannot read "${entry.slice(0, 80)}"`);
        }
      } else if (looksLikeDays || /^\d{4}-\d{1,2}-\d{1,2}/.test(entry)) {
        fail(line, 'unreadable', { text: entry.slice(0, 80) }, `cannot read "${entry.slice(0, 80)}"`);
      }
    }
  });
  if (!days.size && !errors.length) fail(0, 'empty', { year }, `no holidays or make-up working days of ${year} found`);
  return { year, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), errors };
}
