import { Params } from '@crm/api/database';
import { KpiCode } from '@crm/shared/domain';

/**
 * The moment a figure is computed for: the month [from, to) as China dates (and the same bounds as instants,
 * `fromAt`/`toAt`, for the index-friendly comparisons of timestamps), and the moment `asOf` of the stock KPIs.
 * `asOf` null means now: the current month's snapshot (refreshed every few minutes), or a snapshot taken right after
 * its month closed.
 */
export interface KpiMoment {
  from: string;
  to: string;
  asOf: string | null;
}

/**
 * How a figure's statement is scoped, on the customer row `c`: every figure's SELECT starts with `columns`
 * (region, manager_key), ends its WHERE with `where` and ends with `groupBy`.
 * - all scopes at once (snapshots): GROUPING SETS ((), (region), (account_manager_id), (region, account_manager_id));
 *   region '' / manager_key '' is "all", '-' a customer without region / account manager.
 * - one row per account manager (the league table, `byManager`).
 */
export interface KpiScope {
  grouped: boolean;
  columns: string;
  where: string;
  groupBy: string;
}

/** The row every figure's statement returns, per scope. Sums come back as strings (numeric). */
export interface KpiFigureRow {
  region: string;
  manager_key: string;
  numerator: string | number | null;
  denominator: string | number | null;
  breakdown: Record<string, number> | null;
}

/**
 * One KPI's SQL: ONE set-wise SELECT over the whole population, returning KpiFigureRow per scope. Null when the
 * figure cannot be computed as of a past moment `m.asOf` (the data keeps no history of it): its snapshot stays NULL.
 */
export interface KpiFigure {
  code: KpiCode;
  /**
   * When the statement computes several KPIs at once: all of them, `code` first; its rows then carry their KPI in a
   * first column `kpi_code`.
   */
  together?: readonly KpiCode[];
  sql(scope: KpiScope, p: Params, m: KpiMoment): string | null;
}

export const NO_KEY = '-';

const GROUPED_COLUMNS = `CASE WHEN GROUPING(c.region) = 1 THEN '' ELSE coalesce(c.region, '${NO_KEY}') END AS region,
  CASE WHEN GROUPING(c.account_manager_id) = 1 THEN '' ELSE coalesce(c.account_manager_id::text, '${NO_KEY}') END AS manager_key`;

/** Every scope in one pass (the snapshots). */
export function allScopes(): KpiScope {
  return {
    grouped: true,
    columns: GROUPED_COLUMNS,
    where: '',
    groupBy: 'GROUP BY GROUPING SETS ((), (c.region), (c.account_manager_id), (c.region, c.account_manager_id))',
  };
}

/** One row per account manager of the customers (of `region` when given): the league table. */
export function byManager(p: Params, region: string | undefined): KpiScope {
  return {
    grouped: false,
    columns: `'' AS region, coalesce(c.account_manager_id::text, '${NO_KEY}') AS manager_key`,
    where: region === undefined ? '' : ` AND c.region = ${p.add(region)}`,
    groupBy: 'GROUP BY c.account_manager_id',
  };
}

/** The China midnight starting `date` as a timestamptz parameter. */
export function instant(p: Params, date: string): string {
  return `${p.add(`${date}T00:00:00+08:00`)}::timestamptz`;
}

/** The moment of a stock KPI: now, or the given instant. */
export function asOfSql(p: Params, m: KpiMoment): string {
  return m.asOf === null ? 'now()' : `${p.add(m.asOf)}::timestamptz`;
}

/** The China date of the moment of a stock KPI. */
export function asOfDateSql(p: Params, m: KpiMoment): string {
  return m.asOf === null
    ? `((now() AT TIME ZONE 'UTC') + interval '8 hours')::date`
    : `((${p.add(m.asOf)}::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date`;
}

/**
 * The on-time rate of the clocks of `owners` whose `month` moment (due_at or stopped_at) falls in the month:
 * numerator = those stopped at or before their due moment, denominator = all of them.
 */
export function clocksOnTimeSql(
  scope: KpiScope,
  p: Params,
  m: KpiMoment,
  owners: readonly string[],
  month: 'due_at' | 'stopped_at',
): string {
  return `
      SELECT ${scope.columns}, count(*) FILTER (WHERE k.stopped_at <= k.due_at) AS numerator, count(*) AS denominator,
             NULL::jsonb AS breakdown
        FROM clocks k JOIN customers c ON c.id = k.customer_id
       WHERE k.owner_kind IN (${owners.map((o) => `'${o}'`).join(', ')})
         AND k.${month} >= ${instant(p, m.from)} AND k.${month} < ${instant(p, m.to)}${scope.where}
       ${scope.groupBy}`;
}
