import { Params } from '@crm/api/database';
import { AuditParameters } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';
import { chinaMidnightSql, isoSql } from './moments-sql';
import { orderEvidenceSql } from './work-order-evidence-sql';

/**
 * callback_contradiction: a work order whose callback (回访) in the last `days` days (from the start of the day
 * `days` days before `today`) said the problem was not solved although a result was recorded (the order keeps the
 * last such moment in `contradicted_at`; the callback event says `contradicts`). Subject `order:<id>`: one
 * finding per order, about its latest contradicting callback. Evidence
 * (AuditEvidenceByRule.callback_contradiction): the order (id, number, type, receipt), the result the callback
 * contradicted (the `handled` event of that period: the order itself was reopened and no longer holds it), the
 * callback's moment, note and satisfaction.
 */
export const callbackContradiction: AuditRuleQuery = {
  code: 'callback_contradiction',
  select(p: Params, parameters: AuditParameters, today: string): string {
    const since = chinaMidnightSql(`${p.add(today)}::date - ${p.add(parameters['days'])}::int`);
    return `
      SELECT w.customer_id, 'order:' || w.id AS subject_key,
             jsonb_build_object(${orderEvidenceSql('w')},
                                'result', h.result, 'callbackAt', ${isoSql('cb.at')},
                                'callbackNote', cb.details ->> 'note',
                                'satisfaction', (cb.details ->> 'satisfaction')::int) AS evidence
        FROM work_orders w
        CROSS JOIN LATERAL (
          SELECT e.id, e.period, e.at, e.details FROM work_order_events e
           WHERE e.work_order_id = w.id AND e.kind = 'callback' AND (e.details ->> 'contradicts')::boolean
           ORDER BY e.id DESC LIMIT 1) cb
        LEFT JOIN LATERAL (
          SELECT e.details ->> 'result' AS result FROM work_order_events e
           WHERE e.work_order_id = w.id AND e.kind = 'handled' AND e.period = cb.period AND e.id < cb.id
           ORDER BY e.id DESC LIMIT 1) h ON true
       WHERE w.contradicted_at >= ${since}`;
  },
};
