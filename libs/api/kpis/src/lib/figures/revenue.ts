import { Params } from '@crm/api/database';
import { KpiCode, shiftKpiPeriod, VIP_TIERS } from '@crm/shared/domain';
import { KpiFigure, KpiMoment, KpiScope, NO_KEY } from './kpi-figure';

/** VIP tiers from the lowest (1) to the highest. */
const TIER_RANK = `ARRAY[${[...VIP_TIERS]
  .reverse()
  .map((t) => `'${t}'`)
  .join(', ')}]`;

/**
 * The scopes of one customer row `s` (columns region, account_manager_id): all four when grouped, else the one.
 * A ranking inside each scope cannot be a GROUPING SETS aggregate, so the customers are repeated once per scope.
 */
function scopesOf(scope: KpiScope): string {
  const region = `coalesce(s.region, '${NO_KEY}')`;
  const manager = `coalesce(s.account_manager_id::text, '${NO_KEY}')`;
  return scope.grouped
    ? `CROSS JOIN LATERAL (VALUES ('', ''), (${region}, ''), ('', ${manager}), (${region}, ${manager})) x (region, manager_key)`
    : `CROSS JOIN LATERAL (VALUES ('', '')) x (region, manager_key)`;
}

const SHARES = [1, 5, 20] as const;

/** The three revenue shares in one statement: the customers are ranked once per scope for all three. */
const REVENUE_SHARES: KpiFigure = {
  code: 'revenue_share_top_1',
  together: SHARES.map((top) => `revenue_share_top_${top}` as KpiCode),
  sql: (scope, p: Params, m: KpiMoment) => `
      WITH spend AS (
        SELECT b.customer_id, sum(b.amount) AS amount FROM bills b
         WHERE b.period >= ${p.add(`${shiftKpiPeriod(m.from.slice(0, 7), 11)}-01`)}::date AND b.period < ${p.add(m.to)}::date
         GROUP BY b.customer_id),
      s AS (
        SELECT c.region, c.account_manager_id, coalesce(sp.amount, 0) AS amount
          FROM customers c LEFT JOIN spend sp ON sp.customer_id = c.id
         WHERE c.stage <> 'closed'${scope.where}),
      ranked AS (
        SELECT x.region, x.manager_key, s.amount,
               row_number() OVER (PARTITION BY x.region, x.manager_key ORDER BY s.amount DESC) AS rank,
               count(*) OVER (PARTITION BY x.region, x.manager_key) AS customers
          FROM s ${scopesOf(scope)}),
      totals AS (
        SELECT r.region, r.manager_key,
               ${SHARES.map((top) => `coalesce(sum(r.amount) FILTER (WHERE r.rank <= ceil(r.customers * ${top} / 100.0)), 0) AS top_${top}`).join(',\n               ')},
               coalesce(sum(r.amount), 0) AS denominator
          FROM ranked r
         GROUP BY r.region, r.manager_key)
      SELECT k.kpi_code, t.region, t.manager_key, k.numerator, t.denominator, NULL::jsonb AS breakdown
        FROM totals t
        CROSS JOIN LATERAL (VALUES ${SHARES.map((top) => `('revenue_share_top_${top}', t.top_${top})`).join(', ')}) k (kpi_code, numerator)`,
};

/**
 * Tier movements between the scoring run in force at the month's start (the latest scored as of a day before it) and
 * the latest run scored as of a day in the month.
 */
function vipMovement(code: KpiCode, comparison: '>' | '<'): KpiFigure {
  return {
    code,
    sql: (scope, p, m) => {
      const from = `${p.add(m.from)}::date`;
      const before = `(SELECT r.id FROM scoring_runs r WHERE r.state = 'completed' AND r.as_of < ${from}
                        ORDER BY r.as_of DESC, r.id DESC LIMIT 1)`;
      const within = `(SELECT r.id FROM scoring_runs r WHERE r.state = 'completed' AND r.as_of >= ${from}
                          AND r.as_of < ${p.add(m.to)}::date ORDER BY r.as_of DESC, r.id DESC LIMIT 1)`;
      return `
      SELECT ${scope.columns},
             CASE WHEN ${before} IS NULL THEN NULL
                  ELSE count(*) FILTER (WHERE array_position(${TIER_RANK}, s.vip_tier) ${comparison} array_position(${TIER_RANK}, b.vip_tier))
             END AS numerator,
             NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM customer_scores s
        JOIN customer_scores b ON b.customer_id = s.customer_id
        JOIN customers c ON c.id = s.customer_id
       WHERE s.run_id = ${within} AND b.run_id = ${before} AND c.stage <> 'closed'${scope.where}
       ${scope.groupBy}`;
    },
  };
}

/**
 * Section "revenue": customers `c` not closed (their stage now).
 * - revenue_share_top_N (flow, the 12 months to the month's end): each customer's billed amount (bills of the periods
 *   from 11 months before the month to the month, customers without bills count with 0); ranked by it within the
 *   scope: numerator = the amount of the first ceil(N % of the scope's customers), denominator = the amount of all.
 *   The three shares are one statement (one ranking).
 * - vip_upgrades / vip_downgrades (flow): customers scored both by the latest completed scoring run that scored a day
 *   of the month (as_of) and by the one in force at the month's start (the latest scored before it): those whose VIP
 *   tier is higher / lower. 0 when no run scored the month (the tiers did not move); NULL when no run came before it.
 */
export const REVENUE_FIGURES: KpiFigure[] = [
  REVENUE_SHARES,
  vipMovement('vip_upgrades', '>'),
  vipMovement('vip_downgrades', '<'),
];
