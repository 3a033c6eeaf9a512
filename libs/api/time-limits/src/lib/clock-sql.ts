import { chinaDateSql } from '@crm/api/database';

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
