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
 *
 * Each disconnection (few) reads its customer's bills through their (customer_id, period) key; arrears are paid
 * in full on or after the day of disconnection, so one restored within the allowance of that day is not read.
 */
export const restorationLate: AuditRuleQuery = {
  code: 'restoration_late',
  select(p, parameters, today) {
    const hours = p.add(parameters['hours']);
    const day = `${p.add(today)}::date`;
    const allowed = `ceil(${hours}::int / 24.0)`;
    return `
      SELECT d.customer_id, 'disconnection:' || d.id AS subject_key,
             jsonb_build_object(
               'disconnectionId', d.id::text, 'disconnectedOn', to_char(d.disconnected_on, 'YYYY-MM-DD'),
               'paidInFullOn', to_char(a.paid_in_full_on, 'YYYY-MM-DD'),
               'restoredOn', to_char(d.restored_on, 'YYYY-MM-DD'), 'hoursAllowed', ${hours}::int,
               'daysWithoutPowerAfterPayment', coalesce(d.restored_on, ${day}) - a.paid_in_full_on) AS evidence
        FROM disconnections d
       CROSS JOIN LATERAL (
         SELECT count(*) AS bills, count(b.settled_on) AS settled, max(b.settled_on) AS paid_in_full_on
           FROM bills b
          WHERE b.customer_id = d.customer_id AND b.due_date < d.disconnected_on AND b.amount > 0
            AND (b.settled_on IS NULL OR b.settled_on >= d.disconnected_on)) a
       WHERE d.disconnected_on <= ${day}
         AND coalesce(d.restored_on, ${day}) - d.disconnected_on > ${allowed}
         AND a.bills > 0 AND a.settled = a.bills AND a.paid_in_full_on <= ${day}
         AND coalesce(d.restored_on, ${day}) - a.paid_in_full_on > ${allowed}`;
  },
};
