import { CUSTOMER_CONSTRUCTION_STEP } from '@crm/shared/domain';

/**
 * The clocks the lifecycle owns in libs/api/time-limits: one per started step (owner kind
 * `application_step`, owner id the application, clock kind the step code) and, for a new connection,
 * the whole-connection commitment (owner kind `application`, clock kind `getting_electricity`),
 * paused during the customer's construction (CUSTOMER_CONSTRUCTION_STEP).
 */
export const STEP_CLOCK = 'application_step';
export const APPLICATION_CLOCK = 'application';
export const COMMITMENT_CLOCK = 'getting_electricity';
export { CUSTOMER_CONSTRUCTION_STEP };

/** Joins the clock `k` of the step row `s`. */
export function stepClockJoin(k: string, s: string): string {
  return `${k}.owner_kind = '${STEP_CLOCK}' AND ${k}.owner_id = ${s}.application_id AND ${k}.clock_kind = ${s}.code`;
}

/** Joins the commitment clock `k` of the application row `a`. */
export function commitmentClockJoin(k: string, a: string): string {
  return `${k}.owner_kind = '${APPLICATION_CLOCK}' AND ${k}.owner_id = ${a}.id AND ${k}.clock_kind = '${COMMITMENT_CLOCK}'`;
}

/**
 * How the scan tells a step that reached warning or overdue: a timeline entry `sla_warning` /
 * `sla_overdue` and the account manager's notification of the same kind, with the step's names (the
 * web's notification texts read `customer`, `stepZh`, `stepEn`).
 */
export const STEP_EVENTS_SQL = `
  SELECT f.clock_id, f.customer_id, 'sla_' || f.kind AS timeline_type,
         a.type || ': step ' || f.clock_kind
           || CASE f.kind WHEN 'overdue' THEN ' is overdue' ELSE ' is close to its time limit' END AS timeline_summary,
         jsonb_build_object('applicationId', a.id, 'step', f.clock_kind, 'kind', f.kind) AS timeline_data,
         c.account_manager_id AS user_id, 'sla_' || f.kind AS notification_kind,
         c.name || ': ' || a.type || ' ' || f.clock_kind
           || CASE f.kind WHEN 'overdue' THEN ' overdue' ELSE ' near its limit' END AS notification_summary,
         jsonb_build_object('applicationId', a.id, 'step', f.clock_kind, 'customer', c.name,
                            'stepZh', l.name_zh, 'stepEn', l.name_en) AS notification_data
    FROM fired f
    JOIN applications a ON a.id = f.owner_id
    JOIN customers c ON c.id = f.customer_id
    LEFT JOIN lifecycle_steps l ON l.application_type = a.type AND l.code = f.clock_kind`;

/** How the scan tells a new connection whose commitment reached warning or overdue. */
export const COMMITMENT_EVENTS_SQL = `
  SELECT f.clock_id, f.customer_id, 'commitment_' || f.kind AS timeline_type,
         'new connection: the ' || k.limit_value::int || ' working days commitment'
           || CASE f.kind WHEN 'overdue' THEN ' is exceeded' ELSE ' is close to its limit' END AS timeline_summary,
         jsonb_build_object('applicationId', f.owner_id, 'kind', f.kind, 'limit', k.limit_value::int) AS timeline_data,
         c.account_manager_id AS user_id, 'commitment_' || f.kind AS notification_kind,
         c.name || ': new connection ' || CASE f.kind WHEN 'overdue' THEN 'past' ELSE 'near' END
           || ' its ' || k.limit_value::int || ' working days commitment' AS notification_summary,
         jsonb_build_object('applicationId', f.owner_id, 'customer', c.name, 'limit', k.limit_value::int) AS notification_data
    FROM fired f
    JOIN clocks k ON k.id = f.clock_id
    JOIN customers c ON c.id = f.customer_id`;
