/**
 * Working-day arithmetic in Chinese working days (DESIGN.md, "Lifecycle"): Monday to Friday, minus
 * public holidays, plus the adjusted working weekends (调休). Dates are calendar dates `YYYY-MM-DD`
 * in China Standard Time (UTC+8, no daylight saving).
 */

export interface WorkingCalendar {
  /** Public holidays (non-working, whatever the weekday). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休 make-up days). */
  workdays: ReadonlySet<string>;
  /** Years whose holidays are known; other years count weekends only. */
  knownYears: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `date` is a real calendar date `YYYY-MM-DD` (no 2026-02-30), years 1000 to 9999. */
export function isCalendarDate(date: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(date)) return false;
  const day = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(day) && new Date(day).toISOString().slice(0, 10) === date;
}

function toEpochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** True when the date lies in a year the calendar does not know (weekends only are counted). */
export function isBeyondKnownYears(date: string, calendar: WorkingCalendar): boolean {
  return !calendar.knownYears.has(Number(date.slice(0, 4)));
}

/** The calendar's exceptions as epoch days, computed once per calendar: the loops below run per day. */
const epochDaySets = new WeakMap<WorkingCalendar, { holidays: Set<number>; workdays: Set<number> }>();

function isWorkingEpochDay(day: number, calendar: WorkingCalendar): boolean {
  let sets = epochDaySets.get(calendar);
  if (!sets) {
    sets = {
      holidays: new Set([...calendar.holidays].map(toEpochDay)),
      workdays: new Set([...calendar.workdays].map(toEpochDay)),
    };
    epochDaySets.set(calendar, sets);
  }
  if (sets.workdays.has(day)) return true;
  if (sets.holidays.has(day)) return false;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return weekday !== 0 && weekday !== 6;
}

/** The date `workingDays` working days after `start`; the start day itself does not count. */
export function addWorkingDays(start: string, workingDays: number, calendar: WorkingCalendar): string {
  let day = toEpochDay(start);
  for (let left = workingDays; left > 0; ) {
    day++;
    if (isWorkingEpochDay(day, calendar)) left--;
  }
  return fromEpochDay(day);
}

/** The date `workingDays` working days before `end`, counting back from the day before it. */
export function workingDaysBefore(end: string, workingDays: number, calendar: WorkingCalendar): string {
  let day = toEpochDay(end);
  for (let left = workingDays; left > 0; ) {
    day--;
    if (isWorkingEpochDay(day, calendar)) left--;
  }
  return fromEpochDay(day);
}

/** Working days in (`from`, `to`]: after `from`, up to and including `to`; 0 when `to` ≤ `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = toEpochDay(from) + 1; day <= toEpochDay(to); day++) {
    if (isWorkingEpochDay(day, calendar)) count++;
  }
  return count;
}

/** A calendar from lists of dates (e.g. the rows of the `working_calendar` table). */
export function workingCalendar(
  days: { date: string; working: boolean }[],
  knownYears: Iterable<number>,
): WorkingCalendar {
  return {
    holidays: new Set(days.filter((d) => !d.working).map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.working).map((d) => d.date)),
    knownYears: new Set(knownYears),
  };
}
