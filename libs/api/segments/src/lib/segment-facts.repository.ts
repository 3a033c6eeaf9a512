import { Db, execute } from '@crm/api/database';

/**
 * segment_facts, one row per customer with every column a segment rule reads, is kept by statement triggers
 * on customers, customer_metrics, work_orders and service_tasks (its migrations). A set-wise job that rewrites
 * much of customer_metrics (the scoring run) instead stops the metrics triggers in its transaction, and
 * copies the changed metrics once at the end.
 */

/** The columns of segment_facts copied from customer_metrics (the metrics triggers copy the same). */
const FROM_METRICS = [
  'kwh_12m',
  'kwh_growth',
  'max_demand_kw_12m',
  'avg_power_factor_12m',
  'arrears',
  'late_bills_12m',
  'violations_24m',
  'thefts_24m',
  'vip_score',
  'vip_tier',
  'credit_score',
  'credit_rating',
];

const columns = (table: string) => FROM_METRICS.map((c) => `${table}.${c}`).join(', ');

/**
 * Stops (`false`) or restarts the triggers that copy customer_metrics into segment_facts, in the caller's
 * transaction: other sessions never see them stopped (writers of customer_metrics wait for the transaction),
 * and a failed job restarts them by its rollback.
 */
export async function segmentFactsFromMetricsTriggers(db: Db, enabled: boolean): Promise<void> {
  const action = enabled ? 'ENABLE' : 'DISABLE';
  await execute(
    db,
    `ALTER TABLE customer_metrics ${action} TRIGGER segment_facts_on_metrics_insert,
                                  ${action} TRIGGER segment_facts_on_metrics_update`,
  );
}

/**
 * segment_facts of every customer whose metrics or scores differ from its facts, from customer_metrics in
 * one statement (what the stopped triggers would have done, statement by statement).
 */
export async function copyMetricsIntoSegmentFacts(db: Db): Promise<void> {
  await execute(
    db,
    `UPDATE segment_facts f SET ${FROM_METRICS.map((c) => `${c} = m.${c}`).join(', ')}
       FROM customer_metrics m
      WHERE f.customer_id = m.customer_id AND (${columns('f')}) IS DISTINCT FROM (${columns('m')})`,
  );
}
