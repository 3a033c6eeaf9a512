import { Params } from '@crm/api/database';
import { AuditParameters } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';
import { isoSql } from './moments-sql';
import { orderEvidenceSql } from './work-order-evidence-sql';

/**
 * urged_without_contact: a work order that is open (or reopened) and not yet contacted in its current open
 * period although the customer urged it (催办) at least `urges` times in that period. Subject `order:<id>`.
 * Evidence (AuditEvidenceByRule.urged_without_contact): the order (id, number, type, receipt), the urges of
 * the period and the last one's moment. The order's own `urges` count (all periods) narrows the orders read;
 * the period's urges are counted from its `urged` events.
 */
export const urgedWithoutContact: AuditRuleQuery = {
  code: 'urged_without_contact',
  select(p: Params, parameters: AuditParameters): string {
    const urges = p.add(parameters['urges']);
    return `
      SELECT w.customer_id, 'order:' || w.id AS subject_key,
             jsonb_build_object(${orderEvidenceSql('w')},
                                'urges', u.urges, 'lastUrgedAt', ${isoSql('u.last_urged_at')}) AS evidence
        FROM work_orders w
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS urges, max(e.at) AS last_urged_at
            FROM work_order_events e
           WHERE e.work_order_id = w.id AND e.kind = 'urged' AND e.period = w.period) u
       WHERE w.state IN ('open', 'reopened') AND w.contacted_at IS NULL AND w.urges >= ${urges}::int
         AND u.urges >= ${urges}::int`;
  },
};
