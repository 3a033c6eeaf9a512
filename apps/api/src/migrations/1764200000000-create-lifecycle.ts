import { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications and their steps, the editable step table, the working-day calendar and SLA events. */
export class CreateLifecycle1764200000000 implements MigrationInterface {
  name = 'CreateLifecycle1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const types = `('new_connection', 'capacity_increase', 'capacity_reduction', 'suspension', 'resumption', 'transfer', 'closure')`;
    await q.query(`
      CREATE TABLE lifecycle_steps (
        application_type text NOT NULL CHECK (application_type IN ${types}),
        position smallint NOT NULL CHECK (position > 0),
        code text NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        sla_working_days smallint NOT NULL CHECK (sla_working_days > 0),
        sla_working_days_dual_supply smallint CHECK (sla_working_days_dual_supply > 0),
        PRIMARY KEY (application_type, position),
        UNIQUE (application_type, code)
      )`);
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id),
        type text NOT NULL CHECK (type IN ${types}),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
        requested_capacity_kva numeric(12, 2) CHECK (requested_capacity_kva > 0),
        dual_supply boolean NOT NULL DEFAULT false,
        new_owner_name text,
        stage_before text NOT NULL,
        current_position smallint,
        received_at timestamptz NOT NULL,
        completed_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'open') = (current_position IS NOT NULL))
      )`);
    // One open application of a type per customer, whoever races to open one.
    await q.query(
      `CREATE UNIQUE INDEX applications_one_open_per_type ON applications (customer_id, type) WHERE status = 'open'`,
    );
    await q.query('CREATE INDEX applications_customer ON applications (customer_id, created_at DESC)');
    await q.query(`CREATE INDEX applications_completed ON applications (completed_at) WHERE status = 'completed'`);
    await q.query(`
      CREATE TABLE application_steps (
        application_id uuid NOT NULL REFERENCES applications (id),
        position smallint NOT NULL,
        code text NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        sla_working_days smallint NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_progress', 'done', 'skipped')),
        started_at timestamptz,
        warning_date date,
        due_date date,
        completed_at timestamptz,
        completed_by uuid REFERENCES users (id),
        note text,
        PRIMARY KEY (application_id, position)
      )`);
    await q.query(
      `CREATE INDEX application_steps_in_progress ON application_steps (due_date) WHERE state = 'in_progress'`,
    );
    // Only the exceptions to Monday–Friday: public holidays and make-up working weekends (调休).
    await q.query(`
      CREATE TABLE working_calendar (
        date date PRIMARY KEY,
        working boolean NOT NULL,
        name text NOT NULL DEFAULT '',
        source text NOT NULL DEFAULT 'package' CHECK (source IN ('package', 'admin'))
      )`);
    await q.query(`
      CREATE TABLE working_calendar_years (
        year integer PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('package', 'admin')),
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Working days in (from, to]: the same rule as libs/shared/domain working-days.ts, for reports.
    await q.query(`
      CREATE FUNCTION working_days_between(from_date date, to_date date) RETURNS integer
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT count(*)::int
          FROM generate_series(from_date + 1, to_date, interval '1 day') AS d
          LEFT JOIN working_calendar w ON w.date = d::date
         WHERE coalesce(w.working, extract(isodow FROM d) < 6)
      $$`);
    await q.query(`
      CREATE TABLE sla_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        position smallint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('warning', 'overdue')),
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, position, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION working_days_between');
    for (const table of [
      'sla_events',
      'working_calendar_years',
      'working_calendar',
      'application_steps',
      'applications',
      'lifecycle_steps',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
