import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marketing audit (libs/api/marketing-audit owns these tables): the auditor role; the rules (their state:
 * on/off, severity, parameter values; names and descriptions from seeds/audit-rules.json); the runs with their
 * progress and per-rule counts; one finding per rule and subject (what it is about: a customer, a
 * disconnection, an order…) with the evidence rows as JSON; and each finding's history.
 */
export class CreateMarketingAudit1765070000000 implements MigrationInterface {
  name = 'CreateMarketingAudit1765070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP CONSTRAINT users_role_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
                   CHECK (role IN ('account_manager', 'marketing', 'leader', 'auditor', 'admin'))`);
    await q.query(`
      CREATE TABLE audit_rules (
        code text PRIMARY KEY,
        position smallint NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        description_zh text NOT NULL,
        description_en text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
        enabled boolean NOT NULL DEFAULT true,
        parameters jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id)
      )`);
    await q.query(`
      CREATE TABLE audit_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id text UNIQUE,
        trigger text NOT NULL CHECK (trigger IN ('nightly', 'on_demand')),
        requested_by uuid REFERENCES users (id),
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'completed', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        counts jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        error text
      )`);
    await q.query("CREATE INDEX audit_runs_finished ON audit_runs (finished_at DESC) WHERE state = 'completed'");
    await q.query(`
      CREATE TABLE audit_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_code text NOT NULL REFERENCES audit_rules (code),
        subject_key text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        severity text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'rectifying', 'verified', 'dismissed')),
        evidence jsonb NOT NULL,
        first_found_at timestamptz NOT NULL DEFAULT now(),
        last_found_at timestamptz NOT NULL DEFAULT now(),
        last_run_id uuid REFERENCES audit_runs (id),
        condition_cleared_at timestamptz,
        recurrences integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (rule_code, subject_key)
      )`);
    await q.query('CREATE INDEX audit_findings_customer ON audit_findings (customer_id)');
    await q.query(`CREATE INDEX audit_findings_pending ON audit_findings (rule_code, state)
                   WHERE state IN ('open', 'rectifying')`);
    await q.query(`
      CREATE TABLE audit_finding_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        finding_id uuid NOT NULL REFERENCES audit_findings (id),
        kind text NOT NULL
          CHECK (kind IN ('found', 'cleared', 'recurred', 'rectified', 'verified', 'dismissed', 'reopened')),
        note text,
        actor_id uuid REFERENCES users (id),
        run_id uuid REFERENCES audit_runs (id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX audit_finding_events_finding ON audit_finding_events (finding_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_finding_events', 'audit_findings', 'audit_runs', 'audit_rules'])
      await q.query(`DROP TABLE ${table}`);
    await q.query('ALTER TABLE users DROP CONSTRAINT users_role_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
                   CHECK (role IN ('account_manager', 'marketing', 'leader', 'admin'))`);
  }
}
