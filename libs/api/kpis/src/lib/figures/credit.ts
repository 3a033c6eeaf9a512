import { ARREARS_AGEING_BUCKETS } from '@crm/shared/domain';
import { asOfDateSql, KpiFigure, KpiMoment } from './kpi-figure';
import { Params } from '@crm/api/database';

/** The ageing bucket bounds (days past the due date) of ARREARS_AGEING_BUCKETS, as arrearsAgeingBucket. */
const BUCKET_BOUNDS: [number, number][] = [
  [1, 30],
  [31, 90],
  [91, 180],
  [181, 1_000_000],
];

/**
 * The completed scoring run in force at the moment: now the latest (as the scores pages read it); at a past moment
 * the one that scored (as_of) the latest day before it. NULL when there was none.
 */
function runInForce(p: Params, m: KpiMoment): string {
  return m.asOf === null
    ? `(SELECT max(r.id) FROM scoring_runs r WHERE r.state = 'completed')`
    : `(SELECT r.id FROM scoring_runs r WHERE r.state = 'completed' AND r.as_of < ${asOfDateSql(p, m)}
         ORDER BY r.as_of DESC, r.id DESC LIMIT 1)`;
}

/** Customers not closed scored by the run in force with `condition`; NULL (unknown) without a run in force. */
function scoredCount(condition: string): KpiFigure['sql'] {
  return (scope, p, m) => {
    const run = runInForce(p, m);
    return `
      SELECT ${scope.columns}, CASE WHEN ${run} IS NULL THEN NULL ELSE count(*) END AS numerator,
             NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM customer_scores s JOIN customers c ON c.id = s.customer_id
       WHERE s.run_id = ${run} AND ${condition} AND c.stage <> 'closed'${scope.where}
       ${scope.groupBy}`;
  };
}

/**
 * Section "credit": customers `c` not closed (their stage now).
 * - arrears_outstanding (stock, at `asOf`, in yuan): unpaid amounts of the bills whose due date is before that day
 *   (China): amount − paid (now: paid_amount; a past day: the payments made before it); breakdown = the same per
 *   days past the due date (ARREARS_AGEING_BUCKETS: ≤30, 31–90, 91–180, >180).
 * - blacklisted_customers (stock): customers the scoring run in force then blacklisted (now: the latest completed
 *   run, as the credit-risk page; a past moment: the run scored as of the latest day before it). NULL without a run.
 * - c_rated_customers (stock): customers that run rated C.
 */
export const CREDIT_FIGURES: KpiFigure[] = [
  {
    code: 'arrears_outstanding',
    sql: (scope, p, m) => {
      const day = asOfDateSql(p, m);
      // A bill settled before the day owed nothing then; the few others add up their payments made before it.
      const unpaid =
        m.asOf === null
          ? 'b.amount - b.paid_amount'
          : `b.amount - coalesce((SELECT sum(y.amount) FROM payments y WHERE y.bill_id = b.id AND y.bill_period = b.period AND y.paid_at < ${day}), 0)`;
      const owing = m.asOf === null ? 'b.amount > b.paid_amount' : `(b.settled_on IS NULL OR b.settled_on >= ${day})`;
      const age = `(${day} - b.due_date)`;
      return `
      SELECT ${scope.columns}, coalesce(sum(u.unpaid), 0) AS numerator, NULL::int AS denominator,
             jsonb_build_object(${ARREARS_AGEING_BUCKETS.map(
               (key, i) =>
                 `'${key}', coalesce(sum(u.unpaid) FILTER (WHERE u.age BETWEEN ${BUCKET_BOUNDS[i][0]} AND ${BUCKET_BOUNDS[i][1]}), 0)`,
             ).join(', ')}) AS breakdown
        FROM (SELECT b.customer_id, ${unpaid} AS unpaid, ${age} AS age FROM bills b WHERE b.due_date < ${day} AND ${owing}) u
        JOIN customers c ON c.id = u.customer_id
       WHERE u.unpaid > 0 AND c.stage <> 'closed'${scope.where}
       ${scope.groupBy}`;
    },
  },
  { code: 'blacklisted_customers', sql: scoredCount('s.blacklist_reason IS NOT NULL') },
  { code: 'c_rated_customers', sql: scoredCount("s.credit_rating = 'C'") },
];
