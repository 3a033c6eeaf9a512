import { AuditRuleQuery } from './audit-rule';

/**
 * consumption_out_of_line: an active customer whose consumption last month (the month before today's month) is
 * below `lowPercent` % or above `highPercent` % of BOTH the same month a year before and the median of the
 * `trailingMonths` months before last month. Zero months are zero_consumption's (not compared here), and a
 * customer is compared only when last month, last year's month or the median reaches `minimumKwh` (small loads
 * swing). Subject: the customer. Evidence: the month, its kWh, last year's, the trailing median, kWh as a
 * percentage of each (one decimal) and the direction.
 *
 * One pass over two months of consumption (last month beside the same month a year before) keeps the customers
 * out of line with last year, materialised so that only those few read their trailing median (left to itself the
 * planner computes the median of every customer first: 90 s instead of 2 at 1,000,000 customers).
 */
export const consumptionOutOfLine: AuditRuleQuery = {
  code: 'consumption_out_of_line',
  select(p, parameters, today) {
    const low = p.add(parameters['lowPercent']);
    const high = p.add(parameters['highPercent']);
    const trailing = p.add(parameters['trailingMonths']);
    const minimum = p.add(parameters['minimumKwh']);
    // On a timestamp (not a date, which reads as timestamptz) date_trunc is immutable: planned as a constant.
    const last = `(date_trunc('month', ${p.add(today)}::timestamp) - interval '1 month')::date`;
    return `
      WITH out_of_line_with_last_year AS MATERIALIZED (
        SELECT cur.customer_id, cur.kwh, ly.kwh AS last_year_kwh
          FROM consumption cur
          JOIN consumption ly ON ly.customer_id = cur.customer_id AND ly.period = (${last} - interval '1 year')::date
         WHERE cur.period = ${last} AND cur.kwh > 0 AND ly.kwh > 0
           AND (cur.kwh * 100 < ${low}::int * ly.kwh OR cur.kwh * 100 > ${high}::int * ly.kwh)
      )
      SELECT x.customer_id, x.customer_id::text AS subject_key,
             jsonb_build_object(
               'period', to_char(${last}, 'YYYY-MM'), 'kwh', x.kwh, 'lastYearKwh', x.last_year_kwh,
               'trailingMedianKwh', x.median,
               'percentOfLastYear', round(x.kwh * 100 / x.last_year_kwh, 1),
               'percentOfMedian', round(x.kwh * 100 / x.median, 1),
               'direction', CASE WHEN x.kwh < x.last_year_kwh THEN 'low' ELSE 'high' END) AS evidence
        FROM (SELECT o.*, m.median
                FROM out_of_line_with_last_year o
                CROSS JOIN LATERAL (
                  SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY h.kwh)::numeric, 2) AS median
                    FROM consumption h
                   WHERE h.customer_id = o.customer_id AND h.period < ${last}
                     AND h.period >= (${last} - make_interval(months => ${trailing}::int))::date) m) x
        JOIN customers cu ON cu.id = x.customer_id AND cu.stage = 'active'
       WHERE x.median > 0
         AND greatest(x.kwh, x.last_year_kwh, x.median) >= ${minimum}::numeric
         AND ((x.kwh * 100 < ${low}::int * x.last_year_kwh AND x.kwh * 100 < ${low}::int * x.median)
           OR (x.kwh * 100 > ${high}::int * x.last_year_kwh AND x.kwh * 100 > ${high}::int * x.median))`;
  },
};
