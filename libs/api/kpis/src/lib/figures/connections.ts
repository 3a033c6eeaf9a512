import { commitmentClockJoin, STEP_CLOCK } from '@crm/api/lifecycle';
import { chinaDateSql } from '@crm/api/database';
import { AUDIT_CLOCK_OWNER } from '@crm/shared/domain';
import { WORK_ORDER_CLOCK } from '@crm/api/work-orders';
import { asOfSql, clocksOnTimeSql, instant, KpiFigure } from './kpi-figure';

/** The clock owners of time_limit_compliance_rate: application steps, work orders (contact, resolution), audit findings. */
export const COMPLIANCE_CLOCK_OWNERS = [STEP_CLOCK, WORK_ORDER_CLOCK, AUDIT_CLOCK_OWNER];

/**
 * The working days the utility took on a new connection: what its commitment clock (getting_electricity, paused
 * during the customer's construction) used, as clockUsedSoFar in libs/shared/domain/time-limits.ts does it.
 */
const COMMITMENT_USED = `(kc.used_before + working_days_between(${chinaDateSql('coalesce(kc.resumed_at, kc.started_at)')},
                                                              ${chinaDateSql('kc.stopped_at')}))`;

/**
 * Section "connections" (all over the customer `c` of the application or clock).
 * - new_connections_completed (flow): applications of type new_connection with status completed whose completed_at
 *   falls in the month.
 * - hv_connection_working_days (flow): of those, the ones of customers at 10 kV and above whose commitment clock
 *   stopped: numerator = sum of the working days the commitment clock used, denominator = their count.
 * - time_limit_compliance_rate (flow): clocks of application steps, work orders and audit findings stopped in the
 *   month: numerator = those stopped at or before their due moment, denominator = all of them.
 * - open_applications_overdue (stock, at `asOf`): applications open now (a past moment: received and neither
 *   completed nor cancelled by then)
 *   with a step clock running then (started, not stopped) whose due moment had passed (a clock paused before its due
 *   moment is not overdue) — the step `sla` overdue of the applications list.
 */
export const CONNECTION_FIGURES: KpiFigure[] = [
  {
    code: 'new_connections_completed',
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM applications a JOIN customers c ON c.id = a.customer_id
       WHERE a.type = 'new_connection' AND a.status = 'completed'
         AND a.completed_at >= ${instant(p, m.from)} AND a.completed_at < ${instant(p, m.to)}${scope.where}
       ${scope.groupBy}`,
  },
  {
    code: 'hv_connection_working_days',
    sql: (scope, p, m) => `
      SELECT ${scope.columns}, sum(${COMMITMENT_USED}) AS numerator, count(*) AS denominator,
             jsonb_build_object('single', count(*) FILTER (WHERE NOT a.dual_supply),
                                'dual', count(*) FILTER (WHERE a.dual_supply)) AS breakdown
        FROM applications a JOIN customers c ON c.id = a.customer_id
        JOIN clocks kc ON ${commitmentClockJoin('kc', 'a')}
       WHERE a.type = 'new_connection' AND a.status = 'completed' AND c.voltage_kv >= 10 AND kc.stopped_at IS NOT NULL
         AND a.completed_at >= ${instant(p, m.from)} AND a.completed_at < ${instant(p, m.to)}${scope.where}
       ${scope.groupBy}`,
  },
  {
    code: 'time_limit_compliance_rate',
    sql: (scope, p, m) => clocksOnTimeSql(scope, p, m, COMPLIANCE_CLOCK_OWNERS, 'stopped_at'),
  },
  {
    code: 'open_applications_overdue',
    sql: (scope, p, m) => {
      const at = asOfSql(p, m);
      return `
      SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator, NULL::jsonb AS breakdown
        FROM applications a JOIN customers c ON c.id = a.customer_id
       WHERE ${m.asOf === null ? `a.status = 'open'` : `a.received_at <= ${at} AND (a.completed_at IS NULL OR a.completed_at > ${at}) AND (a.cancelled_at IS NULL OR a.cancelled_at > ${at})`}
         AND EXISTS (SELECT 1 FROM clocks k
                      WHERE k.owner_kind = '${STEP_CLOCK}' AND k.owner_id = a.id AND k.started_at <= ${at}
                        AND (k.stopped_at IS NULL OR k.stopped_at > ${at})
                        AND coalesce(CASE WHEN k.paused_at <= ${at} THEN k.paused_at END, ${at}) > k.due_at)${scope.where}
       ${scope.groupBy}`;
    },
  },
];
