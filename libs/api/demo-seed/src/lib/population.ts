import { customerContactsCopy, customerProfileValues, customersCopy } from '@crm/api/customers';
import { billsCopy, consumptionCopy, paymentsCopy } from '@crm/api/data-import';
import {
  GeneratedApplication,
  generateApplications,
  GeneratedCustomer,
  generateCustomers,
  generateOperationalData,
  generateOutageNotices,
  GeneratedWorkOrder,
  generateWorkOrders,
  keptClockOutcomes,
  Random,
  WorkOrderActor,
  settlementOf,
} from '@crm/api/data-generator';
import { applicationsCopy, applicationStepsCopy } from '@crm/api/lifecycle';
import { outboxMessagesCopy } from '@crm/api/messages';
import { clocksCopy } from '@crm/api/time-limits';
import { timelineCopy } from '@crm/api/timeline';
import { workOrderEventsCopy, workOrderIntakeValues, workOrdersCopy } from '@crm/api/work-orders';
import { LifecycleStepDefinition, WorkingCalendar, WorkOrderLimitRow } from '@crm/shared/domain';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { csvLine, pgTextArray } from './csv-rows';
import {
  advanceBillSequence,
  copyRows,
  disconnectionsCopy,
  lifecycleStepDefinitions,
  loadWorkingCalendar,
  maxBillId,
  refreshSegmentFacts,
  serviceStaffIds,
  violationsCopy,
  workOrderLimitTable,
} from './demo-seed.repository';

/** Customers generated and written per batch; part of what makes a seed's output the same every time. */
export const POPULATION_BATCH = 5000;

export interface PopulationOptions {
  seed: number;
  customers: number;
  months: number;
  /** Account managers (user ids) the customers are spread over, busiest first. */
  managerIds: string[];
  now: Date;
  /** Account numbers continue after this many customers (a second run adds to the first). */
  firstIndex?: number;
  onBatch?: (progress: { customers: number; rows: number }) => void;
}

/** Rows written per table. */
export type PopulationCounts = Record<string, number>;

/**
 * The COPY statement of each table the loader writes, in the order a batch writes them: each table's owner
 * library states it (violations and disconnections have no writer in the application).
 */
const TABLES = {
  customers: customersCopy,
  customer_contacts: customerContactsCopy,
  customer_timeline: timelineCopy,
  applications: applicationsCopy,
  application_steps: applicationStepsCopy,
  work_orders: workOrdersCopy,
  work_order_events: workOrderEventsCopy,
  clocks: clocksCopy,
  consumption: consumptionCopy,
  bills: billsCopy,
  payments: paymentsCopy,
  violations: violationsCopy,
  disconnections: disconnectionsCopy,
  outbox_messages: outboxMessagesCopy,
} as const;
type Table = keyof typeof TABLES;

/**
 * Time-ordered ids (the layout of UUIDv7): rows of one run land at the right edge of the indexes, which
 * keeps bulk loads fast. Not secret and not derived from the seed; the data is.
 */
function orderedIds(count: number): string[] {
  const start = Date.now() * 4096;
  const tail = randomBytes(8).toString('hex');
  return Array.from({ length: count }, (_, i) => {
    const h = (start + i).toString(16).padStart(15, '0').slice(-15);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(12, 15)}-8${tail.slice(0, 3)}-${tail.slice(3, 15)}`;
  });
}

/** Everything a batch needs, read from the database once; plain data, so it can go to a worker thread. */
export interface PopulationPlan extends Omit<PopulationOptions, 'onBatch'> {
  firstIndex: number;
  batches: number;
  /** Bill ids of batch b start at firstBillId + b × POPULATION_BATCH × months (payments refer to them). */
  firstBillId: number;
  steps: LifecycleStepDefinition[];
  calendar: WorkingCalendar;
  /** The work-order limit table, and the service staff who record hotline orders and call back. */
  workOrderLimits: WorkOrderLimitRow[];
  staffIds: string[];
}

/** One batch as COPY text per table, with its row counts. */
export interface PopulationBatch {
  text: Record<Table, string>;
  rows: Record<Table, number>;
}

export async function planPopulation(tx: EntityManager, options: PopulationOptions): Promise<PopulationPlan> {
  const { seed, customers, months, managerIds, now } = options;
  return {
    seed,
    customers,
    months,
    managerIds,
    now,
    firstIndex: options.firstIndex ?? 0,
    batches: Math.ceil(options.customers / POPULATION_BATCH),
    firstBillId: (await maxBillId(tx)) + 1,
    steps: await lifecycleStepDefinitions(tx),
    calendar: await loadWorkingCalendar(tx),
    workOrderLimits: await workOrderLimitTable(tx),
    staffIds: await serviceStaffIds(tx),
  };
}

/** Generates batch `batch` (0-based) of a plan: pure computation, no database. */
export function populationBatch(plan: PopulationPlan, batch: number): PopulationBatch {
  const offset = batch * POPULATION_BATCH;
  const count = Math.min(POPULATION_BATCH, plan.customers - offset);
  const index = plan.firstIndex + offset;
  const seed = plan.seed + Math.floor(index / POPULATION_BATCH);
  const customers = generateCustomers({
    seed,
    count,
    managers: plan.managerIds.length,
    population: plan.customers,
    firstIndex: index,
    now: plan.now,
  });
  const applications = generateApplications({
    seed,
    customers,
    steps: plan.steps,
    calendar: plan.calendar,
    now: plan.now,
  });
  const workOrders = generateWorkOrders({
    seed,
    customers,
    months: plan.months,
    limits: plan.workOrderLimits,
    calendar: plan.calendar,
    staff: plan.staffIds.length,
    now: plan.now,
  });
  const firstBillId = plan.firstBillId + batch * POPULATION_BATCH * plan.months;
  const lines = batchRows(customers, applications, workOrders, plan, seed, firstBillId);
  const tables = Object.keys(TABLES) as Table[];
  return {
    text: Object.fromEntries(tables.map((t) => [t, lines[t].join('')])) as Record<Table, string>,
    rows: Object.fromEntries(tables.map((t) => [t, lines[t].length])) as Record<Table, number>,
  };
}

/** COPYs a batch into the tables, in an order that satisfies the foreign keys. */
export async function writePopulationBatch(tx: EntityManager, batch: PopulationBatch): Promise<void> {
  for (const table of Object.keys(TABLES) as Table[]) {
    if (batch.rows[table]) await copyRows(tx, TABLES[table], batch.text[table]);
  }
}

/** Moves the bills' id sequence past the ids the batches gave out, and rebuilds the segment facts. */
export async function finishPopulation(tx: EntityManager): Promise<void> {
  await advanceBillSequence(tx);
  // The generator's COPY may run without triggers (session_replication_role = replica): rebuild what they keep.
  await refreshSegmentFacts(tx);
}

/**
 * Generates `customers` key accounts with their applications and `months` of behaviour and writes them
 * with COPY, batch by batch, in the caller's transaction `tx`. Used by the demo seed; `npm run generate`
 * runs the same batches on worker threads. Deterministic for a seed.
 */
export async function loadPopulation(tx: EntityManager, options: PopulationOptions): Promise<PopulationCounts> {
  const plan = await planPopulation(tx, options);
  const counts: PopulationCounts = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0]));
  for (let b = 0; b < plan.batches; b++) {
    const batch = populationBatch(plan, b);
    await writePopulationBatch(tx, batch);
    addCounts(counts, batch);
    options.onBatch?.({
      customers: Math.min((b + 1) * POPULATION_BATCH, plan.customers),
      rows: Object.values(counts).reduce((x, y) => x + y, 0),
    });
  }
  await finishPopulation(tx);
  return counts;
}

export function addCounts(counts: PopulationCounts, batch: PopulationBatch): void {
  for (const [table, n] of Object.entries(batch.rows)) counts[table] = (counts[table] ?? 0) + n;
}

function batchRows(
  customers: GeneratedCustomer[],
  applications: GeneratedApplication[],
  workOrders: GeneratedWorkOrder[],
  options: PopulationPlan,
  seed: number,
  firstBillId: number,
): Record<Table, string[]> {
  const ids = orderedIds(customers.length);
  const rows: Record<Table, string[]> = Object.fromEntries(Object.keys(TABLES).map((t) => [t, []])) as never;
  customers.forEach((c, i) => {
    const managerId = options.managerIds[c.managerIndex];
    rows.customers.push(
      csvLine([
        ids[i],
        ...customerProfileValues(c),
        c.stage,
        managerId,
        c.createdAt,
        c.createdAt,
        pgTextArray(c.tags),
        c.area,
      ]),
    );
    c.contacts.forEach((k, position) =>
      rows.customer_contacts.push(csvLine([ids[i], position, k.name, k.phone, k.email ?? null, k.role])),
    );
    rows.customer_timeline.push(
      csvLine([ids[i], c.createdAt, 'created', null, `Customer ${c.accountNo} created`, JSON.stringify({ managerId })]),
    );
  });

  const appIds = orderedIds(applications.length);
  applications.forEach((a, n) => {
    const customerId = ids[a.customerIndex];
    const managerId = options.managerIds[customers[a.customerIndex].managerIndex];
    rows.applications.push(
      csvLine([
        appIds[n],
        customerId,
        a.type,
        a.status,
        a.requestedCapacityKva,
        a.dualSupply,
        a.newOwnerName,
        a.stageBefore,
        a.currentPosition,
        a.receivedAt,
        a.completedAt,
        a.receivedAt,
      ]),
    );
    for (const s of a.steps) {
      rows.application_steps.push(
        csvLine([
          appIds[n],
          s.position,
          s.code,
          s.nameZh,
          s.nameEn,
          s.slaWorkingDays,
          s.state,
          s.startedAt,
          s.completedAt,
          s.completedAt ? managerId : null,
          s.note,
        ]),
      );
      if (s.startedAt) {
        rows.clocks.push(
          csvLine([
            'application_step',
            appIds[n],
            s.code,
            customerId,
            s.slaWorkingDays,
            'working_days',
            s.startedAt,
            s.warnAt,
            s.dueAt,
            s.completedAt,
            null,
            null,
            0,
            s.calendarEstimated,
          ]),
        );
      }
    }
    const k = a.commitment;
    if (k) {
      rows.clocks.push(
        csvLine([
          'application',
          appIds[n],
          'getting_electricity',
          customerId,
          k.limit,
          'working_days',
          k.startedAt,
          k.warnAt,
          k.dueAt,
          k.stoppedAt,
          k.pausedAt,
          k.resumedAt,
          k.usedBefore,
          k.calendarEstimated,
        ]),
      );
    }
  });

  const orderIds = orderedIds(workOrders.length);
  workOrders.forEach((o, n) => {
    const customerId = ids[o.customerIndex];
    const managerId = options.managerIds[customers[o.customerIndex].managerIndex];
    const actor = (a: WorkOrderActor | null) => (a === 'staff' ? options.staffIds[o.staffIndex] : a && managerId);
    const last = o.events[o.events.length - 1].at;
    const kept = keptClockOutcomes(o);
    rows.work_orders.push(
      csvLine([
        orderIds[n],
        customerId,
        ...workOrderIntakeValues(o),
        o.receivedAt,
        actor(o.recordedBy),
        o.state,
        o.period,
        o.periodStartedAt,
        o.contactedAt,
        o.contactedAt && managerId,
        o.handledAt,
        o.handledAt && managerId,
        o.result,
        o.cause,
        o.accountability,
        o.closedAt,
        o.satisfaction,
        o.urges,
        pgTextArray(o.escalationReasons),
        o.escalatedAt,
        o.contradictedAt,
        kept.contact.dueAt,
        kept.contact.outcome,
        kept.resolution.dueAt,
        kept.resolution.outcome,
        o.receivedAt,
        last,
      ]),
    );
    for (const e of o.events) {
      rows.work_order_events.push(
        csvLine([orderIds[n], e.period, e.kind, e.at, actor(e.by), JSON.stringify(e.details), e.at]),
      );
    }
    for (const k of o.clocks) {
      rows.clocks.push(
        csvLine([
          'work_order',
          orderIds[n],
          k.clockKind,
          customerId,
          k.limit,
          k.unit,
          k.startedAt,
          k.warnAt,
          k.dueAt,
          k.stoppedAt,
          null,
          null,
          0,
          k.calendarEstimated,
        ]),
      );
    }
  });

  const random = new Random(seed);
  let billId = firstBillId;
  customers.forEach((c, i) => {
    const data = generateOperationalData(random, c, options.months, options.now);
    for (const m of data.consumption) {
      rows.consumption.push(csvLine([ids[i], m.period, m.kwh, m.maxDemandKw, m.powerFactor]));
    }
    const billOf = new Map<string, number>();
    for (const b of data.bills) {
      billOf.set(b.period, billId);
      const s = settlementOf(
        b.amount,
        data.payments.filter((p) => p.period === b.period),
      );
      rows.bills.push(
        csvLine([billId++, ids[i], b.period, b.amount, b.dueDate, s.paidAmount, s.lastPaidAt, s.settledOn]),
      );
    }
    for (const p of data.payments) {
      rows.payments.push(csvLine([billOf.get(p.period) ?? null, p.period, p.paidAt, p.amount]));
    }
    for (const v of data.violations) {
      rows.violations.push(csvLine([ids[i], v.occurredOn, v.kind, v.description, v.penalty]));
    }
    for (const d of data.disconnections) {
      rows.disconnections.push(csvLine([ids[i], d.noticeDate, d.disconnectedOn, d.restoredOn]));
    }
    for (const m of generateOutageNotices(random, c, options.now)) {
      rows.outbox_messages.push(
        csvLine([
          ids[i],
          'outage_notice',
          'sms',
          m.recipient,
          m.body,
          m.state,
          m.attempts,
          m.lastError,
          m.createdAt,
          m.sentAt,
        ]),
      );
    }
  });
  return rows;
}
