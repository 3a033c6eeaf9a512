import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { Db, execute, ExportRowsQuery, Params, query, queryOne } from '@crm/api/database';
import { notificationsInsertFrom } from '@crm/api/notifications';
import { clockStateSql } from '@crm/api/time-limits';
import { timelineInsertFrom } from '@crm/api/timeline';
import {
  chinaMidnight,
  ClockState,
  ClockUnit,
  EscalationReason,
  Page,
  RepairArea,
  WorkOrderChannel,
  WorkOrderEventView,
  WorkOrderLimitRow,
  WorkOrderLimits,
  WorkOrderIntake,
  WorkOrderLimitView,
  WorkOrderListItem,
  WorkOrderReference,
  WorkOrderSortField,
  WorkOrderState,
  WorkOrderTopic,
  WorkOrderType,
  WorkOrderView,
} from '@crm/shared/domain';
import { EntityManager } from 'typeorm';
import { WorkOrderQueryDto } from './dto/work-order-query.dto';
import {
  contactClockJoin,
  keptOutcomeSql,
  keptOverdueSql,
  keptRunningSql,
  resolutionClockJoin,
  WORK_ORDER_INTAKE_COLUMNS,
  workOrderEventsInsertFrom,
  workOrderIntakeValues,
} from './work-orders-sql';
import { toWorkOrderListItem, toWorkOrderView, WorkOrderDetailRow, WorkOrderRow } from './work-order-view';

/** Clock states ranked: a running clock counts before a stopped one, the later the worse. */
const rankSql = (k: string) =>
  `CASE ${clockStateSql(k)} WHEN 'stopped_on_time' THEN 1 WHEN 'stopped_late' THEN 2 WHEN 'on_time' THEN 3
     WHEN 'warning' THEN 4 WHEN 'overdue' THEN 5 END`;

/** The order's sla: the worse of its running clocks, else of its stopped ones; on time without clocks. */
const SLA_SQL = `(ARRAY['stopped_on_time', 'stopped_late', 'on_time', 'warning', 'overdue'])[
  coalesce(greatest(${rankSql('kc')}, ${rankSql('kr')}), 3)]`;

/** Columns of WorkOrderRow over ORDER_FROM. */
const ORDER_SELECT = `
  w.id, w.customer_id, c.account_no, c.name AS customer_name, c.area AS customer_area,
  w.channel, w.type, w.topic, w.summary, w.external_ref, w.contact_name, w.contact_phone, w.state,
  o.id AS owner_id, o.display_name AS owner_name, w.recorded_by, r.display_name AS recorded_by_name,
  w.received_at, w.period, w.contacted_at, w.handled_at, w.handled_by, h.display_name AS handled_by_name,
  w.result, w.closed_at, w.satisfaction, w.urges, w.escalation_reasons, w.escalated_at, w.contradicted_at, w.version,
  kc.due_at AS contact_due_at, kc.warn_at AS contact_warn_at, kc.stopped_at AS contact_stopped_at,
  ${clockStateSql('kc')} AS contact_state,
  kr.due_at AS resolution_due_at, kr.warn_at AS resolution_warn_at, kr.stopped_at AS resolution_stopped_at,
  ${clockStateSql('kr')} AS resolution_state,
  ${SLA_SQL} AS sla`;

/** The order `w` with its customer `c`: all the list's filters and sorts need, but sla warning and on time. */
const FILTER_FROM = 'work_orders w JOIN customers c ON c.id = w.customer_id';

/** The contact clock `kc` and the current resolution clock `kr` of the order `w`. */
const CLOCK_JOINS = `
  LEFT JOIN clocks kc ON ${contactClockJoin('kc', 'w')}
  LEFT JOIN clocks kr ON ${resolutionClockJoin('kr', 'w')}`;

/** The order `w` with its customer `c`, owner `o`, recorder `r`, handler `h` and clocks `kc`, `kr`. */
const ORDER_FROM = `
  ${FILTER_FROM}
  JOIN users r ON r.id = w.recorded_by
  LEFT JOIN users o ON o.id = coalesce(c.account_manager_id, w.recorded_by)
  LEFT JOIN users h ON h.id = w.handled_by
  ${CLOCK_JOINS}`;

/**
 * The sort columns, all on the order row (the due moments as the order keeps them, equal to its clocks'), and
 * whether they can be NULL: `NULLS LAST` only on those, so that the index on received_at serves its sorts.
 */
const SORT_COLUMNS: Record<WorkOrderSortField, { column: string; nullable: boolean }> = {
  receivedAt: { column: 'w.received_at', nullable: false },
  resolveDueAt: { column: 'w.resolution_due_at', nullable: true },
  contactDueAt: { column: 'w.contact_due_at', nullable: true },
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A `from`/`to` filter as an instant: a date alone is its midnight in China. */
function instant(dateOrTime: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateOrTime) ? chinaMidnight(dateOrTime) : dateOrTime;
}

/**
 * The orders whose sla is `sla`. Overdue and the stopped states read the outcomes the order keeps (stopped: no
 * running clock, late when one stopped late). Warning and on time need a running clock's warning moment: SLA_SQL
 * over the clocks (`kc`, `kr`), among the orders with a running clock (or, on time, no clock at all).
 */
function slaFilterSql(sla: ClockState): string {
  switch (sla) {
    case 'overdue':
      return keptOverdueSql('w');
    case 'stopped_late':
      return `NOT ${keptRunningSql('w')} AND 'late' IN (w.contact_outcome, w.resolution_outcome)`;
    case 'stopped_on_time':
      return `NOT ${keptRunningSql('w')} AND 'met' IN (w.contact_outcome, w.resolution_outcome)
        AND w.contact_outcome IS DISTINCT FROM 'late' AND w.resolution_outcome IS DISTINCT FROM 'late'`;
    case 'warning':
      return `${keptRunningSql('w')} AND ${SLA_SQL} = 'warning'`;
    case 'on_time':
      return `(${keptRunningSql('w')} OR (w.contact_due_at IS NULL AND w.resolution_due_at IS NULL))
        AND ${SLA_SQL} = 'on_time'`;
  }
}

/**
 * The WHERE of the list and the export: the caller's scope and the filters. The clock filters (sla, contactClock,
 * resolutionClock) read the outcomes the order keeps; only sla warning and on time read the clocks as well.
 */
function filterSql(scope: DataScope, f: WorkOrderQueryDto, p: Params): string {
  const where = [scope.sql('c.account_manager_id', p)];
  if (f.state) where.push(`w.state = ${p.add(f.state)}`);
  if (f.type) where.push(`w.type = ${p.add(f.type)}`);
  if (f.channel) where.push(`w.channel = ${p.add(f.channel)}`);
  if (f.topic) where.push(`w.topic = ${p.add(f.topic)}`);
  if (f.sla) where.push(slaFilterSql(f.sla));
  if (f.customerId) where.push(`w.customer_id = ${p.add(f.customerId)}`);
  if (f.managerId) where.push(`coalesce(c.account_manager_id, w.recorded_by) = ${p.add(f.managerId)}`);
  if (f.from) where.push(`w.received_at >= ${p.add(instant(f.from))}`);
  if (f.to) where.push(`w.received_at < ${p.add(instant(f.to))}`);
  if (f.open) where.push(`w.state ${f.open === 'true' ? '<>' : '='} 'closed'`);
  if (f.region) where.push(`c.region = ${p.add(f.region)}`);
  if (f.escalated) where.push(`w.escalated_at IS ${f.escalated === 'true' ? 'NOT ' : ''}NULL`);
  if (f.contradicted) where.push(`w.contradicted_at IS ${f.contradicted === 'true' ? 'NOT ' : ''}NULL`);
  if (f.contactClock) where.push(`${keptOutcomeSql('contact', 'w')} = ${p.add(f.contactClock)}`);
  if (f.resolutionClock) where.push(`${keptOutcomeSql('resolution', 'w')} = ${p.add(f.resolutionClock)}`);
  if (f.satisfaction) where.push(`w.satisfaction = ${p.add(Number(f.satisfaction))}`);
  if (f.rated) where.push(`w.satisfaction IS ${f.rated === 'true' ? 'NOT ' : ''}NULL`);
  if (f.urged) where.push(`w.urges ${f.urged === 'true' ? '>' : '='} 0`);
  const q = f.q?.trim();
  if (q) {
    const contains = p.add(`%${escapeLike(q)}%`);
    const exact = p.add(q.toUpperCase());
    where.push(`(w.summary ILIKE ${contains} OR c.name ILIKE ${contains} OR c.account_no = ${exact}
                 OR upper(w.external_ref) = ${exact})`);
  }
  return where.join(' AND ');
}

/** The orders the filters keep, over FILTER_FROM, with the clocks only when the sla filter reads them. */
function filteredFrom(f: WorkOrderQueryDto): string {
  return f.sla === 'warning' || f.sla === 'on_time' ? `${FILTER_FROM} ${CLOCK_JOINS}` : FILTER_FROM;
}

/** The ORDER BY of `sort` over the order row `w`: the sort column (NULLs last), ties by id in the same direction. */
function orderSql(sort: string): string {
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
  const { column, nullable } = SORT_COLUMNS[sort.replace(/^-/, '') as WorkOrderSortField];
  return `${column} ${direction}${nullable ? ' NULLS LAST' : ''}, w.id ${direction}`;
}

/** The customer an order is recorded for: its area (the repair limits) and account manager. */
export interface OrderCustomer {
  id: string;
  name: string;
  area: RepairArea;
  account_manager_id: string | null;
}

/** A just received order, as its limits and clocks need it. */
export interface ReceivedOrder {
  id: string;
  customer_id: string;
  channel: WorkOrderChannel;
  type: WorkOrderType;
  topic: WorkOrderTopic | null;
  area: RepairArea;
  received_at: Date;
}

/** The limits and escalation reasons of received orders of one type, channel, topic and customer area. */
export interface ReceivedKind {
  type: WorkOrderType;
  channel: WorkOrderChannel;
  topic: WorkOrderTopic | null;
  area: RepairArea;
  limits: WorkOrderLimits | null;
  reasons: EscalationReason[];
}

/** What the steps of an order need, read with its row locked. */
export interface LockedOrder {
  id: string;
  customer_id: string;
  customer_name: string;
  owner_id: string;
  channel: WorkOrderChannel;
  type: WorkOrderType;
  summary: string;
  state: WorkOrderState;
  period: number;
  period_started_at: Date;
  contacted_at: Date | null;
  handled_at: Date | null;
  handled_by: string | null;
  result: string | null;
  escalated_at: Date | null;
  /** The limits the order was received with (its received event), null when none matched. */
  limits: WorkOrderLimits | null;
  /** Channels of its urges so far. */
  urge_channels: WorkOrderChannel[];
}

export interface NewWorkOrder extends WorkOrderIntake {
  customerId: string;
  receivedAt: Date;
  recordedBy: string;
}

export interface NewWorkOrderEvent {
  workOrderId: string;
  period: number;
  kind: WorkOrderEventView['kind'];
  at: Date;
  by: string | null;
  details: Record<string, unknown>;
}

/** The changes a step makes to the order row (only the given ones are written). */
export interface WorkOrderChange {
  state?: WorkOrderState;
  period?: number;
  periodStartedAt?: Date;
  contactedAt?: Date | null;
  contactedBy?: string | null;
  handledAt?: Date | null;
  handledBy?: string | null;
  result?: string | null;
  cause?: string | null;
  accountability?: string | null;
  closedAt?: Date;
  satisfaction?: number;
  contradictedAt?: Date;
  urges?: number;
  escalationReasons?: EscalationReason[];
  escalatedAt?: Date;
}

const CHANGE_COLUMNS: Record<keyof WorkOrderChange, string> = {
  state: 'state',
  period: 'period',
  periodStartedAt: 'period_started_at',
  contactedAt: 'contacted_at',
  contactedBy: 'contacted_by',
  handledAt: 'handled_at',
  handledBy: 'handled_by',
  result: 'result',
  cause: 'cause',
  accountability: 'accountability',
  closedAt: 'closed_at',
  satisfaction: 'satisfaction',
  contradictedAt: 'contradicted_at',
  urges: 'urges',
  escalationReasons: 'escalation_reasons',
  escalatedAt: 'escalated_at',
};

interface LimitRow {
  id: string;
  type: WorkOrderType;
  channel: WorkOrderChannel | null;
  area: RepairArea | null;
  topic: WorkOrderTopic | null;
  contact_amount: string;
  contact_unit: ClockUnit;
  resolution_amount: string;
  resolution_unit: ClockUnit;
  resolution_starts_at: 'opened' | 'contacted';
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
}

function toLimitView(r: LimitRow): WorkOrderLimitView {
  return {
    id: String(r.id),
    type: r.type,
    channel: r.channel,
    area: r.area,
    topic: r.topic,
    contact: { amount: Number(r.contact_amount), unit: r.contact_unit },
    resolution: { amount: Number(r.resolution_amount), unit: r.resolution_unit },
    resolutionStartsAt: r.resolution_starts_at,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by ? { id: r.updated_by, displayName: r.updated_by_name ?? '' } : null,
  };
}

interface EventRow {
  kind: WorkOrderEventView['kind'];
  at: Date;
  period: number;
  by: string | null;
  by_name: string | null;
  details: Record<string, unknown>;
}

/** A row of the export: the list's row with the names of its codes in the export's language. */
export interface WorkOrderExportRow extends WorkOrderRow {
  channel_name: string;
  type_name: string;
  topic_name: string | null;
}

/** Every query on work_orders and work_order_events; reads of the reference tables and the limit table. */
@Injectable()
export class WorkOrdersRepository {
  async reference(db: Db): Promise<WorkOrderReference> {
    const names = 'code, name_zh AS "nameZh", name_en AS "nameEn"';
    const [channels, types, topics] = await Promise.all([
      query<WorkOrderReference['channels'][number]>(db, `SELECT ${names} FROM work_order_channels ORDER BY position`),
      query<WorkOrderReference['types'][number]>(db, `SELECT ${names} FROM work_order_types ORDER BY position`),
      query<WorkOrderReference['topics'][number]>(
        db,
        `SELECT ${names}, type FROM work_order_topics ORDER BY type, position`,
      ),
    ]);
    return { channels, types, topics };
  }

  async limits(db: Db): Promise<WorkOrderLimitView[]> {
    const rows = await query<LimitRow>(
      db,
      `SELECT l.*, u.display_name AS updated_by_name
         FROM work_order_limits l
         JOIN work_order_types t ON t.code = l.type
         LEFT JOIN users u ON u.id = l.updated_by
        ORDER BY t.position, l.channel NULLS FIRST, l.area NULLS FIRST, l.topic NULLS FIRST`,
    );
    return rows.map(toLimitView);
  }

  async limit(db: Db, id: string): Promise<WorkOrderLimitView | null> {
    const row = await queryOne<LimitRow>(
      db,
      `SELECT l.*, u.display_name AS updated_by_name
         FROM work_order_limits l LEFT JOIN users u ON u.id = l.updated_by WHERE l.id = $1`,
      [id],
    );
    return row ? toLimitView(row) : null;
  }

  /** The limit table as limitsFor reads it. */
  async limitTable(db: Db): Promise<WorkOrderLimitRow[]> {
    return (await this.limits(db)).map(({ type, channel, area, topic, contact, resolution, resolutionStartsAt }) => ({
      type,
      channel,
      area,
      topic,
      contact,
      resolution,
      resolutionStartsAt,
    }));
  }

  /** The customer, if it exists and is in the caller's scope. */
  async customer(db: Db, scope: DataScope, id: string): Promise<OrderCustomer | undefined> {
    const p = new Params(id);
    return queryOne<OrderCustomer>(
      db,
      `SELECT c.id, c.name, c.area, c.account_manager_id FROM customers c
        WHERE c.id = $1 AND ${scope.sql('c.account_manager_id', p)}`,
      p,
    );
  }

  /** Inserts an open order in its first period; undefined when its channel already has its externalRef. */
  async insert(manager: EntityManager, o: NewWorkOrder): Promise<string | undefined> {
    const row = await queryOne<{ id: string }>(
      manager,
      `INSERT INTO work_orders (customer_id, ${WORK_ORDER_INTAKE_COLUMNS}, received_at, recorded_by, period_started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9)
       ON CONFLICT (channel, external_ref) DO NOTHING RETURNING id`,
      [o.customerId, ...workOrderIntakeValues(o), o.receivedAt, o.recordedBy],
    );
    return row?.id;
  }

  /** The order, its row locked, if it is in the caller's scope. */
  async lock(manager: EntityManager, scope: DataScope, id: string): Promise<LockedOrder | undefined> {
    const p = new Params(id);
    return queryOne<LockedOrder>(
      manager,
      `SELECT w.id, w.customer_id, c.name AS customer_name, coalesce(c.account_manager_id, w.recorded_by) AS owner_id,
              w.channel, w.type, w.summary, w.state, w.period, w.period_started_at, w.contacted_at, w.handled_at,
              w.handled_by, w.result, w.escalated_at,
              (SELECT e.details -> 'limits' FROM work_order_events e
                WHERE e.work_order_id = w.id AND e.kind = 'received') AS limits,
              ARRAY(SELECT e.details ->> 'channel' FROM work_order_events e
                     WHERE e.work_order_id = w.id AND e.kind = 'urged' ORDER BY e.id) AS urge_channels
         FROM work_orders w JOIN customers c ON c.id = w.customer_id
        WHERE w.id = $1 AND ${scope.sql('c.account_manager_id', p)}
        FOR UPDATE OF w`,
      p,
    );
  }

  /** Writes the step's changes and bumps the version. */
  async update(manager: EntityManager, id: string, change: WorkOrderChange): Promise<void> {
    const p = new Params(id);
    const sets = ['version = version + 1', 'updated_at = now()'];
    for (const [key, column] of Object.entries(CHANGE_COLUMNS)) {
      const value = change[key as keyof WorkOrderChange];
      if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
    }
    await execute(manager, `UPDATE work_orders SET ${sets.join(', ')} WHERE id = $1`, p);
  }

  async insertEvents(manager: EntityManager, events: NewWorkOrderEvent[]): Promise<void> {
    if (!events.length) return;
    await execute(
      manager,
      `INSERT INTO work_order_events (work_order_id, period, kind, at, by, details)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::timestamptz[], $5::uuid[], $6::jsonb[])`,
      [
        events.map((e) => e.workOrderId),
        events.map((e) => e.period),
        events.map((e) => e.kind),
        events.map((e) => e.at),
        events.map((e) => e.by),
        events.map((e) => JSON.stringify(e.details)),
      ],
    );
  }

  /** The orders of `inserted` (a table or sub-query with a column `id`) as their clocks and limits need them. */
  async receivedOrders(db: Db, inserted: string): Promise<ReceivedOrder[]> {
    return query<ReceivedOrder>(
      db,
      `SELECT w.id, w.customer_id, w.channel, w.type, w.topic, c.area, w.received_at
         FROM ${inserted} i JOIN work_orders w ON w.id = i.id JOIN customers c ON c.id = w.customer_id`,
    );
  }

  /**
   * Set-wise intake of the just inserted orders of `inserted` (a column `id`), in one statement: their
   * `received` events with the limits of their kind (`kinds`: per type, channel, topic and area, the limits
   * and escalation reasons computed by the domain rules), the customers' timeline entries, and for orders
   * with escalation reasons the escalation (reasons, `escalated` event, timeline, leaders and owner told).
   */
  async recordReceived(db: Db, inserted: string, kinds: ReceivedKind[]): Promise<void> {
    await execute(
      db,
      `WITH k AS (SELECT * FROM jsonb_to_recordset($1::jsonb)
                    AS k(type text, channel text, topic text, area text, limits jsonb, reasons jsonb)),
            o AS (SELECT w.*, c.name AS customer_name, coalesce(c.account_manager_id, w.recorded_by) AS owner_id,
                         k.limits, ARRAY(SELECT jsonb_array_elements_text(k.reasons)) AS reasons
                    FROM ${inserted} i
                    JOIN work_orders w ON w.id = i.id
                    JOIN customers c ON c.id = w.customer_id
                    JOIN k ON k.type = w.type AND k.channel = w.channel AND k.topic IS NOT DISTINCT FROM w.topic
                          AND k.area = c.area),
            events AS (${workOrderEventsInsertFrom(`(
              SELECT o.id AS work_order_id, 1 AS period, 'received' AS kind, o.received_at AS at, o.recorded_by AS by,
                     jsonb_build_object('channel', o.channel, 'type', o.type, 'topic', o.topic,
                                        'externalRef', o.external_ref, 'limits', o.limits) AS details
                FROM o
              UNION ALL
              SELECT o.id, 1, 'escalated', o.received_at, NULL, jsonb_build_object('reasons', to_jsonb(o.reasons))
                FROM o WHERE cardinality(o.reasons) > 0)`)}),
            timeline AS (${timelineInsertFrom(`(
              SELECT o.customer_id, 'request_received' AS type, o.recorded_by AS actor_id,
                     o.type || ' received via ' || o.channel || ': ' || o.summary AS summary,
                     jsonb_build_object('workOrderId', o.id, 'type', o.type, 'channel', o.channel) AS data
                FROM o
              UNION ALL
              SELECT o.customer_id, 'request_escalated', NULL,
                     'Escalated to leadership (' || array_to_string(o.reasons, ', ') || '): ' || o.summary,
                     jsonb_build_object('workOrderId', o.id, 'reasons', to_jsonb(o.reasons))
                FROM o WHERE cardinality(o.reasons) > 0)`)}),
            escalated AS (UPDATE work_orders w SET escalation_reasons = o.reasons, escalated_at = o.received_at
                            FROM o WHERE w.id = o.id AND cardinality(o.reasons) > 0)
       ${notificationsInsertFrom(`(
         SELECT r.user_id, o.customer_id, 'request_escalated' AS kind,
                o.customer_name || ': request "' || o.summary || '" escalated ('
                  || array_to_string(o.reasons, ', ') || ')' AS summary,
                jsonb_build_object('workOrderId', o.id, 'customer', o.customer_name, 'summary', o.summary,
                                   'reasons', to_jsonb(o.reasons)) AS data
           FROM o
           CROSS JOIN LATERAL (SELECT u.id AS user_id FROM users u WHERE u.role = 'leader' AND u.active
                               UNION SELECT o.owner_id) r
          WHERE cardinality(o.reasons) > 0)`)}`,
      [JSON.stringify(kinds)],
    );
  }

  /**
   * Keeps on each order of `orders` (a table or sub-query with a column `id`) the outcome of its contact clock
   * and of its current period's resolution clock, as they are now in `clocks`: the due moment (NULL without
   * the clock) and, once stopped, met or late (keptOutcomeSql reads them). Called after every start or stop.
   */
  async keepClockOutcomes(db: Db, orders: string, params: unknown[] = []): Promise<void> {
    const outcome = (k: string) =>
      `CASE WHEN ${k}.stopped_at IS NULL THEN NULL WHEN ${k}.stopped_at > ${k}.due_at THEN 'late' ELSE 'met' END`;
    await execute(
      db,
      `UPDATE work_orders w
          SET contact_due_at = k.contact_due_at, contact_outcome = k.contact_outcome,
              resolution_due_at = k.resolution_due_at, resolution_outcome = k.resolution_outcome
         FROM (SELECT o.id, kc.due_at AS contact_due_at, ${outcome('kc')} AS contact_outcome,
                      kr.due_at AS resolution_due_at, ${outcome('kr')} AS resolution_outcome
                 FROM ${orders} i
                 JOIN work_orders o ON o.id = i.id
                 LEFT JOIN clocks kc ON ${contactClockJoin('kc', 'o')}
                 LEFT JOIN clocks kr ON ${resolutionClockJoin('kr', 'o')}) k
        WHERE w.id = k.id`,
      params,
    );
  }

  /** keepClockOutcomes of the one order `id`. */
  keepOrderClockOutcomes(db: Db, id: string): Promise<void> {
    return this.keepClockOutcomes(db, '(SELECT $1::uuid AS id)', [id]);
  }

  /** Active leaders, who are told of escalations. */
  async leaderIds(db: Db): Promise<string[]> {
    const rows = await query<{ id: string }>(db, `SELECT id FROM users WHERE role = 'leader' AND active`);
    return rows.map((r) => r.id);
  }

  /**
   * A page of the filtered list: the count and the page's ids read only the order and its customer (and the
   * clocks for sla warning and on time); the names and clock states are joined for the page's rows only.
   */
  async findPage(db: Db, scope: DataScope, f: WorkOrderQueryDto): Promise<Page<WorkOrderListItem>> {
    const p = new Params();
    const where = filterSql(scope, f, p);
    const from = filteredFrom(f);
    const count = await queryOne<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM ${from} WHERE ${where}`,
      p.values,
    );
    const limit = p.add(f.pageSize);
    const offset = p.add((f.page - 1) * f.pageSize);
    const rows = await query<WorkOrderRow>(
      db,
      `SELECT ${ORDER_SELECT} FROM ${ORDER_FROM}
        WHERE w.id IN (SELECT w.id FROM ${from} WHERE ${where} ORDER BY ${orderSql(f.sort)}
                        LIMIT ${limit} OFFSET ${offset})
        ORDER BY ${orderSql(f.sort)}`,
      p,
    );
    return { items: rows.map(toWorkOrderListItem), total: count?.total ?? 0, page: f.page, pageSize: f.pageSize };
  }

  /** The order with its last callback and its urges, if it is in the caller's scope. */
  async findOne(db: Db, scope: DataScope, id: string): Promise<WorkOrderView | null> {
    const p = new Params(id);
    const row = await queryOne<WorkOrderDetailRow>(
      db,
      `SELECT ${ORDER_SELECT}, w.cause, w.accountability,
              (SELECT jsonb_build_object('at', e.at, 'by', jsonb_build_object('id', u.id, 'displayName', u.display_name),
                                         'solved', (e.details ->> 'solved')::boolean,
                                         'satisfaction', (e.details ->> 'satisfaction')::int,
                                         'note', e.details ->> 'note',
                                         'contradicts', (e.details ->> 'contradicts')::boolean)
                 FROM work_order_events e JOIN users u ON u.id = e.by
                WHERE e.work_order_id = w.id AND e.kind = 'callback' ORDER BY e.id DESC LIMIT 1) AS callback,
              coalesce((SELECT jsonb_agg(jsonb_build_object('at', e.at, 'channel', e.details ->> 'channel',
                                                            'note', e.details ->> 'note',
                                                            'by', jsonb_build_object('id', u.id, 'displayName', u.display_name))
                                         ORDER BY e.id)
                          FROM work_order_events e JOIN users u ON u.id = e.by
                         WHERE e.work_order_id = w.id AND e.kind = 'urged'), '[]') AS urge_list
         FROM ${ORDER_FROM}
        WHERE w.id = $1 AND ${scope.sql('c.account_manager_id', p)}`,
      p,
    );
    return row ? toWorkOrderView(row) : null;
  }

  /** The order's events, oldest first, if it is in the caller's scope (null otherwise). */
  async events(db: Db, scope: DataScope, id: string): Promise<WorkOrderEventView[] | null> {
    const p = new Params(id);
    const found = await queryOne<{ id: string }>(
      db,
      `SELECT w.id FROM work_orders w JOIN customers c ON c.id = w.customer_id
        WHERE w.id = $1 AND ${scope.sql('c.account_manager_id', p)}`,
      p,
    );
    if (!found) return null;
    const rows = await query<EventRow>(
      db,
      `SELECT e.kind, e.at, e.period, e.by, u.display_name AS by_name, e.details
         FROM work_order_events e LEFT JOIN users u ON u.id = e.by
        WHERE e.work_order_id = $1 ORDER BY e.at, e.id`,
      [id],
    );
    return rows.map((r) => ({
      kind: r.kind,
      at: r.at.toISOString(),
      period: r.period,
      by: r.by ? { id: r.by, displayName: r.by_name ?? '' } : null,
      details: r.details,
    }));
  }

  /** The filtered list in its order, with code names in `lang`, for a streamed export. */
  exportRows(scope: DataScope, f: WorkOrderQueryDto, lang: 'zh-CN' | 'en'): ExportRowsQuery<WorkOrderExportRow> {
    const p = new Params();
    const where = filterSql(scope, f, p);
    const name = lang === 'en' ? 'name_en' : 'name_zh';
    return {
      sql: `SELECT ${ORDER_SELECT}, ch.${name} AS channel_name, ty.${name} AS type_name, tp.${name} AS topic_name
              FROM ${ORDER_FROM}
              JOIN work_order_channels ch ON ch.code = w.channel
              JOIN work_order_types ty ON ty.code = w.type
              LEFT JOIN work_order_topics tp ON tp.code = w.topic
             WHERE ${where} ORDER BY ${orderSql(f.sort)}`,
      params: p.values,
      toRow: (row) => row as unknown as WorkOrderExportRow,
    };
  }
}
