import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { NotificationsService } from '@crm/api/notifications';
import { ClockScanService, StartClock, TimeLimitsService } from '@crm/api/time-limits';
import { NewTimelineEntry, TimelineService } from '@crm/api/timeline';
import {
  callbackOrder,
  ConflictError,
  ErrorDetail,
  contactOrder,
  escalationReasons,
  handleOrder,
  InvalidInputError,
  isContradictoryCallback,
  limitsFor,
  NotFoundError,
  Page,
  topicProblem,
  urgeOrder,
  WorkOrderEventView,
  WorkOrderFacts,
  WorkOrderLimits,
  WorkOrderLimitView,
  WorkOrderListItem,
  WorkOrderReference,
  WorkOrderStep,
  workOrderError,
  WorkOrderView,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { updateWorkOrderLimit } from './work-orders-reference.repository';
import { CreateWorkOrderDto } from './dto/create-work-order.dto';
import { UpdateWorkOrderLimitDto } from './dto/work-order-limit.dto';
import { WorkOrderQueryDto } from './dto/work-order-query.dto';
import {
  CallbackWorkOrderDto,
  ContactWorkOrderDto,
  HandleWorkOrderDto,
  UrgeWorkOrderDto,
} from './dto/work-order-steps.dto';
import { LockedOrder, NewWorkOrderEvent, ReceivedKind, WorkOrdersRepository } from './work-orders.repository';
import { CONTACT_CLOCK, resolutionClockKind, WORK_ORDER_CLOCK, WORK_ORDER_EVENTS_SQL } from './work-orders-sql';

/** Orders whose clocks are computed and inserted per statement in a set-wise intake. */
const CLOCK_BATCH = 10_000;

/** A moment may lie up to a minute ahead of the server's clock, as in the domain's steps. */
const CLOCK_TOLERANCE_MS = 60_000;

const clockKey = (id: string, clockKind: string) => ({ ownerKind: WORK_ORDER_CLOCK, ownerId: id, clockKind });

function facts(o: LockedOrder): WorkOrderFacts {
  return {
    type: o.type,
    state: o.state,
    periodStartedAt: o.period_started_at,
    contactedAt: o.contacted_at,
    handledAt: o.handled_at,
    handledBy: o.handled_by,
    result: o.result,
  };
}

function allowed(step: WorkOrderStep): void {
  if ('refusal' in step) throw workOrderError(step.refusal);
}

/**
 * Requests and complaints (DESIGN.md; API.md "Requests and complaints"): intake, contact, result,
 * callback (which closes or reopens) and urges, each in one transaction that locks the order, appends
 * its event, bumps its version, writes the customer's timeline and stops or starts its clocks (keeping
 * their outcomes on the order for the report and the list's clock filters). The
 * owner is the customer's account manager, or the recorder while the customer has none.
 */
@Injectable()
export class WorkOrdersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: WorkOrdersRepository,
    private readonly timeLimits: TimeLimitsService,
    private readonly clockScan: ClockScanService,
    private readonly timeline: TimelineService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.clockScan.register(WORK_ORDER_CLOCK, WORK_ORDER_EVENTS_SQL);
  }

  reference(): Promise<WorkOrderReference> {
    return this.orders.reference(this.dataSource);
  }

  limits(): Promise<WorkOrderLimitView[]> {
    return this.orders.limits(this.dataSource);
  }

  /** An admin edits a row of the limit table; orders already received keep the limits they had. */
  async updateLimit(user: AuthUser, id: string, dto: UpdateWorkOrderLimitDto): Promise<WorkOrderLimitView> {
    const details = (['contact', 'resolution'] as const)
      .filter((clock) => dto[`${clock}Unit`] === 'minutes' && !Number.isInteger(dto[`${clock}Amount`]))
      .map((clock) => ruleDetail(`${clock}Amount`, `${clock}Amount must be whole minutes`, 'workOrder.wholeMinutes'));
    if (details.length) throw new InvalidInputError(details.map((d) => d.message).join('; '), details);
    const edit = {
      contact: { amount: dto.contactAmount, unit: dto.contactUnit },
      resolution: { amount: dto.resolutionAmount, unit: dto.resolutionUnit },
      resolutionStartsAt: dto.resolutionStartsAt,
    };
    if (!(await updateWorkOrderLimit(this.dataSource, id, edit, user.id))) throw new NotFoundError('Limit', id);
    return (await this.orders.limit(this.dataSource, id)) as WorkOrderLimitView;
  }

  list(scope: DataScope, query: WorkOrderQueryDto): Promise<Page<WorkOrderListItem>> {
    return this.orders.findPage(this.dataSource, scope, query);
  }

  async get(scope: DataScope, id: string): Promise<WorkOrderView> {
    const view = await this.orders.findOne(this.dataSource, scope, id);
    if (!view) throw new NotFoundError('Request', id);
    return view;
  }

  async events(scope: DataScope, id: string): Promise<WorkOrderEventView[]> {
    const events = await this.orders.events(this.dataSource, scope, id);
    if (!events) throw new NotFoundError('Request', id);
    return events;
  }

  /** Records an order: its contact clock (and resolution clock unless it starts at the contact) start at receipt. */
  async create(user: AuthUser, customerId: string, dto: CreateWorkOrderDto): Promise<WorkOrderView> {
    const scope = DataScope.of(user);
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : new Date();
    const details: ErrorDetail[] = [];
    if (receivedAt.getTime() > Date.now() + CLOCK_TOLERANCE_MS) {
      details.push(ruleDetail('receivedAt', 'receivedAt cannot be in the future', 'moment.inFuture'));
    }
    const topic = dto.topic ?? null;
    const topicRefusal = topicProblem(dto.type, topic);
    if (topicRefusal) details.push(topicRefusal);
    if (details.length) throw new InvalidInputError(details.map((d) => d.message).join('; '), details);

    const id = await this.dataSource.transaction(async (manager) => {
      const customer = await this.orders.customer(manager, scope, customerId);
      if (!customer) throw new NotFoundError('Customer', customerId);
      const limits = limitsFor(dto.type, dto.channel, customer.area, await this.orders.limitTable(manager), topic);
      const externalRef = dto.externalRef?.trim() || null;
      const orderId = await this.orders.insert(manager, {
        customerId,
        channel: dto.channel,
        type: dto.type,
        topic,
        summary: dto.summary.trim(),
        externalRef,
        contactName: dto.contactName?.trim() || null,
        contactPhone: dto.contactPhone?.trim() || null,
        receivedAt,
        recordedBy: user.id,
      });
      if (!orderId) {
        throw new ConflictError(`A ${dto.channel} order numbered ${externalRef} was recorded already`, [
          ruleDetail(
            'externalRef',
            `externalRef ${externalRef} is taken already on channel ${dto.channel}`,
            'workOrder.externalRefTaken',
            { value: externalRef ?? '' },
          ),
        ]);
      }
      await this.orders.insertEvents(manager, [
        {
          workOrderId: orderId,
          period: 1,
          kind: 'received',
          at: receivedAt,
          by: user.id,
          details: { channel: dto.channel, type: dto.type, topic, externalRef, limits },
        },
      ]);
      if (limits) {
        await this.timeLimits.start(manager, intakeClocks(orderId, customerId, limits, receivedAt));
        await this.orders.keepOrderClockOutcomes(manager, orderId);
      }
      await this.timeline.record(manager, [
        entry(customerId, 'request_received', user.id, `${dto.type} received via ${dto.channel}: ${dto.summary}`, {
          workOrderId: orderId,
          type: dto.type,
          channel: dto.channel,
        }),
      ]);
      const owner = customer.account_manager_id ?? user.id;
      await this.escalateIfNeeded(manager, {
        id: orderId,
        customerId,
        customerName: customer.name,
        ownerId: owner,
        period: 1,
        summary: dto.summary,
        escalated: false,
        reasons: escalationReasons({ channel: dto.channel, urges: [] }),
        at: receivedAt,
      });
      return orderId;
    });
    return this.get(scope, id);
  }

  /**
   * Set-wise intake (the 95598 CSV import), in the caller's transaction: the orders of `inserted` (a table
   * or sub-query with a column `id`) were just inserted with workOrdersInsertFrom. Writes what `create`
   * writes for one order: the received events with their limits (limitsFor, once per type, channel, topic
   * and area), timeline entries, escalations of 12398, media and government orders, and the clocks, whose
   * moments TimeLimitsService.start computes by the domain's one rule, CLOCK_BATCH orders per statement.
   */
  async receiveInserted(manager: EntityManager, inserted: string): Promise<void> {
    const orders = await this.orders.receivedOrders(manager, inserted);
    if (!orders.length) return;
    const table = await this.orders.limitTable(manager);
    const kinds = new Map<string, ReceivedKind>();
    const kindOf = (o: (typeof orders)[number]): ReceivedKind => {
      const key = `${o.type}|${o.channel}|${o.topic}|${o.area}`;
      let kind = kinds.get(key);
      if (!kind) {
        kind = {
          type: o.type,
          channel: o.channel,
          topic: o.topic,
          area: o.area,
          limits: limitsFor(o.type, o.channel, o.area, table, o.topic),
          reasons: escalationReasons({ channel: o.channel, urges: [] }),
        };
        kinds.set(key, kind);
      }
      return kind;
    };
    for (let i = 0; i < orders.length; i += CLOCK_BATCH) {
      const clocks: StartClock[] = [];
      for (const o of orders.slice(i, i + CLOCK_BATCH)) {
        const { limits } = kindOf(o);
        if (limits) clocks.push(...intakeClocks(o.id, o.customer_id, limits, o.received_at));
      }
      await this.timeLimits.start(manager, clocks);
    }
    await this.orders.keepClockOutcomes(manager, inserted);
    await this.orders.recordReceived(manager, inserted, [...kinds.values()]);
  }

  /** The customer was contacted (a fault repair: the crew arrived): stops the contact clock. */
  async contact(user: AuthUser, id: string, dto: ContactWorkOrderDto): Promise<WorkOrderView> {
    return this.step(user, id, async (manager, order, now) => {
      const at = dto.at ? new Date(dto.at) : now;
      allowed(contactOrder(facts(order), { at }, now));
      await this.orders.update(manager, id, { contactedAt: at, contactedBy: user.id });
      await this.orders.insertEvents(manager, [event(order, 'contacted', at, user.id, { note: dto.note })]);
      await this.timeLimits.stop(manager, clockKey(id, CONTACT_CLOCK), at);
      if (order.limits?.resolutionStartsAt === 'contacted') {
        await this.timeLimits.start(manager, [resolutionClock(id, order.customer_id, order.period, order.limits, at)]);
      }
      return [entry(order.customer_id, 'request_contacted', user.id, `Customer contacted: ${dto.note}`, ref(order))];
    });
  }

  /** The result (a complaint: the "three in place" record): stops the resolution clock. */
  async handle(user: AuthUser, id: string, dto: HandleWorkOrderDto): Promise<WorkOrderView> {
    return this.step(user, id, async (manager, order, now) => {
      const at = dto.at ? new Date(dto.at) : now;
      allowed(handleOrder(facts(order), { ...dto, at }, now));
      const record = {
        result: dto.result.trim(),
        cause: dto.cause?.trim() || null,
        accountability: dto.accountability?.trim() || null,
      };
      await this.orders.update(manager, id, { state: 'handled', handledAt: at, handledBy: user.id, ...record });
      await this.orders.insertEvents(manager, [event(order, 'handled', at, user.id, record)]);
      await this.timeLimits.stop(manager, clockKey(id, resolutionClockKind(order.period)), at);
      return [entry(order.customer_id, 'request_handled', user.id, `Result recorded: ${record.result}`, ref(order))];
    });
  }

  /**
   * The callback, by someone other than the handler: solved closes the order (its clocks stop); not
   * solved reopens it in a new period with a new resolution clock, and contradicts the recorded result.
   */
  async callback(user: AuthUser, id: string, dto: CallbackWorkOrderDto): Promise<WorkOrderView> {
    return this.step(user, id, async (manager, order, now) => {
      const at = dto.at ? new Date(dto.at) : now;
      allowed(
        callbackOrder(facts(order), { at, solved: dto.solved, satisfaction: dto.satisfaction, by: user.id }, now),
      );
      const contradicts = isContradictoryCallback(order, dto);
      const callback = { solved: dto.solved, satisfaction: dto.satisfaction, note: dto.note, contradicts };
      if (dto.solved) {
        await this.orders.update(manager, id, { state: 'closed', closedAt: at, satisfaction: dto.satisfaction });
        await this.orders.insertEvents(manager, [event(order, 'callback', at, user.id, callback)]);
        await this.timeLimits.stopAll(manager, [WORK_ORDER_CLOCK], id, at);
        return [
          entry(order.customer_id, 'request_closed', user.id, `Closed after the callback: ${dto.note}`, ref(order)),
        ];
      }
      const period = order.period + 1;
      await this.orders.update(manager, id, {
        state: 'reopened',
        period,
        periodStartedAt: at,
        contactedAt: null,
        contactedBy: null,
        handledAt: null,
        handledBy: null,
        result: null,
        cause: null,
        accountability: null,
        satisfaction: dto.satisfaction,
        ...(contradicts && { contradictedAt: at }),
      });
      await this.orders.insertEvents(manager, [
        event(order, 'callback', at, user.id, callback),
        { ...event(order, 'reopened', at, user.id, { contradicts }), period },
      ]);
      if (order.limits?.resolutionStartsAt === 'opened') {
        await this.timeLimits.start(manager, [resolutionClock(id, order.customer_id, period, order.limits, at)]);
      }
      return [
        entry(
          order.customer_id,
          'request_reopened',
          user.id,
          `Reopened: the customer says it is not solved (${dto.note})`,
          {
            ...ref(order),
            contradicts,
          },
        ),
      ];
    });
  }

  /** A repeat contact about the order (催办): counted, and it may escalate the order. */
  async urge(user: AuthUser, id: string, dto: UrgeWorkOrderDto): Promise<WorkOrderView> {
    return this.step(user, id, async (manager, order, now) => {
      allowed(urgeOrder(order));
      const urges = [...order.urge_channels, dto.channel].map((channel) => ({ channel }));
      await this.orders.update(manager, id, { urges: urges.length });
      await this.orders.insertEvents(manager, [
        event(order, 'urged', now, user.id, { channel: dto.channel, note: dto.note, count: urges.length }),
      ]);
      await this.escalateIfNeeded(manager, {
        id,
        customerId: order.customer_id,
        customerName: order.customer_name,
        ownerId: order.owner_id,
        period: order.period,
        summary: order.summary,
        escalated: order.escalated_at !== null,
        reasons: escalationReasons({ channel: order.channel, urges }),
        at: now,
      });
      return [
        entry(order.customer_id, 'request_urged', user.id, `Urged via ${dto.channel} (${urges.length}): ${dto.note}`, {
          ...ref(order),
          count: urges.length,
        }),
      ];
    });
  }

  /** One step: the order locked (404 outside the caller's scope), the step's writes, its timeline entries. */
  private async step(
    user: AuthUser,
    id: string,
    work: (manager: EntityManager, order: LockedOrder, now: Date) => Promise<NewTimelineEntry[]>,
  ): Promise<WorkOrderView> {
    const scope = DataScope.of(user);
    await this.dataSource.transaction(async (manager) => {
      const order = await this.orders.lock(manager, scope, id);
      if (!order) throw new NotFoundError('Request', id);
      await this.timeline.record(manager, await work(manager, order, new Date()));
      await this.orders.keepOrderClockOutcomes(manager, id);
    });
    return this.get(scope, id);
  }

  /**
   * The first time an order has escalation reasons: they are recorded with an `escalated` event and
   * leadership and the owner are notified. Later reasons are added to the order silently.
   */
  private async escalateIfNeeded(
    manager: EntityManager,
    o: {
      id: string;
      customerId: string;
      customerName: string;
      ownerId: string;
      period: number;
      summary: string;
      escalated: boolean;
      reasons: ReturnType<typeof escalationReasons>;
      at: Date;
    },
  ): Promise<void> {
    if (!o.reasons.length) return;
    if (o.escalated) {
      await this.orders.update(manager, o.id, { escalationReasons: o.reasons });
      return;
    }
    await this.orders.update(manager, o.id, { escalationReasons: o.reasons, escalatedAt: o.at });
    await this.orders.insertEvents(manager, [
      { workOrderId: o.id, period: o.period, kind: 'escalated', at: o.at, by: null, details: { reasons: o.reasons } },
    ]);
    await this.timeline.record(manager, [
      entry(
        o.customerId,
        'request_escalated',
        null,
        `Escalated to leadership (${o.reasons.join(', ')}): ${o.summary}`,
        {
          workOrderId: o.id,
          reasons: o.reasons,
        },
      ),
    ]);
    const recipients = new Set([...(await this.orders.leaderIds(manager)), o.ownerId]);
    await this.notifications.notify(
      manager,
      [...recipients].map((userId) => ({
        userId,
        customerId: o.customerId,
        kind: 'request_escalated',
        summary: `${o.customerName}: request "${o.summary}" escalated (${o.reasons.join(', ')})`,
        data: { workOrderId: o.id, customer: o.customerName, summary: o.summary, reasons: o.reasons },
      })),
    );
  }
}

function limitOf(limit: WorkOrderLimits['contact']): Pick<StartClock, 'limit' | 'unit'> {
  return { limit: limit.amount, unit: limit.unit };
}

function resolutionClock(
  id: string,
  customerId: string,
  period: number,
  limits: WorkOrderLimits,
  startedAt: Date,
): StartClock {
  return { ...clockKey(id, resolutionClockKind(period)), customerId, ...limitOf(limits.resolution), startedAt };
}

/** The clocks a received order starts: its contact clock, and its first resolution clock when that starts at once. */
function intakeClocks(id: string, customerId: string, limits: WorkOrderLimits, receivedAt: Date): StartClock[] {
  const contact: StartClock = {
    ...clockKey(id, CONTACT_CLOCK),
    customerId,
    ...limitOf(limits.contact),
    startedAt: receivedAt,
  };
  return limits.resolutionStartsAt === 'opened'
    ? [contact, resolutionClock(id, customerId, 1, limits, receivedAt)]
    : [contact];
}

function event(
  order: LockedOrder,
  kind: WorkOrderEventView['kind'],
  at: Date,
  by: string | null,
  details: Record<string, unknown>,
): NewWorkOrderEvent {
  return { workOrderId: order.id, period: order.period, kind, at, by, details };
}

function ref(order: LockedOrder): Record<string, unknown> {
  return { workOrderId: order.id, type: order.type, channel: order.channel };
}

function entry(
  customerId: string,
  type: string,
  actorId: string | null,
  summary: string,
  data: Record<string, unknown>,
): NewTimelineEntry {
  return { customerId, type, actorId, summary, data };
}
