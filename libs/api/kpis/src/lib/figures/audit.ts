import { AUDIT_CLOCK_OWNER } from '@crm/shared/domain';
import { clocksOnTimeSql, KpiFigure } from './kpi-figure';

/**
 * Section "audit": the marketing audit's findings on the customer `c` and their rectification clocks.
 * - open_audit_findings (stock, now): findings in state open or rectifying. The findings keep no state history in a
 *   form one statement can read as of a past moment: NULL for a closed month unless its snapshot was taken right
 *   after it closed.
 * - audit_rectified_on_time_rate (flow): rectification clocks (owner audit_finding) whose due moment falls in the
 *   month: numerator = those stopped at or before it, denominator = all of them.
 */
export const AUDIT_FIGURES: KpiFigure[] = [
  {
    code: 'open_audit_findings',
    sql: (scope, _p, m) =>
      m.asOf !== null
        ? null
        : `SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator, NULL::jsonb AS breakdown
             FROM audit_findings f JOIN customers c ON c.id = f.customer_id
            WHERE f.state IN ('open', 'rectifying')${scope.where}
            ${scope.groupBy}`,
  },
  {
    code: 'audit_rectified_on_time_rate',
    sql: (scope, p, m) => clocksOnTimeSql(scope, p, m, [AUDIT_CLOCK_OWNER], 'due_at'),
  },
];
