import { Injectable } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { TimelineService } from '@crm/api/timeline';
import {
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  Page,
  ServiceTask,
  TaskOutcome,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { TaskFigures, TaskFilter, TasksRepository } from './tasks.repository';

export interface TaskQuery extends TaskFilter {
  page: number;
  pageSize: number;
  /** A field of SERVICE_TASK_SORT_FIELDS, after - for descending. */
  sort: string;
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

/** Service tasks as managers work them and leaders follow them; always of the caller's customers. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TasksRepository,
    private readonly timeline: TimelineService,
  ) {}

  list(scope: DataScope, query: TaskQuery): Promise<Page<ServiceTask>> {
    const { page, pageSize, sort, ...filter } = query;
    return this.repository.page(scope, filter, sort, { page, pageSize });
  }

  /** The customer's account manager (or an admin) records the outcome of an open task. */
  async complete(user: AuthUser, id: string, completion: TaskCompletion): Promise<ServiceTask> {
    const task = await this.repository.taskManager(id);
    if (!task || !DataScope.of(user).includes(task.managerId)) throw new NotFoundError('Task', id);
    if (user.role !== 'admin' && task.managerId !== user.id)
      throw new ForbiddenError("Only the customer's account manager or an admin completes its tasks");
    return this.dataSource.transaction(async (tx) => {
      const done = await this.repository.complete(tx, id, { ...completion, notes: completion.notes ?? null }, user.id);
      if (!done) throw new InvalidTransitionError('The task is no longer open: it was completed or cancelled');
      await this.timeline.record(tx, [
        {
          customerId: done.customer.id,
          type: 'task_completed',
          actorId: user.id,
          summary: `Service task ${done.kind} completed (${completion.outcome}) on ${completion.visitedOn}`,
          data: { taskId: id, kind: done.kind, ...completion },
        },
      ]);
      if (task.managerId) await this.repository.resolveTaskNotifications(tx, task.managerId);
      return done;
    });
  }

  /** Tasks due up to today (cancelled ones aside): how many, how many done, how many overdue. */
  async stats(scope: DataScope): Promise<TaskStats> {
    const rows = await this.repository.figures(scope);
    const figures = (r: TaskFigures) => ({ due: r.due, done: r.done, overdue: r.overdue });
    return {
      byManager: rows
        .filter((r) => !r.byPlan)
        .map((r) => ({ manager: { id: r.managerId as string, displayName: r.managerName as string }, ...figures(r) })),
      byPlan: rows
        .filter((r) => r.byPlan && r.planId)
        .map((r) => ({ plan: { id: r.planId as string, name: r.planName as string }, ...figures(r) })),
    };
  }
}
