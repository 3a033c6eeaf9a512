import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One time-limit engine (libs/api/time-limits): the clocks and their warning/overdue events. The
 * clocks of existing application steps are created from the steps' stored deadlines (warning date
 * from its start, due date to its end, China time), sla_events move to clock_events, and the steps'
 * own deadline columns go: the clocks hold them now.
 */
export class CreateClocks1764890000000 implements MigrationInterface {
  name = 'CreateClocks1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clocks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        owner_kind text NOT NULL,
        owner_id uuid NOT NULL,
        clock_kind text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        limit_value numeric(10, 2) NOT NULL CHECK (limit_value > 0),
        limit_unit text NOT NULL CHECK (limit_unit IN ('working_days', 'working_hours', 'minutes')),
        started_at timestamptz NOT NULL,
        warn_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        stopped_at timestamptz,
        paused_at timestamptz,
        resumed_at timestamptz,
        used_before numeric(12, 2) NOT NULL DEFAULT 0,
        calendar_estimated boolean NOT NULL DEFAULT false,
        UNIQUE (owner_kind, owner_id, clock_kind),
        CHECK (warn_at <= due_at AND started_at <= due_at),
        CHECK (stopped_at IS NULL OR stopped_at >= started_at)
      )`);
    await q.query(`CREATE INDEX clocks_running ON clocks (warn_at) WHERE stopped_at IS NULL AND paused_at IS NULL`);
    await q.query(`
      CREATE TABLE clock_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        clock_id bigint NOT NULL REFERENCES clocks (id),
        kind text NOT NULL CHECK (kind IN ('warning', 'overdue')),
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (clock_id, kind)
      )`);
    // Dates are China dates (UTC+8): a warning date warns from its start, a due date ends at its end.
    await q.query(`
      INSERT INTO clocks (owner_kind, owner_id, clock_kind, customer_id, limit_value, limit_unit, started_at,
                          warn_at, due_at, stopped_at, calendar_estimated)
      SELECT 'application_step', s.application_id, s.code, a.customer_id, s.sla_working_days, 'working_days',
             s.started_at,
             least((s.warning_date::timestamp - interval '8 hours') AT TIME ZONE 'UTC',
                   ((s.due_date + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC'),
             greatest(((s.due_date + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC', s.started_at),
             CASE WHEN s.completed_at IS NOT NULL THEN greatest(s.completed_at, s.started_at)
                  WHEN a.status <> 'open' THEN greatest(coalesce(a.cancelled_at, a.completed_at), s.started_at) END,
             NOT EXISTS (SELECT 1 FROM working_calendar_years y WHERE y.year = extract(year FROM s.due_date))
        FROM application_steps s JOIN applications a ON a.id = s.application_id
       WHERE s.started_at IS NOT NULL AND s.due_date IS NOT NULL`);
    await q.query(`
      INSERT INTO clock_events (clock_id, kind, at)
      SELECT k.id, e.kind, e.at
        FROM sla_events e
        JOIN application_steps s ON s.application_id = e.application_id AND s.position = e.position
        JOIN clocks k ON k.owner_kind = 'application_step' AND k.owner_id = s.application_id AND k.clock_kind = s.code`);
    await q.query('DROP TABLE sla_events');
    await q.query('ALTER TABLE application_steps DROP COLUMN warning_date, DROP COLUMN due_date');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE application_steps ADD COLUMN warning_date date, ADD COLUMN due_date date');
    await q.query(`
      UPDATE application_steps s
         SET warning_date = ((k.warn_at AT TIME ZONE 'UTC') + interval '8 hours')::date,
             due_date = (((k.due_at - interval '1 millisecond') AT TIME ZONE 'UTC') + interval '8 hours')::date
        FROM clocks k
       WHERE k.owner_kind = 'application_step' AND k.owner_id = s.application_id AND k.clock_kind = s.code`);
    await q.query(
      `CREATE INDEX application_steps_in_progress ON application_steps (due_date) WHERE state = 'in_progress'`,
    );
    await q.query(`
      CREATE TABLE sla_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        position smallint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('warning', 'overdue')),
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, position, kind)
      )`);
    await q.query(`
      INSERT INTO sla_events (application_id, position, kind, at)
      SELECT s.application_id, s.position, e.kind, e.at
        FROM clock_events e JOIN clocks k ON k.id = e.clock_id
        JOIN application_steps s ON k.owner_kind = 'application_step' AND s.application_id = k.owner_id AND s.code = k.clock_kind`);
    await q.query('DROP TABLE clock_events');
    await q.query('DROP TABLE clocks');
  }
}
