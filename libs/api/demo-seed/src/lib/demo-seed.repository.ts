import { copyInto, Db, execute, query } from '@crm/api/database';
import { LifecycleStepDefinition, WorkingCalendar, workingCalendar, WorkOrderLimitRow } from '@crm/shared/domain';
import { finished } from 'node:stream/promises';
import { EntityManager } from 'typeorm';

/** The SQL of the demo seed and the population generator (run before Nest starts: plain functions). */

/** How many users exist (none on a fresh install). */
export async function countUsers(db: Db): Promise<number> {
  const [{ n }] = await query<{ n: number }>(db, 'SELECT count(*)::int AS n FROM users');
  return n;
}

/** Active account managers, in username order (the generator gives the first ones the most customers). */
export async function accountManagerIds(db: Db): Promise<string[]> {
  const rows = await query<{ id: string }>(
    db,
    `SELECT id FROM users WHERE role = 'account_manager' AND active ORDER BY length(username), username`,
  );
  return rows.map((r) => r.id);
}

/** Active service staff (marketing), in username order: they record hotline orders and call customers back. */
export async function serviceStaffIds(db: Db): Promise<string[]> {
  const rows = await query<{ id: string }>(
    db,
    `SELECT id FROM users WHERE role = 'marketing' AND active ORDER BY length(username), username`,
  );
  return rows.map((r) => r.id);
}

/** The work-order limit table as limitsFor reads it. */
export function workOrderLimitTable(db: Db): Promise<WorkOrderLimitRow[]> {
  return query<WorkOrderLimitRow>(
    db,
    `SELECT type, channel, area, topic,
            jsonb_build_object('amount', contact_amount::float8, 'unit', contact_unit) AS contact,
            jsonb_build_object('amount', resolution_amount::float8, 'unit', resolution_unit) AS resolution,
            resolution_starts_at AS "resolutionStartsAt"
       FROM work_order_limits ORDER BY id`,
  );
}

/** The highest bill id, 0 when there are no bills. */
export async function maxBillId(db: Db): Promise<number> {
  const [{ max }] = await query<{ max: string }>(db, 'SELECT coalesce(max(id), 0) AS max FROM bills');
  return Number(max);
}

/** Every step of every application type, in order. */
export function lifecycleStepDefinitions(db: Db): Promise<LifecycleStepDefinition[]> {
  return query<LifecycleStepDefinition>(
    db,
    `SELECT application_type AS "applicationType", position, code, name_zh AS "nameZh", name_en AS "nameEn",
            sla_working_days AS "slaWorkingDays", sla_working_days_dual_supply AS "slaWorkingDaysDualSupply"
       FROM lifecycle_steps ORDER BY application_type, position`,
  );
}

/** The working-day calendar: its exceptions to Monday–Friday and the years it knows. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const days = await query<{ date: string; working: boolean }>(
    db,
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, working FROM working_calendar`,
  );
  const years = await query<{ year: number }>(db, 'SELECT year FROM working_calendar_years');
  return workingCalendar(
    days,
    years.map((y) => y.year),
  );
}

/** COPYs `text` (CSV lines) into a table on the connection of the transaction `tx`, by `statement` (`COPY … FROM STDIN`). */
export async function copyRows(tx: EntityManager, statement: string, text: string): Promise<void> {
  const stream = copyInto(tx, statement);
  stream.end(text);
  await finished(stream);
}

/** The bulk loads of the tables only the population writes: `COPY … FROM STDIN` of CSV rows in these column orders. */
export const violationsCopy =
  'COPY violations (customer_id, occurred_on, kind, description, penalty) FROM STDIN (FORMAT csv)';
export const disconnectionsCopy =
  'COPY disconnections (customer_id, notice_date, disconnected_on, restored_on) FROM STDIN (FORMAT csv)';

/** Moves the bills' id sequence past the highest bill id. */
export async function advanceBillSequence(db: Db): Promise<void> {
  await execute(
    db,
    `SELECT setval(pg_get_serial_sequence('bills', 'id'), greatest(max(id), 1), max(id) IS NOT NULL) FROM bills`,
  );
}

/** Rebuilds the segment facts of every customer. */
export async function refreshSegmentFacts(db: Db): Promise<void> {
  await execute(db, 'SELECT refresh_segment_facts()');
}
