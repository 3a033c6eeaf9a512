import { chinaDateSql, Params } from '@crm/api/database';
import { ClockUnit } from '@crm/shared/domain';

/**
 * Clocks of one owner kind started together at one moment (TimeLimitsService.startedTogether): the moments of each
 * of their limits, computed once as TimeLimitsService.start computes them.
 */
export interface ClocksStart {
  ownerKind: string;
  unit: ClockUnit;
  startedAt: Date;
  moments: { limit: number; warnAt: Date; dueAt: Date; estimated: boolean }[];
}

/**
 * The state of the clock row `k` (see clockState in libs/shared/domain/time-limits.ts, the same
 * comparison of the stored moments): on_time, warning, overdue, stopped_on_time or stopped_late.
 * The 80 % rule is not here: it is in warn_at, computed once when the clock started. NULL when `k`
 * is the missing side of an outer join (no clock).
 */
export function clockStateSql(k: string): string {
  return `CASE WHEN ${k}.id IS NULL THEN NULL
     WHEN ${k}.stopped_at IS NOT NULL THEN CASE WHEN ${k}.stopped_at > ${k}.due_at THEN 'stopped_late' ELSE 'stopped_on_time' END
     WHEN coalesce(${k}.paused_at, now()) > ${k}.due_at THEN 'overdue'
     WHEN coalesce(${k}.paused_at, now()) >= ${k}.warn_at THEN 'warning'
     ELSE 'on_time' END`;
}

/** The state as API.md's step `sla` shows it (a late stop stays overdue; no clock is on time), as slaOfClock. */
export function clockSlaSql(k: string): string {
  return `CASE ${clockStateSql(k)} WHEN 'stopped_late' THEN 'overdue' WHEN 'warning' THEN 'warning' WHEN 'overdue' THEN 'overdue' ELSE 'on_time' END`;
}

/**
 * Working days a working-day clock ran past its due date: those after the due date up to the China date it stopped
 * (or was paused, or today), counted by working_days_between; NULL while it is not past due (or there is no clock).
 * 0 when it went past due on a weekend or holiday only.
 */
export function clockWorkingDaysLateSql(k: string): string {
  const end = `coalesce(${k}.stopped_at, ${k}.paused_at, now())`;
  return `CASE WHEN ${end} > ${k}.due_at THEN working_days_between(${clockDueDateSql(k)}, ${chinaDateSql(end)}) END`;
}

/** The China date of a working-day clock's due moment (the end of its due date): the due date. */
export function clockDueDateSql(k: string): string {
  return `${chinaDateSql(`(${k}.due_at - interval '1 millisecond')`)}`;
}

/** The China date from which a working-day clock warns. */
export function clockWarnDateSql(k: string): string {
  return chinaDateSql(`${k}.warn_at`);
}

/** The bulk load of clocks (the demo population): `COPY … FROM STDIN` of CSV rows in this column order. */
export const clocksCopy = `COPY clocks (owner_kind, owner_id, clock_kind, customer_id, limit_value, limit_unit, started_at,
              warn_at, due_at, stopped_at, paused_at, resumed_at, used_before, calendar_estimated)
              FROM STDIN (FORMAT csv)`;

/**
 * The set-wise clock start for jobs: inserts one clock per row of `source` (a CTE or a sub-query with the columns
 * owner_id, clock_kind, customer_id, limit_value), started as `start` says, its moments those of its limit. A row
 * whose limit is not among `start`'s fails the statement (warn_at may not be null) rather than go without a clock.
 */
export function clocksInsertFrom(p: Params, source: string, start: ClocksStart): string {
  const moments = start.moments
    .map(
      (m) =>
        `(${p.add(m.limit)}::numeric, ${p.add(m.warnAt)}::timestamptz, ${p.add(m.dueAt)}::timestamptz, ${p.add(m.estimated)}::boolean)`,
    )
    .join(', ');
  return `INSERT INTO clocks (owner_kind, owner_id, clock_kind, customer_id, limit_value, limit_unit, started_at,
                              warn_at, due_at, calendar_estimated)
          SELECT ${p.add(start.ownerKind)}, s.owner_id, s.clock_kind, s.customer_id, s.limit_value, ${p.add(start.unit)},
                 ${p.add(start.startedAt)}::timestamptz, m.warn_at, m.due_at, m.calendar_estimated
            FROM ${source} s
            LEFT JOIN (VALUES ${moments}) m (limit_value, warn_at, due_at, calendar_estimated)
                   ON m.limit_value = s.limit_value`;
}
