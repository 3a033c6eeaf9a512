import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import {
  chinaDateSql,
  Db,
  execute,
  PageRequest,
  Params,
  query,
  queryOne,
  queryPage,
  TODAY_CN,
} from '@crm/api/database';
import { notificationsInsertFrom, notificationsResolveWhere } from '@crm/api/notifications';
import {
  CARE_VISIT_DAYS,
  Page,
  ServiceKind,
  ServiceTask,
  ServiceTaskSortField,
  TaskOutcome,
  TaskState,
  TaskTrigger,
  TRIGGER_DUE_DAYS,
  MessageCode,
  MessageParams,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { tasksDoneFrom } from './service-plans-sql';

export interface TaskFilter {
  /** Tasks due from (YYYY-MM-DD). */
  from?: string;
  to?: string;
  state?: TaskState;
  /** Open tasks showing on the manager's day: visible from today or before. */
  today?: boolean;
  customerId?: string;
  managerId?: string;
  region?: string;
  /** Open tasks due before today (true), or the others (false). */
  overdue?: boolean;
}

/** A calendar service's task due in a period, of every running enrolment in the template. */
export interface PlannedTask {
  templateId: string;
  serviceKey: string;
  kind: ServiceKind;
  period: string;
  dueOn: string;
  leadDays: number;
  summary: string;
}

/** A bill service: a task `daysBefore` each unpaid bill's due date, of every running enrolment in the template. */
export interface BillService {
  templateId: string;
  serviceKey: string;
  kind: ServiceKind;
  daysBefore: number;
  leadDays: number;
  summary: string;
}

/** Completion figures of the tasks due so far, per manager (`byPlan` false) and per plan (`byPlan` true). */
export interface TaskFigures {
  byPlan: boolean;
  managerId: string | null;
  managerName: string | null;
  planId: string | null;
  planName: string | null;
  due: number;
  done: number;
  overdue: number;
}

interface TaskRow {
  id: string;
  kind: ServiceKind;
  trigger: TaskTrigger | null;
  period: string;
  due_on: string;
  visible_from: string;
  state: TaskState;
  summary: string;
  summary_code: MessageCode | null;
  summary_params: MessageParams | null;
  outcome: TaskOutcome | null;
  notes: string | null;
  visited_on: string | null;
  completed_at: Date | null;
  customer_id: string;
  account_no: string;
  customer_name: string;
  manager_id: string | null;
  manager_name: string | null;
  plan_id: string | null;
  plan_name: string | null;
  overdue: boolean;
}

interface FiguresRow {
  by_plan: number;
  manager_id: string | null;
  manager_name: string | null;
  plan_id: string | null;
  plan_name: string | null;
  due: number;
  done: number;
  overdue: number;
}

/** The tasks of `tasks` (the table, or a CTE of its rows) with their customer, manager and plan. */
const taskSelect = (tasks: string) => `
  SELECT t.id, t.kind, t.trigger, t.period, t.due_on::text, t.visible_from::text, t.state, t.summary, t.summary_code, t.summary_params, t.outcome,
         t.notes, t.visited_on::text, t.completed_at, c.id AS customer_id, c.account_no, c.name AS customer_name,
         u.id AS manager_id, u.display_name AS manager_name, p.id AS plan_id, p.name AS plan_name,
         (t.state = 'open' AND t.due_on < ${TODAY_CN}) AS overdue
    FROM ${tasks} t
    JOIN customers c ON c.id = t.customer_id
    LEFT JOIN users u ON u.id = c.account_manager_id
    LEFT JOIN plan_enrolments e ON e.id = t.enrolment_id
    LEFT JOIN plan_templates p ON p.id = e.template_id`;

function toTask(r: TaskRow): ServiceTask {
  return {
    id: r.id,
    kind: r.kind,
    customer: { id: r.customer_id, accountNo: r.account_no, name: r.customer_name },
    manager: r.manager_id ? { id: r.manager_id, displayName: r.manager_name as string } : null,
    plan: r.plan_id ? { id: r.plan_id, name: r.plan_name as string } : null,
    trigger: r.trigger,
    period: r.period,
    dueOn: r.due_on,
    visibleFrom: r.visible_from,
    state: r.state,
    overdue: r.overdue,
    summary: r.summary,
    summaryCode: r.summary_code,
    summaryParams: r.summary_params,
    outcome: r.outcome,
    notes: r.notes,
    visitedOn: r.visited_on,
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
  };
}

/**
 * The events that create a task on their own, once per event (per period): each a sub-query of
 * customer_id, period, summary (English), summary_code and summary_params (its message code, or NULL for a
 * person's text) and due_on over `$1` (today); most tasks are due TRIGGER_DUE_DAYS from
 * today. A complaint closed in the last CARE_VISIT_DAYS days (and still closed) makes one care visit per
 * order (the period names the order, so a reopened and closed again complaint makes none more), due
 * CARE_VISIT_DAYS calendar days after its closure: never before today, however late the job runs.
 */
const TRIGGERS: Record<TaskTrigger, string> = {
  consumption_drop: `SELECT n.customer_id, to_char(n.period, 'YYYY-MM') AS period,
                            'kWh ' || n.kwh || ' vs ' || y.kwh || ' a year before' AS summary,
                            'trigger.consumptionDrop' AS summary_code,
                            jsonb_build_object('kwh', n.kwh, 'yearBefore', y.kwh) AS summary_params,
                            $1::date + ${TRIGGER_DUE_DAYS} AS due_on
                       FROM consumption n
                       JOIN consumption y ON y.customer_id = n.customer_id AND y.period = (n.period - interval '1 year')::date
                       JOIN customers c ON c.id = n.customer_id AND c.stage = 'active'
                      WHERE n.period = date_trunc('month', $1::date - interval '1 month')::date
                        AND y.kwh > 0 AND n.kwh < 0.5 * y.kwh`,
  zero_consumption: `SELECT n.customer_id, to_char(n.period, 'YYYY-MM') AS period, 'no consumption for two months' AS summary,
                            'trigger.zeroConsumption' AS summary_code, '{}'::jsonb AS summary_params,
                            $1::date + ${TRIGGER_DUE_DAYS} AS due_on
                       FROM consumption n
                       JOIN consumption p ON p.customer_id = n.customer_id AND p.period = (n.period - interval '1 month')::date
                       JOIN customers c ON c.id = n.customer_id AND c.stage = 'active'
                      WHERE n.period = date_trunc('month', $1::date - interval '1 month')::date
                        AND n.kwh = 0 AND p.kwh = 0`,
  rating_fall: `SELECT s.customer_id, 'run-' || s.run_id AS period,
                       'credit rating ' || p.credit_rating || ' → ' || s.credit_rating AS summary,
                       'trigger.ratingFall' AS summary_code,
                       jsonb_build_object('from', p.credit_rating, 'to', s.credit_rating) AS summary_params,
                       $1::date + ${TRIGGER_DUE_DAYS} AS due_on
                  FROM customer_scores s
                  JOIN customer_scores p ON p.customer_id = s.customer_id
                       AND p.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed' AND id < s.run_id)
                 WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed')
                   AND s.credit_rating IN ('B', 'C')
                   AND array_position(ARRAY['AAA', 'AA', 'A', 'B', 'C'], s.credit_rating)
                       > array_position(ARRAY['AAA', 'AA', 'A', 'B', 'C'], p.credit_rating)`,
  overdue_step: `SELECT k.customer_id, 'step-' || s.application_id || '-' || s.position AS period,
                        'application step ' || s.position || ' overdue' AS summary,
                        'trigger.overdueStep' AS summary_code, jsonb_build_object('position', s.position) AS summary_params,
                        $1::date + ${TRIGGER_DUE_DAYS} AS due_on
                   FROM clock_events e JOIN clocks k ON k.id = e.clock_id AND k.owner_kind = 'application_step'
                   JOIN application_steps s ON s.application_id = k.owner_id AND s.code = k.clock_kind
                  WHERE e.kind = 'overdue' AND e.at >= $1::date - 30`,
  complaint_closed: `SELECT w.customer_id, 'order-' || w.id AS period, left(w.summary, 200) AS summary,
                            NULL AS summary_code, NULL::jsonb AS summary_params,
                            ${chinaDateSql('w.closed_at')} + ${CARE_VISIT_DAYS} AS due_on
                       FROM work_orders w JOIN customers c ON c.id = w.customer_id AND c.stage <> 'closed'
                      WHERE w.type = 'complaint' AND w.state = 'closed'
                        AND w.closed_at >= ($1::date - ${CARE_VISIT_DAYS})::timestamp AT TIME ZONE 'Asia/Shanghai'`,
};

const SORT_COLUMNS: Record<ServiceTaskSortField, string> = {
  dueOn: 't.due_on',
  customer: 'c.name',
  manager: 'u.display_name',
  kind: 't.kind',
};

/** `field` or `-field`; then by due date, account number and id, so pages never overlap. */
function orderBy(sort: string): string {
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
  const column = SORT_COLUMNS[sort.replace(/^-/, '') as ServiceTaskSortField];
  return `${column} ${direction} NULLS LAST, t.due_on, c.account_no, t.kind, t.id`;
}

/** Service tasks: as managers work them and leaders follow them, and as the daily job makes them. */
@Injectable()
export class TasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the tasks of the caller's customers that pass `filter`, in `sort` order, and how many pass it. */
  page(scope: DataScope, filter: TaskFilter, sort: string, page: PageRequest): Promise<Page<ServiceTask>> {
    const p = new Params();
    const where = [scope.sql('c.account_manager_id', p)];
    if (filter.from) where.push(`t.due_on >= ${p.add(filter.from)}::date`);
    if (filter.to) where.push(`t.due_on <= ${p.add(filter.to)}::date`);
    if (filter.state) where.push(`t.state = ${p.add(filter.state)}`);
    if (filter.today) where.push(`t.state = 'open' AND t.visible_from <= ${TODAY_CN}`);
    if (filter.customerId) where.push(`t.customer_id = ${p.add(filter.customerId)}::uuid`);
    if (filter.managerId) where.push(`c.account_manager_id = ${p.add(filter.managerId)}::uuid`);
    if (filter.region) where.push(`c.region = ${p.add(filter.region)}`);
    if (filter.overdue !== undefined) {
      where.push(`${filter.overdue ? '' : 'NOT '}(t.state = 'open' AND t.due_on < ${TODAY_CN})`);
    }
    const condition = where.join(' AND ');
    return queryPage(
      this.dataSource,
      {
        rows: `${taskSelect('service_tasks')} WHERE ${condition} ORDER BY ${orderBy(sort)}`,
        count: `SELECT count(*)::int AS total FROM service_tasks t JOIN customers c ON c.id = t.customer_id WHERE ${condition}`,
      },
      p,
      page,
      toTask,
    );
  }

  /** The account manager of the task's customer (null: none), or undefined when there is no such task. */
  async taskManager(id: string): Promise<{ managerId: string | null } | undefined> {
    const row = await queryOne<{ account_manager_id: string | null }>(
      this.dataSource,
      'SELECT c.account_manager_id FROM service_tasks t JOIN customers c ON c.id = t.customer_id WHERE t.id = $1',
      [id],
    );
    return row && { managerId: row.account_manager_id };
  }

  /**
   * Records the outcome of the task if it is still open (of concurrent completions one updates the row);
   * the task as done, or undefined when it was no longer open.
   */
  async complete(
    db: Db,
    id: string,
    completion: { outcome: TaskOutcome; notes: string | null; visitedOn: string },
    completedBy: string,
  ): Promise<ServiceTask | undefined> {
    const row = await queryOne<TaskRow>(
      db,
      `WITH done AS (
         ${tasksDoneFrom(`(SELECT $1::uuid AS id, $2::text AS outcome, $3::text AS notes, $4::date AS visited_on,
                                  now() AS completed_at, $5::uuid AS completed_by)`)}
         RETURNING t.*)
       ${taskSelect('done')}`,
      [id, completion.outcome, completion.notes, completion.visitedOn, completedBy],
    );
    return row && toTask(row);
  }

  /** Tasks due up to today (cancelled ones aside) of the caller's customers, per manager and per plan. */
  async figures(scope: DataScope): Promise<TaskFigures[]> {
    const p = new Params();
    const rows = await query<FiguresRow>(
      this.dataSource,
      `SELECT GROUPING(u.id) AS by_plan, u.id AS manager_id, u.display_name AS manager_name, p.id AS plan_id,
              p.name AS plan_name, count(*)::int AS due, (count(*) FILTER (WHERE t.state = 'done'))::int AS done,
              (count(*) FILTER (WHERE t.state = 'open'))::int AS overdue
         FROM service_tasks t
         JOIN customers c ON c.id = t.customer_id
         JOIN users u ON u.id = c.account_manager_id
         LEFT JOIN plan_enrolments e ON e.id = t.enrolment_id
         LEFT JOIN plan_templates p ON p.id = e.template_id
        WHERE t.state <> 'cancelled' AND t.due_on < ${TODAY_CN} AND ${scope.sql('c.account_manager_id', p)}
        GROUP BY GROUPING SETS ((u.id, u.display_name), (p.id, p.name))
        ORDER BY 1, 2, 4`,
      p,
    );
    return rows.map((r) => ({
      byPlan: r.by_plan === 1,
      managerId: r.manager_id,
      managerName: r.manager_name,
      planId: r.plan_id,
      planName: r.plan_name,
      due: r.due,
      done: r.done,
      overdue: r.overdue,
    }));
  }

  /** Cancels the open tasks of the enrolments that are due from `today` on. */
  async cancelOpenTasksOf(db: Db, enrolmentIds: string[], today: string): Promise<void> {
    await execute(
      db,
      `UPDATE service_tasks SET state = 'cancelled'
        WHERE enrolment_id = ANY($1::uuid[]) AND state = 'open' AND due_on >= $2::date`,
      [enrolmentIds, today],
    );
  }

  /**
   * Makes each planned task for every running enrolment (or `enrolmentIds` only) in its template that
   * has begun by and not ended before its due date, of customers not closed, in one statement; returns
   * how many tasks are new.
   */
  async insertPlannedTasks(db: Db, tasks: PlannedTask[], enrolmentIds?: string[]): Promise<number> {
    const p = new Params(
      tasks.map((r) => r.templateId),
      tasks.map((r) => r.serviceKey),
      tasks.map((r) => r.kind),
      tasks.map((r) => r.period),
      tasks.map((r) => r.dueOn),
      tasks.map((r) => r.leadDays),
      tasks.map((r) => r.summary),
    );
    return execute(
      db,
      `INSERT INTO service_tasks (customer_id, kind, enrolment_id, service_key, period, due_on, visible_from, summary)
       SELECT e.customer_id, o.kind, e.id, o.key, o.period, o.due_on, o.due_on - o.lead, o.summary
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::int[], $7::text[])
                AS o (template_id, key, kind, period, due_on, lead, summary)
         JOIN plan_enrolments e ON e.template_id = o.template_id AND e.unenrolled_on IS NULL
              AND e.enrolled_on <= o.due_on AND (e.ends_on IS NULL OR o.due_on < e.ends_on)
              ${enrolmentIds ? `AND e.id = ANY(${p.add(enrolmentIds)}::uuid[])` : ''}
         JOIN customers c ON c.id = e.customer_id AND c.stage <> 'closed'
       ON CONFLICT (enrolment_id, service_key, period) DO NOTHING`,
      p,
    );
  }

  /**
   * Makes each bill service's task before each unpaid bill whose task falls due within [from, to] for
   * every running enrolment (or `enrolmentIds` only) in its template, in one statement; returns how many
   * tasks are new.
   */
  async insertBillTasks(
    db: Db,
    services: BillService[],
    from: string,
    to: string,
    enrolmentIds?: string[],
  ): Promise<number> {
    const p = new Params(
      services.map((r) => r.templateId),
      services.map((r) => r.serviceKey),
      services.map((r) => r.kind),
      services.map((r) => r.daysBefore),
      services.map((r) => r.leadDays),
      services.map((r) => r.summary),
      from,
      to,
    );
    return execute(
      db,
      `INSERT INTO service_tasks (customer_id, kind, enrolment_id, service_key, period, due_on, visible_from, summary)
       SELECT e.customer_id, o.kind, e.id, o.key, to_char(b.period, 'YYYY-MM'), b.due_date - o.days_before,
              b.due_date - o.days_before - o.lead, o.summary
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[])
                AS o (template_id, key, kind, days_before, lead, summary)
         JOIN plan_enrolments e ON e.template_id = o.template_id AND e.unenrolled_on IS NULL
              ${enrolmentIds ? `AND e.id = ANY(${p.add(enrolmentIds)}::uuid[])` : ''}
         JOIN customers c ON c.id = e.customer_id AND c.stage <> 'closed'
         JOIN bills b ON b.customer_id = e.customer_id AND b.paid_amount < b.amount
              AND b.due_date - o.days_before BETWEEN greatest($7::date, e.enrolled_on) AND $8::date
              AND (e.ends_on IS NULL OR b.due_date - o.days_before < e.ends_on)
       ON CONFLICT (enrolment_id, service_key, period) DO NOTHING`,
      p,
    );
  }

  /**
   * Makes the visit task of each `trigger` event as of `today`, once per event, due on the trigger's due
   * date, in one statement; returns how many tasks are new.
   */
  async insertTriggeredTasks(db: Db, trigger: TaskTrigger, today: string): Promise<number> {
    return execute(
      db,
      `INSERT INTO service_tasks (customer_id, kind, trigger, period, due_on, visible_from, summary, summary_code, summary_params)
       SELECT x.customer_id, 'visit', $2::text, x.period, x.due_on, $1::date, x.summary, x.summary_code, x.summary_params
         FROM (${TRIGGERS[trigger]}) x
       ON CONFLICT (customer_id, trigger, period) WHERE trigger IS NOT NULL DO NOTHING`,
      [today, trigger],
    );
  }

  /**
   * Resolves the task notifications of the manager (or of every manager) whose tasks are no longer open: a
   * `tasks_overdue` once the tasks due the day before it are all done or cancelled, a `tasks_new` once the tasks
   * made in the day before it are.
   */
  async resolveTaskNotifications(db: Db, managerId: string | null): Promise<void> {
    await execute(
      db,
      notificationsResolveWhere(`n.kind IN ('tasks_overdue', 'tasks_new') AND ($1::uuid IS NULL OR n.user_id = $1)
        AND NOT EXISTS (
          SELECT 1 FROM service_tasks t JOIN customers c ON c.id = t.customer_id
           WHERE c.account_manager_id = n.user_id AND t.state = 'open'
             AND CASE n.kind WHEN 'tasks_overdue' THEN t.due_on = (n.data->>'on')::date - 1
                 ELSE t.created_at BETWEEN n.created_at - interval '1 day' AND n.created_at END)`),
      [managerId],
    );
  }

  /**
   * Tells each manager, once a day, how many of their customers' tasks were created in the last day and
   * how many fell overdue yesterday.
   */
  async notifyManagers(db: Db, today: string): Promise<void> {
    await execute(
      db,
      notificationsInsertFrom(`(
       SELECT c.account_manager_id AS user_id, NULL::uuid AS customer_id, x.kind,
              CASE x.kind WHEN 'tasks_new' THEN count(*) || ' new service tasks'
                          ELSE count(*) || ' service tasks overdue' END AS summary,
              jsonb_build_object('tasks', count(*), 'on', $1::date) AS data
         FROM (SELECT t.customer_id, 'tasks_new' AS kind FROM service_tasks t
                WHERE t.created_at >= now() - interval '1 day' AND t.state = 'open'
                  AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'tasks_new' AND n.data->>'on' = $1::text)
               UNION ALL
               SELECT t.customer_id, 'tasks_overdue' FROM service_tasks t
                WHERE t.state = 'open' AND t.due_on = $1::date - 1
                  AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'tasks_overdue' AND n.data->>'on' = $1::text)) x
         JOIN customers c ON c.id = x.customer_id AND c.account_manager_id IS NOT NULL
        GROUP BY c.account_manager_id, x.kind)`),
      [today],
    );
  }
}
