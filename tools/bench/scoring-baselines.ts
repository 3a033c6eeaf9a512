import { metricsSelect, scoresSelect } from '@crm/api/scoring';
import { ScoringModelFields } from '@crm/shared/domain';

/**
 * The scoring run's baseline (npm run bench -- --cases scoring): the same result as a run (customer_metrics with the
 * fresh metrics and latest scores, segment_facts following them, one history row per scored customer in
 * customer_scores) by the leanest hand-written SQL, run one after another in one session inside a transaction that
 * the bench rolls back. Triggers are off for the session (session_replication_role = replica: the bench is the
 * superuser), so segment_facts is written by one statement of its own. The aggregation and the scoring are the
 * product's set-wise SELECT (metricsSelect, scoresSelect: one parallel pass over consumption and bills, no faster
 * shape found by hand); the writes are hand-written: the changed metrics rows only, the new ones, the changed
 * segment facts only, and the history by one INSERT … SELECT without sorting. `$1` as of, `$2`–`$4` the months
 * (metricsParams); the history's run id is -1 (rolled back).
 */
const METRICS = `kwh_12m, kwh_prev_12m, kwh_growth, capacity_increases_12m, max_demand_kw_12m, avg_power_factor_12m,
  revenue_12m, bills_due_12m, late_bills_12m, on_time_ratio_12m, avg_days_late_12m, arrears, arrears_days, avg_bill_12m,
  disconnections_24m, violations_24m, thefts_24m, months_within_capacity_12m, months_metered_12m,
  vip_score, vip_tier, credit_score, credit_rating`
  .split(',')
  .map((c) => c.trim());
const FACTS = `kwh_12m, kwh_growth, max_demand_kw_12m, avg_power_factor_12m, arrears, late_bills_12m, violations_24m,
  thefts_24m, vip_score, vip_tier, credit_score, credit_rating`
  .split(',')
  .map((c) => c.trim());
const of = (table: string, columns: string[]) => columns.map((c) => `${table}.${c}`).join(', ');
const set = (table: string, columns: string[]) => columns.map((c) => `${c} = ${table}.${c}`).join(', ');

export function scoringBaseline(model: ScoringModelFields): { name: string; sql: string; params: boolean }[] {
  return [
    { name: 'session', sql: `SET LOCAL session_replication_role = replica`, params: false },
    {
      name: 'compute',
      sql: `CREATE TEMP TABLE w ON COMMIT DROP AS ${scoresSelect(model, `(${metricsSelect()})`, { withMetrics: true })}`,
      params: true,
    },
    {
      name: 'metrics changed',
      sql: `UPDATE customer_metrics m SET ${set('w', METRICS)} FROM w
             WHERE m.customer_id = w.customer_id AND (${of('m', METRICS)}) IS DISTINCT FROM (${of('w', METRICS)})`,
      params: false,
    },
    {
      name: 'metrics new',
      sql: `INSERT INTO customer_metrics (customer_id, ${METRICS.join(', ')})
            SELECT w.customer_id, ${of('w', METRICS)} FROM w ON CONFLICT (customer_id) DO NOTHING`,
      params: false,
    },
    {
      name: 'segment facts',
      sql: `UPDATE segment_facts f SET ${set('w', FACTS)} FROM w
             WHERE f.customer_id = w.customer_id AND (${of('f', FACTS)}) IS DISTINCT FROM (${of('w', FACTS)})`,
      params: false,
    },
    {
      name: 'history',
      sql: `INSERT INTO customer_scores (run_id, customer_id, vip_rank, vip_score, vip_tier, vip_values, vip_normalised,
                                         credit_score, credit_rating, credit_values, credit_normalised, blacklist_reason)
            SELECT -1, customer_id, vip_rank, vip_score, vip_tier, vip_values, vip_normalised,
                   credit_score, credit_rating, credit_values, credit_normalised, blacklist_reason FROM w`,
      params: false,
    },
  ];
}
