import { ARREARS_AGEING_BUCKETS } from '@crm/shared/domain';
import { asOfDateSql, asOfSql, KpiFigure, KpiMoment } from './kpi-figure';
import { Params } from '@crm/api/database';

/** The ageing bucket bounds (days past the due date) of ARREARS_AGEING_BUCKETS, as arrearsAgeingBucket. */
const BUCKET_BOUNDS: [number, number][] = [
  [1, 30],
  [31, 90],
  [91, 180],
  [181, 1_000_000],
];

/** The completed scoring run in force at the moment (the latest finished by then). */
function runInForce(p: Params, m: KpiMoment): string {
  return `(SELECT max(r.id) FROM scoring_runs r WHERE r.state = 'completed' AND r.finished_at <= ${asOfSql(p, m)})`;
}

/**
 * Section "credit": customers `c` not closed (their stage now).
 * - arrears_outstanding (stock, at `asOf`, in yuan): unpaid amounts of the bills whose due date is before that day
 *   (China): amount − paid (now: paid_amount; a past day: the payments made before it); breakdown = the same per
 *   days past the due date (ARREARS_AGEING_BUCKETS: ≤30, 31–90, 91–180, >180).
 * - blacklisted_customers (stock): customers the scoring run in force then (the latest completed by then) blacklisted.
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
          : `b.amount - coalesce((SELECT sum(y.amount) FROM payments y WHERE y.bill_id = b.id AND y.paid_at < ${day}), 0)`;
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
  {
    code: 'blacklisted_customers',
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM customer_scores s JOIN customers c ON c.id = s.customer_id
       WHERE s.run_id = ${runInForce(p, m)} AND s.blacklist_reason IS NOT NULL AND c.stage <> 'closed'${scope.where}
       ${scope.groupBy}`,
  },
  {
    code: 'c_rated_customers',
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM customer_scores s JOIN customers c ON c.id = s.customer_id
       WHERE s.run_id = ${runInForce(p, m)} AND s.credit_rating = 'C' AND c.stage <> 'closed'${scope.where}
       ${scope.groupBy}`,
  },
];
