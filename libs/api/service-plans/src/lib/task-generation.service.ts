import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@crm/api/jobs';
import { notificationsInsertFrom } from '@crm/api/notifications';
import { OutboxService } from '@crm/api/messages';
import {
  addCalendarDays,
  CalendarRecurrence,
  chinaDate,
  occurrences,
  PlanService,
  TASK_HORIZON_DAYS,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';

export const SERVICE_PLANS_JOB = 'service-plans';

/** Days a task made by an event trigger gives the manager. */
const TRIGGER_DUE_DAYS = 5;

interface TemplateRow {
  id: string;
  name: string;
  services: PlanService[];
}

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
      await this.notify(tx, today);
      return { ...enrolment, planned, triggered, reminders };
    });
  }

  /**
   * A segment's members (at its latest snapshot, or its static list) are enrolled in the templates the
   * segment is enrolled in; customers no longer in it are unenrolled and their open tasks to come cancelled.
   */
  async syncSegmentEnrolments(tx: EntityManager, today: string): Promise<{ enrolled: number; unenrolled: number }> {
    const enrolled = await tx.query(
      `INSERT INTO plan_enrolments (template_id, customer_id, segment_id, enrolled_on, ends_on, created_by)
       SELECT p.template_id, sm.customer_id, p.segment_id, $1::date,
              $1::date + make_interval(months => t.duration_months), p.created_by
         FROM plan_segment_enrolments p
         JOIN plan_templates t ON t.id = p.template_id
         JOIN segment_members sm ON sm.segment_id = p.segment_id
       ON CONFLICT (template_id, customer_id) WHERE unenrolled_on IS NULL DO NOTHING
       RETURNING id`,
      [today],
    );
    const [left] = await tx.query(
      `UPDATE plan_enrolments e SET unenrolled_on = $1
        WHERE e.segment_id IS NOT NULL AND e.unenrolled_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM plan_segment_enrolments p JOIN segment_members sm ON sm.segment_id = p.segment_id
                           WHERE p.template_id = e.template_id AND p.segment_id = e.segment_id
                             AND sm.customer_id = e.customer_id)
       RETURNING e.id`,
      [today],
    );
    await this.cancelTasksOf(
      tx,
      left.map((r: { id: string }) => r.id),
      today,
    );
    return { enrolled: enrolled.length, unenrolled: left.length };
  }

  /** Open tasks of ended enrolments that are not due yet are cancelled. */
  async cancelTasksOf(tx: EntityManager, enrolmentIds: string[], today: string): Promise<void> {
    if (enrolmentIds.length === 0) return;
    await tx.query(
      `UPDATE service_tasks SET state = 'cancelled'
        WHERE enrolment_id = ANY($1::uuid[]) AND state = 'open' AND due_on >= $2::date`,
      [enrolmentIds, today],
    );
  }

  /**
   * Tasks of every running enrolment (or of `enrolmentIds` only) due within [from, to]: the calendar
   * services' periods are listed once per template here, then joined to all enrolments in one statement;
   * a bill service makes a task before each unpaid bill's due date. Returns how many tasks are new.
   */
  async generate(tx: EntityManager, from: string, to: string, enrolmentIds?: string[]): Promise<number> {
    const templates: TemplateRow[] = await tx.query('SELECT id, name, services FROM plan_templates');
    const rows = templates.flatMap((t) =>
      t.services
        .filter((s) => s.recurrence.every !== 'bill')
        .flatMap((s) => occurrences(s.recurrence as CalendarRecurrence, from, to).map((o) => ({ t, s, ...o }))),
    );
    const bills = templates.flatMap((t) =>
      t.services.filter((s) => s.recurrence.every === 'bill').map((s) => ({ t, s })),
    );
    const only = (n: number) => (enrolmentIds ? `AND e.id = ANY($${n}::uuid[])` : '');
    const calendar = await tx.query(
      `INSERT INTO service_tasks (customer_id, kind, enrolment_id, service_key, period, due_on, visible_from, summary)
       SELECT e.customer_id, o.kind, e.id, o.key, o.period, o.due_on, o.due_on - o.lead, o.summary
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::int[], $7::text[])
                AS o (template_id, key, kind, period, due_on, lead, summary)
         JOIN plan_enrolments e ON e.template_id = o.template_id AND e.unenrolled_on IS NULL
              AND e.enrolled_on <= o.due_on AND (e.ends_on IS NULL OR o.due_on < e.ends_on) ${only(8)}
         JOIN customers c ON c.id = e.customer_id AND c.stage <> 'closed'
       ON CONFLICT (enrolment_id, service_key, period) DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.t.id),
        rows.map((r) => r.s.key),
        rows.map((r) => r.s.kind),
        rows.map((r) => r.period),
        rows.map((r) => r.dueOn),
        rows.map((r) => r.s.leadDays),
        rows.map((r) => r.t.name),
        ...(enrolmentIds ? [enrolmentIds] : []),
      ],
    );
    const beforeBills = await tx.query(
      `INSERT INTO service_tasks (customer_id, kind, enrolment_id, service_key, period, due_on, visible_from, summary)
       SELECT e.customer_id, o.kind, e.id, o.key, to_char(b.period, 'YYYY-MM'), b.due_date - o.days_before,
              b.due_date - o.days_before - o.lead, o.summary
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[])
                AS o (template_id, key, kind, days_before, lead, summary)
         JOIN plan_enrolments e ON e.template_id = o.template_id AND e.unenrolled_on IS NULL ${only(9)}
         JOIN customers c ON c.id = e.customer_id AND c.stage <> 'closed'
         JOIN bills b ON b.customer_id = e.customer_id AND b.paid_amount < b.amount
              AND b.due_date - o.days_before BETWEEN greatest($7::date, e.enrolled_on) AND $8::date
              AND (e.ends_on IS NULL OR b.due_date - o.days_before < e.ends_on)
       ON CONFLICT (enrolment_id, service_key, period) DO NOTHING
       RETURNING id`,
      [
        bills.map((r) => r.t.id),
        bills.map((r) => r.s.key),
        bills.map((r) => r.s.kind),
        bills.map((r) => (r.s.recurrence as { daysBefore: number }).daysBefore),
        bills.map((r) => r.s.leadDays),
        bills.map((r) => r.t.name),
        from,
        to,
        ...(enrolmentIds ? [enrolmentIds] : []),
      ],
    );
    return calendar.length + beforeBills.length;
  }

  /**
   * Tasks that events create on their own, once per event: consumption fell by more than half against
   * the same month a year before; no consumption for two months on an active account; the credit rating
   * fell to B or C in the latest scoring run; an application step became overdue.
   */
  async trigger(tx: EntityManager, today: string): Promise<number> {
    const due = addCalendarDays(today, TRIGGER_DUE_DAYS);
    const lastMonth = `date_trunc('month', $1::date - interval '1 month')::date`;
    const insert = (trigger: string, select: string) => `
      INSERT INTO service_tasks (customer_id, kind, trigger, period, due_on, visible_from, summary)
      SELECT x.customer_id, 'visit', '${trigger}', x.period, $2::date, $1::date, x.summary FROM (${select}) x
      ON CONFLICT (customer_id, trigger, period) WHERE trigger IS NOT NULL DO NOTHING
      RETURNING id`;
    const statements = [
      insert(
        'consumption_drop',
        `SELECT n.customer_id, to_char(n.period, 'YYYY-MM') AS period,
                'kWh ' || n.kwh || ' vs ' || y.kwh || ' a year before' AS summary
           FROM consumption n
           JOIN consumption y ON y.customer_id = n.customer_id AND y.period = (n.period - interval '1 year')::date
           JOIN customers c ON c.id = n.customer_id AND c.stage = 'active'
          WHERE n.period = ${lastMonth} AND y.kwh > 0 AND n.kwh < 0.5 * y.kwh`,
      ),
      insert(
        'zero_consumption',
        `SELECT n.customer_id, to_char(n.period, 'YYYY-MM') AS period, 'no consumption for two months' AS summary
           FROM consumption n
           JOIN consumption p ON p.customer_id = n.customer_id AND p.period = (n.period - interval '1 month')::date
           JOIN customers c ON c.id = n.customer_id AND c.stage = 'active'
          WHERE n.period = ${lastMonth} AND n.kwh = 0 AND p.kwh = 0`,
      ),
      insert(
        'rating_fall',
        `SELECT s.customer_id, 'run-' || s.run_id AS period, 'credit rating ' || p.credit_rating || ' → ' || s.credit_rating AS summary
           FROM customer_scores s
           JOIN customer_scores p ON p.customer_id = s.customer_id
                AND p.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed' AND id < s.run_id)
          WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed')
            AND s.credit_rating IN ('B', 'C')
            AND array_position(ARRAY['AAA', 'AA', 'A', 'B', 'C'], s.credit_rating)
                > array_position(ARRAY['AAA', 'AA', 'A', 'B', 'C'], p.credit_rating)`,
      ),
      insert(
        'overdue_step',
        `SELECT k.customer_id, 'step-' || s.application_id || '-' || s.position AS period,
                'application step ' || s.position || ' overdue' AS summary
           FROM clock_events e JOIN clocks k ON k.id = e.clock_id AND k.owner_kind = 'application_step'
           JOIN application_steps s ON s.application_id = k.owner_id AND s.code = k.clock_kind
          WHERE e.kind = 'overdue' AND e.at >= $1::date - 30`,
      ),
    ];
    let created = 0;
    for (const sql of statements) created += (await tx.query(sql, [today, due])).length;
    return created;
  }

  /** Each manager hears, once a day, how many tasks were created and how many fell overdue. */
  private async notify(tx: EntityManager, today: string): Promise<void> {
    await tx.query(
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
