import {
  ClockMoments,
  clockMoments,
  ClockUnit,
  COMPLAINT_TOPICS,
  EscalationReason,
  escalationReasons,
  limitsFor,
  WorkingCalendar,
  WorkOrderChannel,
  WorkOrderEventView,
  WorkOrderLimitRow,
  WorkOrderLimits,
  WorkOrderState,
  WorkOrderTopic,
  WorkOrderIntake,
  WorkOrderType,
} from '@crm/shared/domain';
import { GeneratedCustomer } from './customers.generator';
import { Random } from './random';

/** Who did it: the customer's account manager, or a member of the service staff (`staffIndex` of the order). */
export type WorkOrderActor = 'manager' | 'staff';

export interface GeneratedWorkOrderEvent {
  period: number;
  kind: WorkOrderEventView['kind'];
  at: Date;
  by: WorkOrderActor | null;
  details: Record<string, unknown>;
}

/** A clock of the order (libs/api/time-limits, owner kind `work_order`), as the engine would have kept it. */
export interface GeneratedWorkOrderClock {
  clockKind: string;
  limit: number;
  unit: ClockUnit;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  calendarEstimated: boolean;
}

export interface GeneratedWorkOrder extends WorkOrderIntake {
  customerIndex: number;
  receivedAt: Date;
  recordedBy: WorkOrderActor;
  /** The staff member (index into the caller's list) who recorded or called back, when staff did. */
  staffIndex: number;
  state: WorkOrderState;
  period: number;
  periodStartedAt: Date;
  contactedAt: Date | null;
  handledAt: Date | null;
  result: string | null;
  cause: string | null;
  accountability: string | null;
  closedAt: Date | null;
  satisfaction: number | null;
  urges: number;
  escalationReasons: EscalationReason[];
  escalatedAt: Date | null;
  contradictedAt: Date | null;
  events: GeneratedWorkOrderEvent[];
  clocks: GeneratedWorkOrderClock[];
}

/** What an order keeps of one of its clocks: the due moment and, once stopped, whether in time. */
export interface KeptClockOutcome {
  dueAt: Date | null;
  outcome: 'met' | 'late' | null;
}

/**
 * The outcomes the order keeps (work_orders' contact_due_at / contact_outcome and resolution_due_at /
 * resolution_outcome) of its contact clock and of its current period's resolution clock, as libs/api/work-orders
 * writes them: no clock, no due moment; a running clock has no outcome yet; a stop after the due moment is late.
 */
export function keptClockOutcomes(order: GeneratedWorkOrder): {
  contact: KeptClockOutcome;
  resolution: KeptClockOutcome;
} {
  const kept = (clockKind: string): KeptClockOutcome => {
    const c = order.clocks.find((k) => k.clockKind === clockKind);
    if (!c) return { dueAt: null, outcome: null };
    const outcome = c.stoppedAt ? (c.stoppedAt > c.dueAt ? 'late' : 'met') : null;
    return { dueAt: c.dueAt, outcome };
  };
  return {
    contact: kept('contact'),
    resolution: kept(order.period === 1 ? 'resolution' : `resolution_${order.period}`),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

/** Most contacts are questions and service requests; a few percent complaints, some faults. */
const TYPES: readonly (readonly [WorkOrderType, number])[] = [
  ['inquiry', 42],
  ['service_request', 30],
  ['fault_repair', 12],
  ['complaint', 4],
  ['opinion', 6],
  ['praise', 5],
  ['report', 1],
];
const COMPLAINT_CHANNELS: readonly (readonly [WorkOrderChannel, number])[] = [
  ['hotline_95598', 58],
  ['regulator_12398', 22],
  ['government_platform', 8],
  ['news_media', 3],
  ['social_media', 5],
  ['letters_visits', 4],
];
const OTHER_CHANNELS: readonly (readonly [WorkOrderChannel, number])[] = [
  ['hotline_95598', 58],
  ['account_manager', 28],
  ['service_hall', 8],
  ['social_media', 3],
  ['government_platform', 1.5],
  ['regulator_12398', 1],
  ['news_media', 0.5],
];
const SUMMARIES: Record<WorkOrderType, string[]> = {
  inquiry: ['咨询峰谷分时电价执行时段', '咨询基本电费按需量计收办法', '咨询功率因数调整电费', '咨询电费发票开具'],
  service_request: ['申请增加受电容量', '申请变更用电户名', '申请暂停一台变压器', '申请办理电费代扣'],
  fault_repair: ['厂区10kV进线失电', '专变高压侧跌落式熔断器熔断', '计量柜冒烟', '配电房低压总开关跳闸'],
  complaint: ['多次反映问题未得到处理', '停电未提前通知', '工作人员服务态度差', '电费计收有误未予答复'],
  report: ['举报邻近企业私拉乱接', '举报线路保护区内违章施工'],
  opinion: ['建议增加营业厅周末服务时间', '建议提前发布计划停电信息'],
  praise: ['抢修人员响应迅速，特此表扬', '客户经理服务周到'],
};
const SERVICE_TOPICS: readonly (readonly [WorkOrderTopic | null, number])[] = [
  [null, 80],
  ['meter_test', 10],
  ['reading_check', 10],
];
const TOPIC_SUMMARIES: Partial<Record<WorkOrderTopic, string>> = {
  meter_test: '申请电能表校验',
  reading_check: '反映本月抄表电量异常，申请核查',
};
const CONTACT_NOTES = ['已电话联系客户，了解诉求', '已与客户电气负责人沟通', '抢修人员已到达现场'];
const RESULTS = ['已向客户解释清楚，客户认可', '已按客户要求办理完毕', '故障已排除，恢复供电', '已核实并更正'];
const CAUSES = ['工作人员未按规定提前告知', '系统数据录入错误', '沟通不及时'];
const ACCOUNTABILITY = ['责任班组已考核并通报', '相关人员已批评教育'];
const CALLBACK_NOTES = ['客户表示满意', '客户认可处理结果', '客户表示问题已解决'];
const UNSOLVED_NOTES = ['客户表示问题并未解决，与处理结果不符', '客户称无人联系，现场未处理'];

/** Orders of a channel that numbers them, numbered by the customer's account number and a sequence. */
const EXTERNAL_PREFIX: Partial<Record<WorkOrderChannel, string>> = {
  hotline_95598: '95598',
  regulator_12398: '12398',
  government_platform: '12345',
};

/**
 * clockMoments, remembered: a generated population starts many clocks with the same limit at the same
 * moment, and a working-day clock's moments depend only on the China date it starts (they are day
 * boundaries), so those are remembered per date. Kept per thread, bounded.
 */
const remembered = new WeakMap<WorkingCalendar, Map<string, ClockMoments>>();
const MOMENTS_KEPT = 200_000;
function momentsOf(startedAt: Date, limit: WorkOrderLimits['contact'], calendar: WorkingCalendar): ClockMoments {
  let moments = remembered.get(calendar);
  if (!moments) remembered.set(calendar, (moments = new Map()));
  const at = startedAt.getTime();
  const key = `${limit.unit}:${limit.amount}:${limit.unit === 'working_days' ? Math.floor((at + 8 * HOUR) / DAY) : at}`;
  let found = moments.get(key);
  if (!found) {
    found = clockMoments(startedAt, limit.amount, limit.unit, calendar);
    if (moments.size >= MOMENTS_KEPT) moments.clear();
    moments.set(key, found);
  }
  return found;
}

/** A Poisson count with mean `mean` (Knuth; means here are small). */
function poisson(r: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = r.next(); p > limit; p *= r.next()) k++;
  return k;
}

/** A moment on the day of `at` between 08:00 and 20:59 China time (the hotline and offices' busy hours). */
function daytime(r: Random, at: Date): Date {
  const chinaMidnight = Math.floor((at.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  return new Date(chinaMidnight + r.int(8 * 60, 20 * 60 + 59) * MINUTE);
}

const between = (r: Random, low: number, high: number) => low + r.next() * (high - low);

/**
 * Two years (or `months`) of requests and complaints of the customers, walked like the API walks them:
 * received with the limits of the limit table (`limitsFor`) and clocks from the domain's one rule
 * (`clockMoments`), contacted (about one in twelve late, some of those urged, a few three times; a few
 * forgotten: never contacted, urged, still open), handled (a complaint with cause and accountability), called
 * back by the service staff (not the handler): mostly solved with satisfaction 4–5, a handful not solved
 * (reopened, a contradiction), and what has not happened by `now` left open. 12398, media and government
 * orders and third urges escalate. Deterministic for a seed.
 */
export function generateWorkOrders(options: {
  seed: number;
  customers: GeneratedCustomer[];
  months: number;
  limits: readonly WorkOrderLimitRow[];
  calendar: WorkingCalendar;
  /** How many service staff record and call back (0: no callbacks, orders stay handled). */
  staff: number;
  now: Date;
}): GeneratedWorkOrder[] {
  const r = new Random(options.seed);
  const now = options.now.getTime();
  const windowStart = now - options.months * (YEAR / 12);
  const orders: GeneratedWorkOrder[] = [];
  options.customers.forEach((customer, customerIndex) => {
    if (customer.stage === 'closed') return;
    const start = Math.max(windowStart, customer.createdAt.getTime());
    if (start >= now) return;
    const count = poisson(r, between(r, 1, 3) * ((now - start) / YEAR));
    for (let n = 0; n < count; n++) {
      const received = new Date(start + r.next() * (now - start));
      const order = walkOrder(r, customer, customerIndex, n, received, options);
      if (order) orders.push(order);
    }
  });
  return orders;
}

function walkOrder(
  r: Random,
  customer: GeneratedCustomer,
  customerIndex: number,
  sequence: number,
  at: Date,
  options: Parameters<typeof generateWorkOrders>[0],
): GeneratedWorkOrder | null {
  const now = options.now.getTime();
  const type = r.weighted(TYPES);
  const channel = r.weighted(type === 'complaint' ? COMPLAINT_CHANNELS : OTHER_CHANNELS);
  const topic: WorkOrderTopic | null =
    type === 'complaint' ? r.pick(COMPLAINT_TOPICS) : type === 'service_request' ? r.weighted(SERVICE_TOPICS) : null;
  const receivedAt = type === 'fault_repair' ? at : daytime(r, at);
  if (receivedAt.getTime() > now) return null;
  const limits = limitsFor(type, channel, customer.area, options.limits, topic);
  const prefix = EXTERNAL_PREFIX[channel];
  const contact = customer.contacts[0];
  const staffIndex = options.staff ? r.int(0, options.staff - 1) : 0;
  const order: GeneratedWorkOrder = {
    customerIndex,
    channel,
    type,
    topic,
    summary: (topic && TOPIC_SUMMARIES[topic]) || r.pick(SUMMARIES[type]),
    externalRef: prefix ? `${prefix}${customer.accountNo}${String(sequence).padStart(3, '0')}` : null,
    contactName: contact?.name ?? null,
    contactPhone: contact?.phone ?? null,
    receivedAt,
    recordedBy: channel === 'account_manager' || !options.staff ? 'manager' : 'staff',
    staffIndex,
    state: 'open',
    period: 1,
    periodStartedAt: receivedAt,
    contactedAt: null,
    handledAt: null,
    result: null,
    cause: null,
    accountability: null,
    closedAt: null,
    satisfaction: null,
    urges: 0,
    escalationReasons: [],
    escalatedAt: null,
    contradictedAt: null,
    events: [],
    clocks: [],
  };
  const event = (kind: GeneratedWorkOrderEvent['kind'], when: Date, by: WorkOrderActor | null, details = {}) =>
    order.events.push({ period: order.period, kind, at: when, by, details });
  const clock = (clockKind: string, limit: WorkOrderLimits['contact'], startedAt: Date): GeneratedWorkOrderClock => {
    const m = momentsOf(startedAt, limit, options.calendar);
    const c = {
      clockKind,
      limit: limit.amount,
      unit: limit.unit,
      startedAt,
      warnAt: m.warnAt,
      dueAt: m.dueAt,
      stoppedAt: null,
      calendarEstimated: m.estimated,
    };
    order.clocks.push(c);
    return c;
  };
  /**
   * When a clock's step is done, from `from`: on time, a share of what is left of the clock (or of
   * `fallbackSpan` without a clock or with none left); late, past its due moment. Null if not yet by now.
   */
  const done = (c: GeneratedWorkOrderClock | null, from: Date, late: boolean, fallbackSpan: number): Date | null => {
    let moment: number;
    if (c && late) {
      moment = c.startedAt.getTime() + between(r, 1.05, 1.8) * (c.dueAt.getTime() - c.startedAt.getTime());
    } else {
      const left = c ? c.dueAt.getTime() - from.getTime() : fallbackSpan;
      moment = from.getTime() + between(r, 0.05, 0.9) * (left > MINUTE ? left : fallbackSpan);
    }
    moment = Math.max(moment, from.getTime() + MINUTE);
    return moment <= now ? new Date(moment) : null;
  };

  event('received', receivedAt, order.recordedBy, {
    channel,
    type,
    topic,
    externalRef: order.externalRef,
    limits,
  });
  const contactClock = limits ? clock('contact', limits.contact, receivedAt) : null;
  let resolution = limits?.resolutionStartsAt === 'opened' ? clock('resolution', limits.resolution, receivedAt) : null;

  // Contact (about one in twelve late); late ones are often urged, a few three times. A few late ones (not
  // repairs) are forgotten: never contacted, urged once or twice, still open now.
  const lateContact = r.chance(0.08);
  const forgotten = lateContact && type !== 'fault_repair' && r.chance(0.03);
  const contactedAt = forgotten ? null : done(contactClock, receivedAt, lateContact, 4 * HOUR);
  const urgeUntil = (contactedAt ?? options.now).getTime();
  const urges = forgotten ? r.int(1, 2) : lateContact && r.chance(0.35) ? (r.chance(0.15) ? 3 : r.int(1, 2)) : 0;
  const urgeMoments = Array.from(
    { length: urges },
    () => new Date(receivedAt.getTime() + between(r, 0.2, 1) * (urgeUntil - receivedAt.getTime())),
  ).sort((a, b) => a.getTime() - b.getTime());
  const urgeChannels: { channel: WorkOrderChannel }[] = [];
  const escalate = (when: Date) => {
    const reasons = escalationReasons({ channel, urges: urgeChannels });
    if (reasons.length && !order.escalatedAt) {
      order.escalatedAt = when;
      event('escalated', when, null, { reasons });
    }
    order.escalationReasons = reasons;
  };
  escalate(receivedAt);
  for (const moment of urgeMoments) {
    urgeChannels.push({ channel: 'hotline_95598' });
    order.urges = urgeChannels.length;
    event('urged', moment, 'staff', { channel: 'hotline_95598', note: '客户来电催办', count: order.urges });
    escalate(moment);
  }
  if (!contactedAt) return order;
  order.contactedAt = contactedAt;
  event('contacted', contactedAt, 'manager', { note: r.pick(CONTACT_NOTES) });
  if (contactClock) contactClock.stoppedAt = contactedAt;
  if (limits?.resolutionStartsAt === 'contacted') resolution = clock('resolution', limits.resolution, contactedAt);

  // Result (one in twenty late; a few forgotten: still open and overdue), then the callback by the staff.
  if (r.chance(0.003)) return order;
  const handledAt = done(resolution, contactedAt, r.chance(0.05), 2 * DAY);
  if (!handledAt) return order;
  const handle = (when: Date) => {
    order.state = 'handled';
    order.handledAt = when;
    order.result = r.pick(RESULTS);
    order.cause = type === 'complaint' ? r.pick(CAUSES) : null;
    order.accountability = type === 'complaint' ? r.pick(ACCOUNTABILITY) : null;
    event('handled', when, 'manager', {
      result: order.result,
      cause: order.cause,
      accountability: order.accountability,
    });
  };
  handle(handledAt);
  if (resolution) resolution.stoppedAt = handledAt;
  if (!options.staff) return order;

  const callbackAt = new Date(handledAt.getTime() + r.int(2 * 60, 72 * 60) * MINUTE);
  if (callbackAt.getTime() > now) return order;
  const close = (when: Date) => {
    order.satisfaction = r.weighted([
      [5, 60],
      [4, 30],
      [3, 7],
      [2, 2],
      [1, 1],
    ] as const);
    order.state = 'closed';
    order.closedAt = when;
    const callback = {
      solved: true,
      satisfaction: order.satisfaction,
      note: r.pick(CALLBACK_NOTES),
      contradicts: false,
    };
    event('callback', when, 'staff', callback);
    for (const c of order.clocks) c.stoppedAt ??= when;
  };
  if (type === 'fault_repair' || !r.chance(0.004)) {
    close(callbackAt);
    return order;
  }

  // The customer says it is not solved although a result was recorded: reopened, a contradiction.
  order.satisfaction = r.int(1, 2);
  event('callback', callbackAt, 'staff', {
    solved: false,
    satisfaction: order.satisfaction,
    note: r.pick(UNSOLVED_NOTES),
    contradicts: true,
  });
  Object.assign(order, {
    state: 'reopened',
    period: 2,
    periodStartedAt: callbackAt,
    contradictedAt: callbackAt,
    contactedAt: null,
    handledAt: null,
    result: null,
    cause: null,
    accountability: null,
  });
  event('reopened', callbackAt, 'staff', { contradicts: true });
  const resolution2 =
    limits?.resolutionStartsAt === 'opened' ? clock('resolution_2', limits.resolution, callbackAt) : null;
  const contacted2 = new Date(callbackAt.getTime() + r.int(30, 8 * 60) * MINUTE);
  if (contacted2.getTime() > now) return order;
  order.contactedAt = contacted2;
  event('contacted', contacted2, 'manager', { note: r.pick(CONTACT_NOTES) });
  const handled2 = done(resolution2, contacted2, false, 2 * DAY);
  if (!handled2) return order;
  handle(handled2);
  if (resolution2) resolution2.stoppedAt = handled2;
  const callback2 = new Date(handled2.getTime() + r.int(2 * 60, 48 * 60) * MINUTE);
  if (callback2.getTime() <= now) close(callback2);
  return order;
}
