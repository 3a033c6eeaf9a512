import { Injectable } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { TODAY_CN } from '@crm/api/database';
import { TimelineService } from '@crm/api/timeline';
import {
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  Page,
  ServiceTask,
  TaskOutcome,
  TaskState,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';

export interface TaskQuery {
  /** Tasks due from (YYYY-MM-DD). */
  from?: string;
  to?: string;
  state?: TaskState;
  /** Open tasks showing on the manager's day: visible from today or before. */
  today?: boolean;
  customerId?: string;
  page: number;
  pageSize: number;
}

export interface TaskCompletion {
  outcome: TaskOutcome;
  notes?: string;
  visitedOn: string;
}

/** Completion of the planned services: per manager and per plan, tasks due so far. */
export interface TaskStats {
  byManager: { manager: { id: string; displayName: string }; due: number; done: number; overdue: number }[];
  byPlan: { plan: { id: string; name: string }; due: number; done: number; overdue: number }[];
}

const TASK_SELECT = `
  SELECT t.id, t.kind, t.trigger, t.period, t.due_on::text, t.visible_from::text, t.state, t.summary, t.outcome,
         t.notes, t.visited_on::text, t.completed_at, c.id AS customer_id, c.account_no, c.name AS customer_name,
         u.id AS manager_id, u.display_name AS manager_name, p.id AS plan_id, p.name AS plan_name,
         (t.state = 'open' AND t.due_on < ${TODAY_CN}) AS overdue
    FROM service_tasks t
    JOIN customers c ON c.id = t.customer_id
    LEFT JOIN users u ON u.id = c.account_manager_id
    LEFT JOIN plan_enrolments e ON e.id = t.enrolment_id
    LEFT JOIN plan_templates p ON p.id = e.template_id`;

function toTask(r: Record<string, never>): ServiceTask {
  return {
    id: r['id'],
    kind: r['kind'],
    customer: { id: r['customer_id'], accountNo: r['account_no'], name: r['customer_name'] },
    manager: r['manager_id'] ? { id: r['manager_id'], displayName: r['manager_name'] } : null,
    plan: r['plan_id'] ? { id: r['plan_id'], name: r['plan_name'] } : null,
    trigger: r['trigger'],
    period: r['period'],
    dueOn: r['due_on'],
    visibleFrom: r['visible_from'],
    state: r['state'],
    overdue: r['overdue'],
    summary: r['summary'],
    outcome: r['outcome'],
    notes: r['notes'],
    visitedOn: r['visited_on'],
    completedAt: r['completed_at'] ? (r['completed_at'] as Date).toISOString() : null,
  };
}

/** Service tasks as managers work them and leaders follow them; always of the caller's customers. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
  ) {}

  async list(scope: DataScope, query: TaskQuery): Promise<Page<ServiceTask>> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [scope.sql('c.account_manager_id', params)];
    if (query.from) where.push(`t.due_on >= ${p(query.from)}::date`);
    if (query.to) where.push(`t.due_on <= ${p(query.to)}::date`);
    if (query.state) where.push(`t.state = ${p(query.state)}`);
    if (query.today) where.push(`t.state = 'open' AND t.visible_from <= ${TODAY_CN}`);
    if (query.customerId) where.push(`t.customer_id = ${p(query.customerId)}::uuid`);
    const filter = where.join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `${TASK_SELECT} WHERE ${filter} ORDER BY t.due_on, c.account_no, t.kind
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM service_tasks t JOIN customers c ON c.id = t.customer_id WHERE ${filter}`,
        params,
      ),
    ]);
    return { items: rows.map(toTask), total, page: query.page, pageSize: query.pageSize };
  }

  /** The customer's account manager (or an admin) records the outcome of an open task. */
  async complete(user: AuthUser, id: string, completion: TaskCompletion): Promise<ServiceTask> {
    const [task] = await this.dataSource.query(
      `SELECT t.state, c.account_manager_id FROM service_tasks t JOIN customers c ON c.id = t.customer_id
        WHERE t.id = $1`,
      [id],
    );
    if (!task || !DataScope.of(user).includes(task.account_manager_id)) throw new NotFoundError('Task', id);
    if (user.role !== 'admin' && task.account_manager_id !== user.id)
      throw new ForbiddenError("Only the customer's account manager or an admin completes its tasks");
    await this.dataSource.transaction(async (tx) => {
      // Only an open task is completed: of concurrent completions one updates the row, the others find it done.
      // TypeORM answers an UPDATE with [rows, count].
      const [[done]]: [{ customer_id: string; kind: string }[]] = await tx.query(
        `UPDATE service_tasks SET state = 'done', outcome = $2, notes = $3, visited_on = $4, completed_at = now(),
                completed_by = $5
          WHERE id = $1 AND state = 'open'
          RETURNING customer_id, kind`,
        [id, completion.outcome, completion.notes ?? null, completion.visitedOn, user.id],
      );
      if (!done) throw new InvalidTransitionError('The task is no longer open: it was completed or cancelled');
      await this.timeline.record(tx, [
        {
          customerId: done.customer_id,
          type: 'task_completed',
          actorId: user.id,
          summary: `Service task ${done.kind} completed (${completion.outcome}) on ${completion.visitedOn}`,
          data: { taskId: id, kind: done.kind, ...completion },
        },
      ]);
    });
    const [row] = await this.dataSource.query(`${TASK_SELECT} WHERE t.id = $1`, [id]);
    return toTask(row);
  }

  /** Tasks due up to today (cancelled ones aside): how many, how many done, how many overdue. */
  async stats(scope: DataScope): Promise<TaskStats> {
    const params: unknown[] = [];
    const rows: Record<string, never>[] = await this.dataSource.query(
      `SELECT GROUPING(u.id) AS by_plan, u.id AS manager_id, u.display_name AS manager_name, p.id AS plan_id,
              p.name AS plan_name, count(*)::int AS due, (count(*) FILTER (WHERE t.state = 'done'))::int AS done,
              (count(*) FILTER (WHERE t.state = 'open'))::int AS overdue
         FROM service_tasks t
         JOIN customers c ON c.id = t.customer_id
         JOIN users u ON u.id = c.account_manager_id
         LEFT JOIN plan_enrolments e ON e.id = t.enrolment_id
         LEFT JOIN plan_templates p ON p.id = e.template_id
        WHERE t.state <> 'cancelled' AND t.due_on < ${TODAY_CN} AND ${scope.sql('c.account_manager_id', params)}
        GROUP BY GROUPING SETS ((u.id, u.display_name), (p.id, p.name))
        ORDER BY 1, 2, 4`,
      params,
    );
    const figures = (r: Record<string, never>) => ({ due: r['due'], done: r['done'], overdue: r['overdue'] });
    return {
      byManager: rows
        .filter((r) => r['by_plan'] === 0)
        .map((r) => ({ manager: { id: r['manager_id'], displayName: r['manager_name'] }, ...figures(r) })),
      byPlan: rows
        .filter((r) => r['by_plan'] === 1 && r['plan_id'])
        .map((r) => ({ plan: { id: r['plan_id'], name: r['plan_name'] }, ...figures(r) })),
    };
  }
}
