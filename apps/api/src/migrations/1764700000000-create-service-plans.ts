import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proactive service plans (DESIGN.md, "service plan"): templates of recurring services, enrolments of
 * customers (directly or through a segment), and the dated tasks the daily job makes of them. A task
 * belongs to its customer, not to a manager: it is always the current account manager's, so it follows
 * the customer on handover.
 */
export class CreateServicePlans1764700000000 implements MigrationInterface {
  name = 'CreateServicePlans1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '',
        services jsonb NOT NULL,
        duration_months integer CHECK (duration_months BETWEEN 1 AND 120),
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plan_segment_enrolments (
        template_id uuid NOT NULL REFERENCES plan_templates (id) ON DELETE CASCADE,
        segment_id uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (template_id, segment_id)
      )`);
    await q.query(`
      CREATE TABLE plan_enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES plan_templates (id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers (id),
        segment_id uuid REFERENCES segments (id) ON DELETE SET NULL,
        enrolled_on date NOT NULL,
        ends_on date,
        unenrolled_on date,
        created_by uuid REFERENCES users (id)
      )`);
    // One running enrolment of a customer in a template.
    await q.query(`
      CREATE UNIQUE INDEX plan_enrolments_running ON plan_enrolments (template_id, customer_id)
        WHERE unenrolled_on IS NULL`);
    await q.query('CREATE INDEX plan_enrolments_customer ON plan_enrolments (customer_id)');
    await q.query('CREATE INDEX plan_enrolments_segment ON plan_enrolments (segment_id) WHERE segment_id IS NOT NULL');
    await q.query(`
      CREATE TABLE service_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id),
        kind text NOT NULL,
        enrolment_id uuid REFERENCES plan_enrolments (id) ON DELETE CASCADE,
        service_key text,
        trigger text CHECK (trigger IN ('consumption_drop', 'zero_consumption', 'rating_fall', 'overdue_step')),
        period text NOT NULL,
        due_on date NOT NULL,
        visible_from date NOT NULL,
        summary text NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
        outcome text CHECK (outcome IN ('completed', 'customer_unavailable', 'follow_up_needed', 'not_needed')),
        notes text,
        visited_on date,
        completed_at timestamptz,
        completed_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_tasks_from_plan_or_trigger CHECK ((enrolment_id IS NULL) <> (trigger IS NULL)),
        -- Re-running the job never duplicates: one task per enrolment, service and period …
        CONSTRAINT service_tasks_once_per_period UNIQUE (enrolment_id, service_key, period)
      )`);
    // … and one per customer, trigger and event.
    await q.query(`
      CREATE UNIQUE INDEX service_tasks_once_per_event ON service_tasks (customer_id, trigger, period)
        WHERE trigger IS NOT NULL`);
    await q.query('CREATE INDEX service_tasks_customer_due ON service_tasks (customer_id, due_on)');
    await q.query(`CREATE INDEX service_tasks_open_due ON service_tasks (due_on) WHERE state = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['service_tasks', 'plan_enrolments', 'plan_segment_enrolments', 'plan_templates'])
      await q.query(`DROP TABLE ${table}`);
  }
}
