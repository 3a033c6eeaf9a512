import { AuditRuleQuery } from './audit-rule';

/**
 * zero_consumption: an active customer of the given tariff categories whose consumption was recorded as zero in
 * each of the last `months` calendar months (the months before today's month; a month without a reading is not
 * a zero month). Subject: the customer (a longer run of zero months updates the same finding). Evidence: the
 * tariff category and the zero months, oldest first, each beside the same month a year before (null when not
 * recorded).
 *
 * One pass over the consumption of the last `months` months keeps the customers with a zero in every one of
 * them; only those few are joined to the customers and read back month by month through the primary key.
 */
export const zeroConsumption: AuditRuleQuery = {
  code: 'zero_consumption',
  select(p, parameters, today) {
    const months = p.add(parameters['months']);
    const tariffs = p.add(parameters['tariffCategories']);
    // On a timestamp (not a date, which reads as timestamptz) date_trunc is immutable: planned as a constant.
    const to = `date_trunc('month', ${p.add(today)}::timestamp)::date`;
    const from = `(${to} - make_interval(months => ${months}::int))::date`;
    return `
      SELECT cu.id AS customer_id, cu.id::text AS subject_key,
             jsonb_build_object(
               'tariffCategory', cu.tariff_category,
               'months', (SELECT jsonb_agg(jsonb_build_object('period', to_char(m.period, 'YYYY-MM'), 'kwh', m.kwh,
                                                              'lastYearKwh', ly.kwh) ORDER BY m.period)
                            FROM consumption m
                            LEFT JOIN consumption ly
                              ON ly.customer_id = m.customer_id AND ly.period = (m.period - interval '1 year')::date
                           WHERE m.customer_id = cu.id AND m.period >= ${from} AND m.period < ${to})) AS evidence
        FROM (SELECT customer_id FROM consumption
               WHERE period >= ${from} AND period < ${to} AND kwh = 0
               GROUP BY customer_id HAVING count(*) = ${months}::int) zero
        JOIN customers cu ON cu.id = zero.customer_id
       WHERE cu.stage = 'active' AND cu.tariff_category = ANY (${tariffs}::text[])`;
  },
};
