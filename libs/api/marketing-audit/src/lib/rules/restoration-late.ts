import { AuditRuleQuery } from './audit-rule';

/**
 * restoration_late: power not restored within `hours` hours of the arrears being paid in full. The arrears of a
 * disconnection (carried out on or before today) are the bills due before the day of disconnection and not
 * settled before it; they are paid in full on the day the last of them was settled (while one is unsettled,
 * nothing is due). Dates carry no time of day, so restoration is late only when it came (or, power still off,
 * today is) more than `hours` rounded up to whole days after that day: with 24 hours, restored the next day is
 * in time, two days after is late. Subject: the disconnection. Evidence: its id, the disconnection date, the day
 * paid in full, the restoration date (null while off), the hours allowed and the days without power after
 * payment.
 */
export const restorationLate: AuditRuleQuery = {
  code: 'restoration_late',
  select(p, parameters, today) {
    const hours = p.add(parameters['hours']);
    const day = `${p.add(today)}::date`;
    return `
      SELECT x.customer_id, 'disconnection:' || x.id AS subject_key,
             jsonb_build_object(
               'disconnectionId', x.id::text, 'disconnectedOn', to_char(x.disconnected_on, 'YYYY-MM-DD'),
               'paidInFullOn', to_char(x.paid_in_full_on, 'YYYY-MM-DD'),
               'restoredOn', to_char(x.restored_on, 'YYYY-MM-DD'), 'hoursAllowed', ${hours}::int,
               'daysWithoutPowerAfterPayment', coalesce(x.restored_on, ${day}) - x.paid_in_full_on) AS evidence
        FROM (SELECT d.id, d.customer_id, d.disconnected_on, d.restored_on, max(b.settled_on) AS paid_in_full_on
                FROM disconnections d
                JOIN bills b ON b.customer_id = d.customer_id AND b.due_date < d.disconnected_on AND b.amount > 0
                            AND (b.settled_on IS NULL OR b.settled_on >= d.disconnected_on)
               WHERE d.disconnected_on <= ${day}
               GROUP BY d.id
              HAVING count(*) = count(b.settled_on)) x
       WHERE x.paid_in_full_on <= ${day}
         AND coalesce(x.restored_on, ${day}) - x.paid_in_full_on > ceil(${hours}::int / 24.0)`;
  },
};
