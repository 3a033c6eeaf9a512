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

export type Sla = 'on_time' | 'warning' | 'overdue';

/** Share of a step's working days after which it is in `warning`. */
export const SLA_WARNING_SHARE = 0.8;

export interface StepDeadlines {
  /** Start + limit working days: finishing later is `overdue`. */
  dueDate: string;
  /** The day 80 % of the working days have passed: from then on an open step is in `warning`. */
  warningDate: string;
  /** True when the due date lies in a year whose holidays are not known (weekends only counted). */
  estimated: boolean;
}

/** The deadlines of a step that starts on `startDate` with `limit` working days. */
export function stepDeadlines(startDate: string, limit: number, calendar: WorkingCalendar): StepDeadlines {
  const dueDate = addWorkingDays(startDate, limit, calendar);
  return {
    dueDate,
    warningDate: addWorkingDays(startDate, Math.max(1, Math.ceil(SLA_WARNING_SHARE * limit)), calendar),
    estimated: isBeyondKnownYears(dueDate, calendar),
  };
}

/**
 * The SLA state from a step's deadlines: `overdue` once finished (or, still open, today) after its
 * due date; `warning` while open from its warning date; otherwise `on_time`.
 */
export function slaFromDeadlines(
  deadlines: { dueDate: string; warningDate: string },
  completedDate: string | null | undefined,
  today: string,
): Sla {
  if (completedDate) return completedDate > deadlines.dueDate ? 'overdue' : 'on_time';
  if (today > deadlines.dueDate) return 'overdue';
  return today >= deadlines.warningDate ? 'warning' : 'on_time';
}

/**
 * The SLA state of a step that started on `startDate` with `limit` working days:
 * `warning` when 80 % or more of its working days have passed, `overdue` after its due date.
 */
export function slaOf(
  step: { startDate: string; limit: number; completedDate?: string | null },
  today: string,
  calendar: WorkingCalendar,
): Sla {
  return slaFromDeadlines(stepDeadlines(step.startDate, step.limit, calendar), step.completedDate, today);
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
