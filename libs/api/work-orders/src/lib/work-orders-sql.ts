import { WorkOrderIntake } from '@crm/shared/domain';

/**
 * The clocks of a work order in libs/api/time-limits: owner kind `work_order`, owner id the order; the
 * contact clock (for a fault repair, the arrival on site) is `contact`, the resolution clock of open
 * period 1 is `resolution` and that of a later period n (after n - 1 unsolved callbacks) `resolution_n`.
 */
export const WORK_ORDER_CLOCK = 'work_order';
export const CONTACT_CLOCK = 'contact';

/** The clock kind of the resolution clock of open period `period`. */
export function resolutionClockKind(period: number): string {
  return period === 1 ? 'resolution' : `resolution_${period}`;
}

/** Joins the contact clock `k` of the order row `w`. */
export function contactClockJoin(k: string, w: string): string {
  return `${k}.owner_kind = '${WORK_ORDER_CLOCK}' AND ${k}.owner_id = ${w}.id AND ${k}.clock_kind = '${CONTACT_CLOCK}'`;
}

/** Joins the resolution clock `k` of the current open period of the order row `w`. */
export function resolutionClockJoin(k: string, w: string): string {
  return `${k}.owner_kind = '${WORK_ORDER_CLOCK}' AND ${k}.owner_id = ${w}.id
    AND ${k}.clock_kind = CASE WHEN ${w}.period = 1 THEN 'resolution' ELSE 'resolution_' || ${w}.period END`;
}

/**
 * The ClockOutcome (met, late or pending; NULL without the clock) of the order row `w`'s contact or current
 * resolution clock, from the outcome the order keeps of it (`<clock>_due_at`, `<clock>_outcome`, written by
 * WorkOrdersRepository.keepClockOutcomes): the clock's state (clockStateSql) stopped on time is met, stopped late
 * or overdue is late, on time or warning is pending (work-order clocks never pause: a running clock is late
 * once now() passes its due moment).
 */
export function keptOutcomeSql(clock: 'contact' | 'resolution', w: string): string {
  return `CASE WHEN ${w}.${clock}_due_at IS NULL THEN NULL WHEN ${w}.${clock}_outcome IS NOT NULL THEN ${w}.${clock}_outcome
     WHEN now() > ${w}.${clock}_due_at THEN 'late' ELSE 'pending' END`;
}

/**
 * Whether the order row `w`'s contact or current resolution clock runs past its due moment: the sla
 * `overdue` (the partial indexes work_orders_contact_running and work_orders_resolution_running).
 */
export function keptOverdueSql(w: string): string {
  return `((${w}.contact_outcome IS NULL AND ${w}.contact_due_at < now())
        OR (${w}.resolution_outcome IS NULL AND ${w}.resolution_due_at < now()))`;
}

/**
 * Whether the order row `w`'s contact or current resolution clock runs (it has a due moment and no outcome yet):
 * the predicates of the partial indexes work_orders_contact_running and work_orders_resolution_running.
 */
export function keptRunningSql(w: string): string {
  return `((${w}.contact_outcome IS NULL AND ${w}.contact_due_at IS NOT NULL)
        OR (${w}.resolution_outcome IS NULL AND ${w}.resolution_due_at IS NOT NULL))`;
}

/**
 * How the time-limit scan tells an order whose clock reached warning or overdue: a timeline entry and
 * the owner's notification `request_warning` / `request_overdue` (the web's texts read `customer`,
 * `summary`, `clock` (contact | resolution), `typeZh`, `typeEn`). The owner is the customer's account
 * manager, or the recorder while the customer has none.
 */
export const WORK_ORDER_EVENTS_SQL = `
  SELECT f.clock_id, f.customer_id, 'request_' || f.kind AS timeline_type,
         t.name_en || ' "' || w.summary || '": the '
           || CASE WHEN f.clock_kind = '${CONTACT_CLOCK}' THEN 'contact' ELSE 'resolution' END
           || CASE f.kind WHEN 'overdue' THEN ' time limit is exceeded' ELSE ' time limit is near' END AS timeline_summary,
         jsonb_build_object('workOrderId', w.id, 'kind', f.kind,
                            'clock', CASE WHEN f.clock_kind = '${CONTACT_CLOCK}' THEN 'contact' ELSE 'resolution' END,
                            'summary', w.summary) AS timeline_data,
         coalesce(c.account_manager_id, w.recorded_by) AS user_id, 'request_' || f.kind AS notification_kind,
         c.name || ': ' || t.name_en || ' "' || w.summary || '" '
           || CASE f.kind WHEN 'overdue' THEN 'past' ELSE 'near' END || ' its '
           || CASE WHEN f.clock_kind = '${CONTACT_CLOCK}' THEN 'contact' ELSE 'resolution' END || ' time limit'
           AS notification_summary,
         jsonb_build_object('workOrderId', w.id, 'customer', c.name, 'summary', w.summary,
                            'clock', CASE WHEN f.clock_kind = '${CONTACT_CLOCK}' THEN 'contact' ELSE 'resolution' END,
                            'typeZh', t.name_zh, 'typeEn', t.name_en) AS notification_data
    FROM fired f
    JOIN work_orders w ON w.id = f.owner_id
    JOIN work_order_types t ON t.code = w.type
    JOIN customers c ON c.id = f.customer_id`;

/**
 * For set-wise intake (the 95598 CSV import, the demo generator): an INSERT of one work order per row of
 * `source` (a CTE or sub-query), skipping a row whose channel already has its external_ref (idempotent
 * re-imports), RETURNING id, customer_id, channel, external_ref, received_at. `source` must have the
 * columns customer_id, channel, type, topic, summary, external_ref, contact_name, contact_phone,
 * received_at, recorded_by, state, period, period_started_at, contacted_at, contacted_by, handled_at,
 * handled_by, result, cause, accountability, closed_at, satisfaction, urges, escalation_reasons (text[]),
 * escalated_at and contradicted_at (NULL, or for a new open order state 'open', period 1,
 * period_started_at = received_at, urges 0, escalation_reasons '{}'). Codes must be those of the
 * reference tables; the table's checks (a closed order has closed_at, a topic only on a complaint or a
 * service request) apply. It starts no clocks and writes no events, timeline or notifications: the caller
 * embeds those writers' fragments in the same statement as needed.
 */
export function workOrdersInsertFrom(source: string): string {
  return `INSERT INTO work_orders (customer_id, channel, type, topic, summary, external_ref, contact_name, contact_phone,
                                   received_at, recorded_by, state, period, period_started_at, contacted_at,
                                   contacted_by, handled_at, handled_by, result, cause, accountability, closed_at,
                                   satisfaction, urges, escalation_reasons, escalated_at, contradicted_at)
          SELECT s.customer_id, s.channel, s.type, s.topic, s.summary, s.external_ref, s.contact_name, s.contact_phone,
                 s.received_at, s.recorded_by, s.state, s.period, s.period_started_at, s.contacted_at,
                 s.contacted_by, s.handled_at, s.handled_by, s.result, s.cause, s.accountability, s.closed_at,
                 s.satisfaction, s.urges, s.escalation_reasons, s.escalated_at, s.contradicted_at
            FROM ${source} s
          ON CONFLICT (channel, external_ref) DO NOTHING
          RETURNING id, customer_id, channel, external_ref, received_at`;
}

/**
 * For set-wise writers: an INSERT of one work-order event per row of `source` (a CTE or sub-query with the
 * columns work_order_id, period, kind, at, by, details (jsonb)). A `received` event's details carry the
 * limits the order was received with (`limits`, as limitsFor gives them): the steps read them there.
 */
export function workOrderEventsInsertFrom(source: string): string {
  return `INSERT INTO work_order_events (work_order_id, period, kind, at, by, details)
          SELECT e.work_order_id, e.period, e.kind, e.at, e.by, e.details FROM ${source} e`;
}

/** The columns of what an order is received with (WorkOrderIntake), in the order of `workOrderIntakeValues`. */
export const WORK_ORDER_INTAKE_COLUMNS = 'channel, type, topic, summary, external_ref, contact_name, contact_phone';

/** The values of WORK_ORDER_INTAKE_COLUMNS for `o`, in their order (parameters of an INSERT, fields of a COPY row). */
export function workOrderIntakeValues(o: WorkOrderIntake): (string | null)[] {
  return [o.channel, o.type, o.topic, o.summary, o.externalRef, o.contactName, o.contactPhone];
}

/**
 * The bulk load of work orders (the demo population): `COPY … FROM STDIN` of CSV rows in this column order
 * (the intake's columns as `workOrderIntakeValues` gives them).
 */
export const workOrdersCopy = `COPY work_orders (id, customer_id, ${WORK_ORDER_INTAKE_COLUMNS}, received_at, recorded_by,
                   state, period, period_started_at, contacted_at,
                   contacted_by, handled_at, handled_by, result, cause, accountability, closed_at, satisfaction,
                   urges, escalation_reasons, escalated_at, contradicted_at, contact_due_at, contact_outcome,
                   resolution_due_at, resolution_outcome, created_at, updated_at)
                   FROM STDIN (FORMAT csv)`;

/** The bulk load of work-order events: `COPY … FROM STDIN` of CSV rows in this column order. */
export const workOrderEventsCopy =
  'COPY work_order_events (work_order_id, period, kind, at, by, details, created_at) FROM STDIN (FORMAT csv)';
