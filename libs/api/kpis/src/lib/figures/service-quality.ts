import { keptOutcomeSql } from '@crm/api/work-orders';
import { KpiCode } from '@crm/shared/domain';
import { asOfSql, instant, KpiFigure } from './kpi-figure';

/** The orders received in the month whose `clock` outcome is met, of those whose outcome is met or late. */
function onTimeRate(code: KpiCode, clock: 'contact' | 'resolution'): KpiFigure {
  return {
    code,
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, count(*) FILTER (WHERE ${keptOutcomeSql(clock, 'w')} = 'met') AS numerator,
             count(*) FILTER (WHERE ${keptOutcomeSql(clock, 'w')} IN ('met', 'late')) AS denominator,
             NULL::jsonb AS breakdown
        FROM work_orders w JOIN customers c ON c.id = w.customer_id
       WHERE w.received_at >= ${instant(p, m.from)} AND w.received_at < ${instant(p, m.to)}${scope.where}
       ${scope.groupBy}`,
  };
}

/**
 * Section "service quality": the work orders (requests) of the customer `c`, as the service-quality report
 * (libs/api/work-orders WorkOrderReportRepository) counts them for the same period: the orders received in the month,
 * the contact and current resolution outcomes the order keeps (keptOutcomeSql: met, late, or pending while running
 * within its limit), the last callback's satisfaction.
 * - complaints_per_10k (flow): numerator = complaints received in the month (every customer's), denominator = the
 *   customers not closed now; the value is numerator × 10,000 / denominator.
 * - contact_on_time_rate (flow): numerator = orders received in the month whose contact outcome is met, denominator =
 *   those whose contact outcome is met or late (the contact clock stopped, or ran past its due moment).
 * - resolution_on_time_rate (flow): the same for the resolution outcome.
 * - average_satisfaction (flow): numerator = sum of the satisfaction (1–5) of the orders received in the month that
 *   have one, denominator = their count.
 * - open_escalations (stock, at `asOf`): orders escalated by then and not closed then (now: escalated and state not
 *   closed; a past moment: escalated_at ≤ it and closed_at after it or none).
 */
export const SERVICE_QUALITY_FIGURES: KpiFigure[] = [
  {
    code: 'complaints_per_10k',
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, coalesce(sum(w.complaints), 0) AS numerator,
             count(*) FILTER (WHERE c.stage <> 'closed') AS denominator, NULL::jsonb AS breakdown
        FROM customers c
        LEFT JOIN (SELECT w.customer_id, count(*) AS complaints FROM work_orders w
                    WHERE w.type = 'complaint' AND w.received_at >= ${instant(p, m.from)} AND w.received_at < ${instant(p, m.to)}
                    GROUP BY w.customer_id) w ON w.customer_id = c.id
       WHERE true${scope.where}
       ${scope.groupBy}`,
  },
  onTimeRate('contact_on_time_rate', 'contact'),
  onTimeRate('resolution_on_time_rate', 'resolution'),
  {
    code: 'average_satisfaction',
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, sum(w.satisfaction) AS numerator, count(w.satisfaction) AS denominator,
             NULL::jsonb AS breakdown
        FROM work_orders w JOIN customers c ON c.id = w.customer_id
       WHERE w.received_at >= ${instant(p, m.from)} AND w.received_at < ${instant(p, m.to)}${scope.where}
       ${scope.groupBy}`,
  },
  {
    code: 'open_escalations',
    sql: (scope, p, m) => {
      const open =
        m.asOf === null
          ? `w.escalated_at IS NOT NULL AND w.state <> 'closed'`
          : `w.escalated_at <= ${asOfSql(p, m)} AND (w.closed_at IS NULL OR w.closed_at > ${asOfSql(p, m)})`;
      return `
      SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM work_orders w JOIN customers c ON c.id = w.customer_id
       WHERE ${open}${scope.where}
       ${scope.groupBy}`;
    },
  },
];
