import {
  ClockState,
  EscalationReason,
  RepairArea,
  WorkOrderCallbackView,
  WorkOrderChannel,
  WorkOrderClockView,
  WorkOrderListItem,
  WorkOrderState,
  WorkOrderTopic,
  WorkOrderType,
  WorkOrderUrgeView,
  WorkOrderView,
} from '@crm/shared/domain';

/**
 * A work order as the repository selects it (WorkOrdersRepository's ORDER_SELECT): the order row, its
 * customer, owner, recorder and handler, and its two current clocks (contact, and the resolution clock of
 * the current open period) with their states. Importers and the demo generator may select the same
 * columns and map them with `toWorkOrderListItem`.
 */
export interface WorkOrderRow {
  id: string;
  customer_id: string;
  account_no: string;
  customer_name: string;
  customer_area: RepairArea;
  channel: WorkOrderChannel;
  type: WorkOrderType;
  topic: WorkOrderTopic | null;
  summary: string;
  external_ref: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  state: WorkOrderState;
  owner_id: string | null;
  owner_name: string | null;
  recorded_by: string;
  recorded_by_name: string;
  received_at: Date;
  period: number;
  contacted_at: Date | null;
  handled_at: Date | null;
  handled_by: string | null;
  handled_by_name: string | null;
  result: string | null;
  closed_at: Date | null;
  satisfaction: number | null;
  urges: number;
  escalation_reasons: EscalationReason[];
  escalated_at: Date | null;
  contradicted_at: Date | null;
  version: number;
  contact_due_at: Date | null;
  contact_warn_at: Date | null;
  contact_stopped_at: Date | null;
  contact_state: ClockState | null;
  resolution_due_at: Date | null;
  resolution_warn_at: Date | null;
  resolution_stopped_at: Date | null;
  resolution_state: ClockState | null;
  sla: ClockState;
}

/** The single order's extra columns: the "three in place" record, the last callback and the urges. */
export interface WorkOrderDetailRow extends WorkOrderRow {
  cause: string | null;
  accountability: string | null;
  callback: WorkOrderCallbackView | null;
  urge_list: WorkOrderUrgeView[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function clock(dueAt: Date | null, warnAt: Date | null, stoppedAt: Date | null, state: ClockState | null) {
  if (!dueAt || !warnAt || !state) return null;
  const view: WorkOrderClockView = {
    dueAt: dueAt.toISOString(),
    warnAt: warnAt.toISOString(),
    state,
    stoppedAt: iso(stoppedAt),
  };
  return view;
}

/** What the list and the single order show alike. */
function commonFields(r: WorkOrderRow): Omit<WorkOrderListItem, 'urgeCount' | 'satisfaction'> {
  return {
    id: r.id,
    customer: { id: r.customer_id, accountNo: r.account_no, name: r.customer_name, area: r.customer_area },
    channel: r.channel,
    type: r.type,
    topic: r.topic,
    summary: r.summary,
    externalRef: r.external_ref,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    state: r.state,
    owner: r.owner_id ? { id: r.owner_id, displayName: r.owner_name ?? '' } : null,
    recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
    receivedAt: r.received_at.toISOString(),
    period: r.period,
    contactDueAt: iso(r.contact_due_at),
    resolveDueAt: iso(r.resolution_due_at),
    contactedAt: iso(r.contacted_at),
    handledAt: iso(r.handled_at),
    handledBy: r.handled_by ? { id: r.handled_by, displayName: r.handled_by_name ?? '' } : null,
    result: r.result,
    closedAt: iso(r.closed_at),
    sla: r.sla,
    contactClock: clock(r.contact_due_at, r.contact_warn_at, r.contact_stopped_at, r.contact_state),
    resolutionClock: clock(r.resolution_due_at, r.resolution_warn_at, r.resolution_stopped_at, r.resolution_state),
    escalated: r.escalated_at !== null,
    escalationReasons: r.escalation_reasons,
    contradicted: r.contradicted_at !== null,
    version: r.version,
  };
}

/** A row of `GET /api/requests`. */
export function toWorkOrderListItem(r: WorkOrderRow): WorkOrderListItem {
  return { ...commonFields(r), urgeCount: r.urges, satisfaction: r.satisfaction };
}

/** `GET /api/requests/:id`. */
export function toWorkOrderView(r: WorkOrderDetailRow): WorkOrderView {
  const callback: WorkOrderCallbackView | null = r.callback;
  return { ...commonFields(r), cause: r.cause, accountability: r.accountability, callback, urges: r.urge_list };
}
