import { asOfDateSql, asOfSql, KpiFigure } from './kpi-figure';

/**
 * Section "service plans": the service tasks of the customer `c`.
 * - service_plan_completion_rate (flow): tasks due (due_on) in the month and not cancelled: numerator = those done,
 *   denominator = all of them.
 * - overdue_tasks (stock, at `asOf`): tasks due before that day (China) not done then (now: state open; a past moment:
 *   not cancelled, and not completed by then — a task cancelled after the moment is not counted, the tasks keep no
 *   cancellation time).
 */
export const SERVICE_PLAN_FIGURES: KpiFigure[] = [
  {
    code: 'service_plan_completion_rate',
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, count(*) FILTER (WHERE t.state = 'done') AS numerator, count(*) AS denominator,
             NULL::jsonb AS breakdown
        FROM service_tasks t JOIN customers c ON c.id = t.customer_id
       WHERE t.state <> 'cancelled' AND t.due_on >= ${p.add(m.from)}::date AND t.due_on < ${p.add(m.to)}::date${scope.where}
       ${scope.groupBy}`,
  },
  {
    code: 'overdue_tasks',
    sql: (scope, p, m) => {
      const notDone =
        m.asOf === null
          ? `t.state = 'open'`
          : `t.state <> 'cancelled' AND (t.completed_at IS NULL OR t.completed_at > ${asOfSql(p, m)})`;
      return `
      SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM service_tasks t JOIN customers c ON c.id = t.customer_id
       WHERE ${notDone} AND t.due_on < ${asOfDateSql(p, m)}${scope.where}
       ${scope.groupBy}`;
    },
  },
];
