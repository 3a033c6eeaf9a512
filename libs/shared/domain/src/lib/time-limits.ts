import {
  addCalendarDays,
  addWorkingDays,
  chinaDate,
  isBeyondKnownYears,
  isWorkingDay,
  WorkingCalendar,
  workingDaysBetween,
} from './working-days';

/**
 * Clocks (DESIGN.md, "Service commitments"): a time limit started and stopped by its owner (an
 * application step, an application's whole-connection commitment, later a work order or an audit
 * finding). This file is the one place that turns a start and a limit into the two stored moments,
 * `warnAt` (80 % of the limit used) and `dueAt` (the limit used up); the state is then read from the
 * stored moments only (CLOCK_STATE in libs/api/time-limits, clockState below for one record).
 *
 * Units:
 * - `working_days`: Chinese working days (working-days.ts); the start day does not count, the due
 *   date counts whole: `dueAt` is the end of the due date (midnight China time after it), `warnAt`
 *   the start of the day on which 80 % of the days have passed (at least one day after the start).
 * - `working_hours`: hours within the working hours of working days, 08:30–17:30 China time
 *   (WORKING_HOURS); a clock started outside them starts counting at the next opening.
 * - `minutes`: calendar minutes around the clock (fault repair: on site within 45 minutes).
 */

export const CLOCK_UNITS = ['working_days', 'working_hours', 'minutes'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

export const CLOCK_STATES = ['on_time', 'warning', 'overdue', 'stopped_on_time', 'stopped_late'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** Share of a clock's limit after which it is in `warning`. */
export const CLOCK_WARNING_SHARE = 0.8;

/** The working hours of a working day, China time, in minutes after midnight: 08:30–17:30. */
export const WORKING_HOURS = { opensAt: 8 * 60 + 30, closesAt: 17 * 60 + 30 } as const;

const MINUTE_MS = 60_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The instant of `minutes` after midnight of `date` in China. */
function chinaInstant(date: string, minutes = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS + minutes * MINUTE_MS);
}

/** Minutes after midnight China time of an instant. */
function chinaMinuteOfDay(instant: Date): number {
  return ((instant.getTime() + CHINA_OFFSET_MS) % 86_400_000) / MINUTE_MS;
}

/** The next moment at or after `at` within working hours. */
function nextWorkingMoment(at: Date, calendar: WorkingCalendar): Date {
  let date = chinaDate(at);
  let minute = chinaMinuteOfDay(at);
  while (!isWorkingDay(date, calendar) || minute >= WORKING_HOURS.closesAt) {
    date = addCalendarDays(date, 1);
    minute = 0;
  }
  return minute < WORKING_HOURS.opensAt ? chinaInstant(date, WORKING_HOURS.opensAt) : new Date(at);
}

/** The moment `minutes` working minutes after `start`. */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkingCalendar): Date {
  let at = nextWorkingMoment(start, calendar);
  let left = minutes;
  for (;;) {
    const closes = chinaInstant(chinaDate(at), WORKING_HOURS.closesAt);
    const available = (closes.getTime() - at.getTime()) / MINUTE_MS;
    if (left <= available) return new Date(at.getTime() + left * MINUTE_MS);
    left -= available;
    at = nextWorkingMoment(closes, calendar);
  }
}

/** Working minutes in [`from`, `to`). */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let total = 0;
  let at = nextWorkingMoment(from, calendar);
  while (at < to) {
    const closes = chinaInstant(chinaDate(at), WORKING_HOURS.closesAt);
    const end = closes < to ? closes : to;
    total += (end.getTime() - at.getTime()) / MINUTE_MS;
    at = nextWorkingMoment(closes, calendar);
  }
  return total;
}

export interface ClockMoments {
  /** From this moment a running clock is in `warning`. */
  warnAt: Date;
  /** A clock running (or stopped) after this moment is `overdue` (`stopped_late`). */
  dueAt: Date;
  /** True when `dueAt` lies in a year whose holidays are not known (weekends only counted). */
  estimated: boolean;
}

/**
 * The moments of a clock that starts (or resumes) at `startedAt` with `limit` units, `usedBefore` of
 * them already used before a pause (0 for a fresh start).
 */
export function clockMoments(
  startedAt: Date,
  limit: number,
  unit: ClockUnit,
  calendar: WorkingCalendar,
  usedBefore = 0,
): ClockMoments {
  if (unit === 'working_days') {
    const start = chinaDate(startedAt);
    const warnDays = Math.max(1, Math.ceil(CLOCK_WARNING_SHARE * limit)) - usedBefore;
    const dueDate = addWorkingDays(start, Math.max(0, limit - usedBefore), calendar);
    return {
      warnAt: warnDays > 0 ? chinaInstant(addWorkingDays(start, warnDays, calendar)) : startedAt,
      dueAt: chinaInstant(addCalendarDays(dueDate, 1)),
      estimated: isBeyondKnownYears(dueDate, calendar),
    };
  }
  const total = unit === 'working_hours' ? limit * 60 : limit;
  const used = unit === 'working_hours' ? usedBefore * 60 : usedBefore;
  const warn = Math.max(0, Math.ceil(CLOCK_WARNING_SHARE * total) - used);
  const due = Math.max(0, total - used);
  if (unit === 'minutes') {
    return {
      warnAt: new Date(startedAt.getTime() + warn * MINUTE_MS),
      dueAt: new Date(startedAt.getTime() + due * MINUTE_MS),
      estimated: false,
    };
  }
  const dueAt = addWorkingMinutes(startedAt, due, calendar);
  return {
    warnAt: addWorkingMinutes(startedAt, warn, calendar),
    dueAt,
    estimated: isBeyondKnownYears(chinaDate(dueAt), calendar),
  };
}

/**
 * Units of `unit` used between `from` and `to`: working days after `from`'s date up to and including
 * `to`'s, working hours (fractional) or whole minutes.
 */
export function clockUsed(unit: ClockUnit, from: Date, to: Date, calendar: WorkingCalendar): number {
  if (unit === 'working_days') return workingDaysBetween(chinaDate(from), chinaDate(to), calendar);
  if (unit === 'working_hours') return workingMinutesBetween(from, to, calendar) / 60;
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MINUTE_MS));
}

/**
 * The state of one clock from its stored moments, at `now` (the same comparison as CLOCK_STATE in
 * SQL): a stopped clock is late when it stopped after `dueAt`; a paused one keeps the state it had
 * when it was paused.
 */
export function clockState(
  clock: { warnAt: Date; dueAt: Date; stoppedAt: Date | null; pausedAt: Date | null },
  now: Date,
): ClockState {
  if (clock.stoppedAt) return clock.stoppedAt > clock.dueAt ? 'stopped_late' : 'stopped_on_time';
  const at = clock.pausedAt ?? now;
  if (at > clock.dueAt) return 'overdue';
  return at >= clock.warnAt ? 'warning' : 'on_time';
}

/** The step-level SLA of API.md from a clock's state: a late stop stays `overdue`. */
export function slaOfClock(state: ClockState | null): 'on_time' | 'warning' | 'overdue' {
  if (state === 'stopped_late') return 'overdue';
  if (state === 'warning' || state === 'overdue') return state;
  return 'on_time';
}

/**
 * The whole-connection commitment (获得电力, DESIGN.md "Service commitments"): all utility steps of
 * a high-voltage new connection together within 22 working days (single supply) or 32 (dual supply).
 */
export function connectionCommitmentLimit(dualSupply: boolean): number {
  return dualSupply ? 32 : 22;
}

/**
 * The step of a new connection during which the commitment clock is paused: it starts when the
 * design review is answered and ends with the mid-construction inspection, so it is the customer's
 * own construction time, not the utility's.
 */
export const CUSTOMER_CONSTRUCTION_STEP = 'mid_inspection';

/** The commitment as the application view shows it. */
export interface CommitmentView {
  limitWorkingDays: number;
  usedWorkingDays: number;
  state: ClockState;
}

/** Units a clock has used by `now`: before its last pause or resume, plus since then unless paused. */
export function clockUsedSoFar(
  clock: {
    limitUnit: ClockUnit;
    startedAt: Date;
    resumedAt: Date | null;
    pausedAt: Date | null;
    stoppedAt: Date | null;
    usedBefore: number;
  },
  now: Date,
  calendar: WorkingCalendar,
): number {
  if (clock.pausedAt) return clock.usedBefore;
  return (
    clock.usedBefore + clockUsed(clock.limitUnit, clock.resumedAt ?? clock.startedAt, clock.stoppedAt ?? now, calendar)
  );
}
