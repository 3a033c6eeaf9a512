import { Params } from '@crm/api/database';
import { contactClockJoin } from '@crm/api/work-orders';
import { AuditParameters } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';
import { chinaMidnightSql, isoSql } from './moments-sql';
import { orderNoSql } from './work-order-evidence-sql';

/**
 * repair_arrival_late: a fault repair received in the last `days` days (from the start of the day `days` days
 * before `today`) whose crew arrived on site after its limit (45 minutes urban, 90 rural, 120 remote: the
 * order's contact clock, kept on the order as `contact_outcome` 'late'), or has not arrived although the limit
 * ran out before `today` began. Subject `order:<id>`. Evidence (AuditEvidenceByRule.repair_arrival_late): the
 * order (id, number, receipt), the customer's area, the arrival (the contact clock's stop; null while the crew
 * has not arrived), the limit in minutes and the minutes past it at the arrival (or when `today` began).
 */
export const repairArrivalLate: AuditRuleQuery = {
  code: 'repair_arrival_late',
  select(p: Params, parameters: AuditParameters, today: string): string {
    const t = p.add(today);
    const since = chinaMidnightSql(`${t}::date - ${p.add(parameters['days'])}::int`);
    const cutoff = chinaMidnightSql(t);
    return `
      SELECT w.customer_id, 'order:' || w.id AS subject_key,
             jsonb_build_object('orderId', w.id::text, 'orderNo', ${orderNoSql('w')},
                                'area', c.area, 'receivedAt', ${isoSql('w.received_at')},
                                'arrivedAt', ${isoSql('k.stopped_at')}, 'limitMinutes', k.limit_value::int,
                                'minutesLate',
                                floor(extract(epoch FROM coalesce(k.stopped_at, ${cutoff}) - k.due_at) / 60)::int)
               AS evidence
        FROM work_orders w
        JOIN customers c ON c.id = w.customer_id
        JOIN clocks k ON ${contactClockJoin('k', 'w')}
       WHERE w.type = 'fault_repair' AND w.received_at >= ${since}
         AND (w.contact_outcome = 'late' OR (w.contact_outcome IS NULL AND w.contact_due_at <= ${cutoff}))`;
  },
};
