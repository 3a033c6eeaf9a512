import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@crm/api/jobs';
import { OutboxService } from '@crm/api/messages';
import {
  addCalendarDays,
  CalendarRecurrence,
  chinaDate,
  occurrences,
  TASK_HORIZON_DAYS,
  TASK_TRIGGERS,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { PlansRepository } from './plans.repository';
import { BillService, PlannedTask, TasksRepository } from './tasks.repository';

export const SERVICE_PLANS_JOB = 'service-plans';

/**
 * The daily service-plan job (04:00 China time, after the segment snapshots): enrols the joiners of
 * enrolled segments and unenrols the leavers, turns enrolments into dated tasks for the next
 * TASK_HORIZON_DAYS, lets event triggers create their tasks, queues the payment reminders due to go
 * out to customers, and tells each manager what is new and what fell overdue. Every step is set-wise SQL and idempotent: a task has a unique key (enrolment,
 * service, period; or customer, trigger, event), so re-running never duplicates one.
 */
@Injectable()
export class TaskGenerationService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly outbox: OutboxService,
    private readonly plans: PlansRepository,
    private readonly tasks: TasksRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.every(SERVICE_PLANS_JOB, '0 4 * * *', () => this.daily());
  }

  async daily(today = chinaDate(new Date())): Promise<Record<string, number>> {
    return this.dataSource.transaction(async (tx) => {
      const enrolment = await this.syncSegmentEnrolments(tx, today);
      const planned = await this.generate(tx, today, addCalendarDays(today, TASK_HORIZON_DAYS));
      const triggered = await this.trigger(tx, today);
      const reminders = await this.outbox.queuePaymentReminders(tx, today);
      await this.tasks.notifyManagers(tx, today);
      await this.tasks.resolveTaskNotifications(tx, null);
      return { ...enrolment, planned, triggered, reminders };
    });
  }

  /**
   * A segment's members (at its latest snapshot, or its static list) are enrolled in the templates the
   * segment is enrolled in; customers no longer in it are unenrolled and their open tasks to come cancelled.
   */
  async syncSegmentEnrolments(tx: EntityManager, today: string): Promise<{ enrolled: number; unenrolled: number }> {
    const enrolled = await this.plans.enrolSegmentMembers(tx, today);
    const left = await this.plans.unenrolSegmentLeavers(tx, today);
    await this.cancelTasksOf(tx, left, today);
    return { enrolled, unenrolled: left.length };
  }

  /** Open tasks of ended enrolments that are not due yet are cancelled. */
  async cancelTasksOf(tx: EntityManager, enrolmentIds: string[], today: string): Promise<void> {
    if (enrolmentIds.length === 0) return;
    await this.tasks.cancelOpenTasksOf(tx, enrolmentIds, today);
  }

  /**
   * Tasks of every running enrolment (or of `enrolmentIds` only) due within [from, to]: the calendar
   * services' periods are listed once per template here, then joined to all enrolments in one statement;
   * a bill service makes a task before each unpaid bill's due date. Returns how many tasks are new.
   */
  async generate(tx: EntityManager, from: string, to: string, enrolmentIds?: string[]): Promise<number> {
    const templates = await this.plans.templateServices(tx);
    const planned: PlannedTask[] = templates.flatMap((t) =>
      t.services
        .filter((s) => s.recurrence.every !== 'bill')
        .flatMap((s) =>
          occurrences(s.recurrence as CalendarRecurrence, from, to).map((o) => ({
            templateId: t.id,
            serviceKey: s.key,
            kind: s.kind,
            period: o.period,
            dueOn: o.dueOn,
            leadDays: s.leadDays,
            summary: t.name,
          })),
        ),
    );
    const bills: BillService[] = templates.flatMap((t) =>
      t.services
        .filter((s) => s.recurrence.every === 'bill')
        .map((s) => ({
          templateId: t.id,
          serviceKey: s.key,
          kind: s.kind,
          daysBefore: (s.recurrence as { daysBefore: number }).daysBefore,
          leadDays: s.leadDays,
          summary: t.name,
        })),
    );
    const calendar = await this.tasks.insertPlannedTasks(tx, planned, enrolmentIds);
    const beforeBills = await this.tasks.insertBillTasks(tx, bills, from, to, enrolmentIds);
    return calendar + beforeBills;
  }

  /**
   * Tasks that events create on their own, once per event: consumption fell by more than half against
   * the same month a year before; no consumption for two months on an active account; the credit rating
   * fell to B or C in the latest scoring run; an application step became overdue (each due
   * TRIGGER_DUE_DAYS from today); a complaint was closed (a care visit, due CARE_VISIT_DAYS after).
   */
  async trigger(tx: EntityManager, today: string): Promise<number> {
    let created = 0;
    for (const trigger of TASK_TRIGGERS) created += await this.tasks.insertTriggeredTasks(tx, trigger, today);
    return created;
  }
}
