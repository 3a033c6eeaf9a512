import { ErrorDetail } from './api-types';
import { DomainError, ForbiddenError, InvalidInputError, InvalidTransitionError, ruleDetail } from './errors';
import { ClockMoments, clockMoments, ClockState, ClockUnit } from './time-limits';
import { addCalendarDays, WorkingCalendar } from './working-days';

/**
 * Requests and complaints (DESIGN.md, "Requests and complaints"): every contact a customer makes is a
 * work order with a channel, a type, a time limit and an owner. Pure rules: the vocabulary, the state
 * machine (contact → handle → callback, reopened by an unsolved callback), escalation, the callback
 * contradiction (a marketing-audit finding) and the choice of time limits. The limit table is data
 * (table seeded from seeds/work-order-limits.json, editable by an admin); an order keeps the limits it
 * was received with.
 */

/**
 * Where the order came from. 95598 covers the hotline and its website/app; WeChat and Weibo are social
 * media; a walk-in is the service hall; 12345 and the government message boards are government platforms.
 */
export const WORK_ORDER_CHANNELS = [
  'hotline_95598',
  'regulator_12398',
  'account_manager',
  'service_hall',
  'letters_visits',
  'government_platform',
  'news_media',
  'social_media',
] as const;
export type WorkOrderChannel = (typeof WORK_ORDER_CHANNELS)[number];

/** What the customer wants. Urging (催办) is not a type: an urge is a repeat contact attached to an order. */
export const WORK_ORDER_TYPES = [
  'inquiry',
  'service_request',
  'fault_repair',
  'complaint',
  'report',
  'opinion',
  'praise',
] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];

/**
 * open → (contact, handle) → handled → (callback solved) → closed; an unsolved callback → reopened,
 * which runs like open. Being contacted is `contactedAt`, not a state.
 */
export const WORK_ORDER_STATES = ['open', 'handled', 'closed', 'reopened'] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

/** Where a fault is, for the repair arrival and power-back limits. */
export const REPAIR_AREAS = ['urban', 'rural', 'remote'] as const;
export type RepairArea = (typeof REPAIR_AREAS)[number];

/** The twelve complaint topics of DESIGN.md (seeds/complaint-topics.json has their names). */
export const COMPLAINT_TOPICS = [
  'meter_reading_billing',
  'arrears_disconnection',
  'outage_information',
  'connection_application',
  'power_quality',
  'fault_repair_response',
  'inspection_staff_conduct',
  'service_attitude',
  'temporary_power',
  'meter_box_renovation',
  'appliance_damage',
  'line_corridor_violation',
] as const;
export type ComplaintTopic = (typeof COMPLAINT_TOPICS)[number];

/**
 * Service-request topics with their own commitment (DESIGN.md, "Service commitments"): a meter accuracy
 * test, and the check of a reading the customer reports as wrong; both answered within 5 working days.
 * They are topics of `service_request`, not types of their own: the customer asks for a service like any
 * other, only the limit differs. Other service requests have no topic.
 */
export const SERVICE_REQUEST_TOPICS = ['meter_test', 'reading_check'] as const;
export type ServiceRequestTopic = (typeof SERVICE_REQUEST_TOPICS)[number];

export type WorkOrderTopic = ComplaintTopic | ServiceRequestTopic;

/** Why the topic does not fit the type (a 400 on `topic`), or null: a complaint needs one of the twelve. */
export function topicProblem(type: WorkOrderType, topic: string | null | undefined): ErrorDetail | null {
  if (type === 'complaint') {
    return (COMPLAINT_TOPICS as readonly string[]).includes(topic ?? '')
      ? null
      : ruleDetail(
          'topic',
          `A complaint needs a topic, one of ${COMPLAINT_TOPICS.join(', ')}`,
          'workOrder.complaintTopic',
        );
  }
  if (topic === null || topic === undefined) return null;
  if (type === 'service_request') {
    return (SERVICE_REQUEST_TOPICS as readonly string[]).includes(topic)
      ? null
      : ruleDetail(
          'topic',
          `A service request's topic is one of ${SERVICE_REQUEST_TOPICS.join(', ')}, or none`,
          'workOrder.requestTopic',
        );
  }
  return ruleDetail('topic', `A ${type} has no topic`, 'workOrder.noTopic', { type });
}

// ---------------------------------------------------------------------------------------------------
// State machine

/** Why a step is refused, and which error it is: `workOrderError` turns it into the DomainError. */
export interface WorkOrderRefusal {
  /** invalid_input → 400 naming the fields; invalid_transition → 409; forbidden → 403. */
  kind: 'invalid_input' | 'invalid_transition' | 'forbidden';
  message: string;
  details: ErrorDetail[];
}

export type WorkOrderStep = { ok: true; state: WorkOrderState } | { ok: false; refusal: WorkOrderRefusal };

/** The error a service throws for a refused step. */
export function workOrderError(refusal: WorkOrderRefusal): DomainError {
  if (refusal.kind === 'invalid_input') return new InvalidInputError(refusal.message, refusal.details);
  if (refusal.kind === 'forbidden') return new ForbiddenError(refusal.message);
  return new InvalidTransitionError(refusal.message, refusal.details);
}

/**
 * What the steps need to know of an order. `contactedAt`, `handledAt`, `handledBy` and `result` are those
 * of the current open period: a reopened order starts a new period (`periodStartedAt` = the unsolved
 * callback) in which it is contacted and handled again; earlier periods are history.
 */
export interface WorkOrderFacts {
  type: WorkOrderType;
  state: WorkOrderState;
  /** `receivedAt`, or the moment of the unsolved callback that reopened the order. */
  periodStartedAt: Date;
  contactedAt: Date | null;
  handledAt: Date | null;
  /** Id of the user who recorded the result. */
  handledBy: string | null;
  result: string | null;
}

/** A moment may lie up to a minute ahead of the server's clock (clients' clocks drift). */
const CLOCK_TOLERANCE_MS = 60_000;

const refused = (kind: WorkOrderRefusal['kind'], message: string, details: ErrorDetail[] = []): WorkOrderStep => ({
  ok: false,
  refusal: { kind, message, details },
});

const blank = (text: string | null | undefined): boolean => !text?.trim();

/** The moments a step may not precede, by the message code that says so. */
const BEFORE_WHAT = {
  'workOrder.beforeReceived': 'the order was received or reopened',
  'workOrder.beforeContact': 'the contact',
  'workOrder.beforeResult': 'the result',
} as const;

/** Why `at` is not a moment the step can have happened at, or null. */
function atProblem(at: Date, notBefore: Date, code: keyof typeof BEFORE_WHAT, now: Date): ErrorDetail | null {
  if (at.getTime() > now.getTime() + CLOCK_TOLERANCE_MS)
    return ruleDetail('at', 'at cannot be in the future', 'moment.inFuture');
  if (at < notBefore)
    return ruleDetail('at', `at cannot be before ${BEFORE_WHAT[code]} (${notBefore.toISOString()})`, code);
  return null;
}

const isOpen = (state: WorkOrderState): boolean => state === 'open' || state === 'reopened';

/**
 * Contacting the customer (for a fault repair: arriving on site), once per open period: it stops the
 * contact clock.
 */
export function contactOrder(order: WorkOrderFacts, input: { at: Date }, now: Date): WorkOrderStep {
  if (!isOpen(order.state)) return refused('invalid_transition', `The order is ${order.state}: it cannot be contacted`);
  if (order.contactedAt) {
    return refused('invalid_transition', `The customer was already contacted at ${order.contactedAt.toISOString()}`);
  }
  const problem = atProblem(input.at, order.periodStartedAt, 'workOrder.beforeReceived', now);
  if (problem) return refused('invalid_input', problem.message, [problem]);
  return { ok: true, state: order.state };
}

export interface HandleInput {
  at: Date;
  /** What was found and done; for a complaint, the investigation (调查到位). */
  result: string | null | undefined;
  /** Cause analysis (分析到位); required for a complaint. */
  cause?: string | null;
  /** Accountability (考核到位): who answers for it and how; required for a complaint. */
  accountability?: string | null;
}

/**
 * Recording the result, after the customer was contacted in this period: it stops the resolution clock.
 * A complaint needs the "three in place" record (三个到位): investigation (the result), cause and
 * accountability, none blank.
 */
export function handleOrder(order: WorkOrderFacts, input: HandleInput, now: Date): WorkOrderStep {
  if (!isOpen(order.state)) return refused('invalid_transition', `The order is ${order.state}: it cannot be handled`);
  if (!order.contactedAt) {
    return refused('invalid_transition', 'The customer must be contacted before the result is recorded', [
      ruleDetail('contactedAt', 'record the contact first (POST …/contact)', 'workOrder.contactFirst'),
    ]);
  }
  const details: ErrorDetail[] = [];
  if (blank(input.result)) details.push(ruleDetail('result', 'result is required', 'field.required'));
  if (order.type === 'complaint') {
    if (blank(input.cause))
      details.push(ruleDetail('cause', 'a complaint needs its cause analysis', 'workOrder.complaintCause'));
    if (blank(input.accountability)) {
      details.push(
        ruleDetail('accountability', 'a complaint needs its accountability', 'workOrder.complaintAccountability'),
      );
    }
  }
  const problem = atProblem(input.at, order.contactedAt, 'workOrder.beforeContact', now);
  if (problem) details.push(problem);
  if (details.length) return refused('invalid_input', details.map((d) => d.message).join('; '), details);
  return { ok: true, state: 'handled' };
}

export interface CallbackInput {
  at: Date;
  solved: boolean;
  satisfaction: number;
  /** Id of the user making the callback. */
  by: string;
}

/**
 * The callback (回访) to the customer after the result: solved closes the order, unsolved reopens it
 * with a new resolution clock (and is a contradiction, see `isContradictoryCallback`). Nobody calls
 * back on their own result.
 */
export function callbackOrder(order: WorkOrderFacts, input: CallbackInput, now: Date): WorkOrderStep {
  if (order.state !== 'handled' || !order.handledAt) {
    return refused('invalid_transition', `The order is ${order.state}: a callback needs a recorded result`);
  }
  if (order.handledBy === input.by) {
    return refused('forbidden', 'The user who recorded the result cannot make the callback');
  }
  const details: ErrorDetail[] = [];
  if (!Number.isInteger(input.satisfaction) || input.satisfaction < 1 || input.satisfaction > 5) {
    details.push(
      ruleDetail('satisfaction', 'satisfaction is a whole number from 1 to 5', 'field.wholeNumber', { min: 1, max: 5 }),
    );
  }
  const problem = atProblem(input.at, order.handledAt, 'workOrder.beforeResult', now);
  if (problem) details.push(problem);
  if (details.length) return refused('invalid_input', details.map((d) => d.message).join('; '), details);
  return { ok: true, state: input.solved ? 'closed' : 'reopened' };
}

/**
 * An urge (催办): the customer contacts the company again about an order that is not closed. The state
 * does not change. About a closed order, a new contact is a new order.
 */
export function urgeOrder(order: Pick<WorkOrderFacts, 'state'>): WorkOrderStep {
  if (order.state === 'closed') {
    return refused('invalid_transition', 'The order is closed: a new contact about it is a new order');
  }
  return { ok: true, state: order.state };
}

/** An unsolved callback on an order with a recorded result contradicts that result: a finding. */
export function isContradictoryCallback(order: { result: string | null }, callback: { solved: boolean }): boolean {
  return !blank(order.result) && !callback.solved;
}

// ---------------------------------------------------------------------------------------------------
// Escalation

export const ESCALATION_REASONS = ['repeated_urges', 'regulator_12398', 'news_media', 'government_platform'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** Urges on one order from which it goes to leadership. */
export const ESCALATION_URGES = 3;

const CHANNEL_ESCALATIONS: Partial<Record<WorkOrderChannel, EscalationReason>> = {
  regulator_12398: 'regulator_12398',
  news_media: 'news_media',
  government_platform: 'government_platform',
};

/**
 * Why an order goes to leadership (empty: it does not): three or more urges, or the order, or any urge
 * on it, came through 12398, news media or a government platform. In the order of ESCALATION_REASONS.
 */
export function escalationReasons(order: {
  channel: WorkOrderChannel;
  urges: readonly { channel: WorkOrderChannel }[];
}): EscalationReason[] {
  const found = new Set<EscalationReason>();
  if (order.urges.length >= ESCALATION_URGES) found.add('repeated_urges');
  for (const channel of [order.channel, ...order.urges.map((u) => u.channel)]) {
    const reason = CHANNEL_ESCALATIONS[channel];
    if (reason) found.add(reason);
  }
  return ESCALATION_REASONS.filter((r) => found.has(r));
}

// ---------------------------------------------------------------------------------------------------
// Time limits

export interface ClockLimit {
  amount: number;
  unit: ClockUnit;
}

/**
 * One row of the limit table. `channel`, `area` and `topic` null match any. For a fault repair the
 * contact clock is the arrival on site and the resolution clock (power back) starts at the arrival:
 * `resolutionStartsAt: 'contacted'`; every other resolution clock starts when its open period opens
 * (the order is received or reopened): `'opened'`.
 */
export interface WorkOrderLimitRow {
  type: WorkOrderType;
  channel: WorkOrderChannel | null;
  area: RepairArea | null;
  topic: WorkOrderTopic | null;
  contact: ClockLimit;
  resolution: ClockLimit;
  resolutionStartsAt: 'opened' | 'contacted';
}

export type WorkOrderLimits = Pick<WorkOrderLimitRow, 'contact' | 'resolution' | 'resolutionStartsAt'>;

/**
 * The limits of an order: among the rows of its type whose channel, area and topic match (or are null),
 * the most specific, a channel-specific row first, then a topic-specific one, then an area-specific one.
 * A fault repair whose area is not known is timed as urban (the strictest). Null when no row matches.
 */
export function limitsFor(
  type: WorkOrderType,
  channel: WorkOrderChannel,
  area: RepairArea | null,
  table: readonly WorkOrderLimitRow[],
  topic: WorkOrderTopic | null = null,
): WorkOrderLimits | null {
  const repairArea = type === 'fault_repair' ? (area ?? 'urban') : null;
  let best: WorkOrderLimitRow | null = null;
  let bestScore = -1;
  for (const row of table) {
    if (row.type !== type) continue;
    if (row.channel !== null && row.channel !== channel) continue;
    if (row.area !== null && row.area !== repairArea) continue;
    if (row.topic !== null && row.topic !== topic) continue;
    const score = (row.channel ? 4 : 0) + (row.topic ? 2 : 0) + (row.area ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  return best && { contact: best.contact, resolution: best.resolution, resolutionStartsAt: best.resolutionStartsAt };
}

/** The contact clock (for a fault repair: arrival on site), started when the order is received. */
export function contactClock(limits: WorkOrderLimits, receivedAt: Date, calendar: WorkingCalendar): ClockMoments {
  return clockMoments(receivedAt, limits.contact.amount, limits.contact.unit, calendar);
}

/**
 * The resolution clock of an open period (received, or reopened by an unsolved callback): from the
 * period's start, or for a fault repair from the arrival on site; null while that has not happened.
 */
export function resolutionClock(
  limits: WorkOrderLimits,
  period: { startedAt: Date; contactedAt: Date | null },
  calendar: WorkingCalendar,
): ClockMoments | null {
  const start = limits.resolutionStartsAt === 'contacted' ? period.contactedAt : period.startedAt;
  return start && clockMoments(start, limits.resolution.amount, limits.resolution.unit, calendar);
}

/** A clock of an order as the API shows it: its due moment and state now (time-limits.ts). */
export interface WorkOrderClockView {
  dueAt: string;
  warnAt: string;
  state: ClockState;
  stoppedAt: string | null;
}

/** A callback (回访) as recorded. */
export interface WorkOrderCallbackView {
  at: string;
  by: { id: string; displayName: string };
  solved: boolean;
  satisfaction: number;
  note: string;
  /** True when the customer said "not solved" although a result was recorded (a finding). */
  contradicts: boolean;
}

/** A repeat contact (催办) about the open order. */
export interface WorkOrderUrgeView {
  at: string;
  channel: WorkOrderChannel;
  note: string;
  by: { id: string; displayName: string };
}

/** One entry of an order's timeline: received, contacted, handled, callback, urged, reopened, escalated. */
export interface WorkOrderEventView {
  kind: 'received' | 'contacted' | 'handled' | 'callback' | 'urged' | 'reopened' | 'escalated';
  at: string;
  period: number;
  by: { id: string; displayName: string } | null;
  details: Record<string, unknown>;
}

/** What an order says when it is received, from any channel: the fields every intake path records. */
export interface WorkOrderIntake {
  channel: WorkOrderChannel;
  type: WorkOrderType;
  topic: WorkOrderTopic | null;
  summary: string;
  externalRef: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** Shape of `GET /api/requests/:id` (API.md, "Requests and complaints"). */
export interface WorkOrderView extends WorkOrderIntake {
  id: string;
  customer: { id: string; accountNo: string; name: string; area: RepairArea };
  state: WorkOrderState;
  /** The customer's account manager; the recorder while the customer has none (first-contact responsibility). */
  owner: { id: string; displayName: string } | null;
  recordedBy: { id: string; displayName: string };
  receivedAt: string;
  /** Which open period the order is in: 1, then 2 after the first reopening, … */
  period: number;
  contactDueAt: string | null;
  resolveDueAt: string | null;
  contactedAt: string | null;
  handledAt: string | null;
  handledBy: { id: string; displayName: string } | null;
  result: string | null;
  cause: string | null;
  accountability: string | null;
  closedAt: string | null;
  /** The last callback, or null. */
  callback: WorkOrderCallbackView | null;
  /** The worse of the running clocks (or of the stopped ones once closed). */
  sla: ClockState;
  contactClock: WorkOrderClockView | null;
  resolutionClock: WorkOrderClockView | null;
  escalated: boolean;
  escalationReasons: EscalationReason[];
  contradicted: boolean;
  urges: WorkOrderUrgeView[];
  version: number;
}

/** A row of `GET /api/requests`. */
export type WorkOrderListItem = Omit<WorkOrderView, 'urges' | 'callback' | 'cause' | 'accountability'> & {
  urgeCount: number;
  satisfaction: number | null;
};

/** `sort` of `GET /api/requests`: a field, or `-field` for descending. */
export const WORK_ORDER_SORT_FIELDS = ['receivedAt', 'resolveDueAt', 'contactDueAt'] as const;
export type WorkOrderSortField = (typeof WORK_ORDER_SORT_FIELDS)[number];
export const WORK_ORDER_SORTS: readonly string[] = WORK_ORDER_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

/** A code of the reference data with its names. */
export interface WorkOrderCodeName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Shape of `GET /api/requests/reference`: channels, types and topics (a topic names its type). */
export interface WorkOrderReference {
  channels: WorkOrderCodeName[];
  types: WorkOrderCodeName[];
  topics: (WorkOrderCodeName & { type: WorkOrderType })[];
}

/** A row of the limit table as `GET /api/requests/limits` shows it. */
export interface WorkOrderLimitView extends WorkOrderLimitRow {
  id: string;
  updatedAt: string;
  updatedBy: { id: string; displayName: string } | null;
}

/**
 * How a clock of an order came out, as the report counts it and the list filters it (`contactClock`,
 * `resolutionClock`): met (stopped within its limit), late (stopped past it, or running past it), pending
 * (running, not yet due). An order without that clock has none of them.
 */
export const CLOCK_OUTCOMES = ['met', 'late', 'pending'] as const;
export type ClockOutcome = (typeof CLOCK_OUTCOMES)[number];

/** Satisfaction scores of a callback. */
export const SATISFACTION_SCORES = ['1', '2', '3', '4', '5'] as const;

/**
 * Query parameters of `GET /api/requests` (and of the web's /requests URL) that list exactly the orders
 * behind a figure of the report. `from`/`to` are instants (ISO, UTC) of China midnights.
 */
export interface WorkOrderFilter {
  from: string;
  to: string;
  type?: WorkOrderType;
  channel?: WorkOrderChannel;
  topic?: WorkOrderTopic;
  managerId?: string;
  contactClock?: ClockOutcome;
  resolutionClock?: ClockOutcome;
  satisfaction?: (typeof SATISFACTION_SCORES)[number];
  rated?: 'true';
  urged?: 'true';
  escalated?: 'true';
  contradicted?: 'true';
}

/** A count of orders and the list filter that opens them. */
export interface WorkOrderFigure {
  count: number;
  filter: WorkOrderFilter;
}

/** An on-time rate from a clock: met / (met + late); pending clocks and orders without the clock not counted. */
export interface WorkOrderOnTimeRate {
  rate: number | null;
  met: WorkOrderFigure;
  late: WorkOrderFigure;
}

/** The last callback's satisfaction of the orders that have one. */
export interface WorkOrderSatisfaction {
  average: number | null;
  rated: WorkOrderFigure;
  /** Scores 1 to 5, in that order. */
  distribution: WorkOrderFigure[];
}

/** Orders of one code (channel, type or topic) received in one month (China time) of the period. */
export interface WorkOrderVolumeCell {
  month: string;
  code: string;
  orders: WorkOrderFigure;
}

/** The figures of one owner (the customer's account manager, or the recorder while it has none). */
export interface WorkOrderManagerFigures {
  manager: { id: string; displayName: string };
  orders: WorkOrderFigure;
  complaints: WorkOrderFigure;
  contactOnTime: WorkOrderOnTimeRate;
  resolutionOnTime: WorkOrderOnTimeRate;
  satisfaction: WorkOrderSatisfaction;
  urged: WorkOrderFigure;
  escalated: WorkOrderFigure;
  contradicted: WorkOrderFigure;
}

/**
 * Shape of `GET /api/requests/report` (leadership's service quality) over the orders received in
 * [from, to) (China dates). Every figure carries the list filter that opens the orders behind it.
 */
export interface WorkOrderReport {
  from: string;
  to: string;
  /** The months of the period, `YYYY-MM`, oldest first. */
  months: string[];
  orders: WorkOrderFigure;
  volume: {
    byMonth: { month: string; orders: WorkOrderFigure }[];
    byChannel: WorkOrderVolumeCell[];
    byType: WorkOrderVolumeCell[];
    byTopic: WorkOrderVolumeCell[];
    /** Totals over the period, most first. */
    channels: { code: string; orders: WorkOrderFigure }[];
    types: { code: string; orders: WorkOrderFigure }[];
    topics: { code: string; orders: WorkOrderFigure }[];
  };
  contactOnTime: WorkOrderOnTimeRate;
  resolutionOnTime: WorkOrderOnTimeRate;
  complaints: WorkOrderFigure;
  /** Customers not closed (applying, connecting, active, suspended, closing), counted now. */
  customers: number;
  complaintsPer10000Customers: number | null;
  satisfaction: WorkOrderSatisfaction;
  /** Orders with at least one urge (a repeat contact) among all orders. */
  repeatContact: { rate: number | null; urged: WorkOrderFigure };
  escalated: WorkOrderFigure;
  contradicted: WorkOrderFigure;
  byManager: WorkOrderManagerFigures[];
}

/** The instant (ISO, UTC) at which the China date `date` (YYYY-MM-DD) begins. */
export function chinaMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The months `YYYY-MM` touched by the China dates [from, to), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = addCalendarDays(to, -1).slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) return months;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** The part [from, to) of the China dates [from, to) that lies in `month` (YYYY-MM). */
export function monthWithin(month: string, from: string, to: string): { from: string; to: string } {
  const start = `${month}-01`;
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: start > from ? start : from, to: next < to ? next : to };
}

/** The report's default period for China date `today`: this month and the eleven before, to the end of today. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const start = m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: start, to: addCalendarDays(today, 1) };
}
