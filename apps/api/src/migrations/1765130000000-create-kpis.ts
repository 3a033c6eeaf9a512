import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPIs (libs/api/kpis owns these tables): the targets an admin set (the catalogue's default otherwise); the
 * figures of each closed month per scope (all customers '' / each region / each account manager / each region and
 * manager, '-' for customers without one), kept so a closed month does not change when data is corrected; and the
 * snapshot runs (job `kpi-snapshots`) with their progress.
 */
export class CreateKpis1765130000000 implements MigrationInterface {
  name = 'CreateKpis1765130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_targets (
        code text PRIMARY KEY,
        target numeric,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE kpi_snapshots (
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        kpi_code text NOT NULL,
        region text NOT NULL,
        manager_key text NOT NULL,
        value numeric,
        numerator numeric,
        denominator numeric,
        breakdown jsonb,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (period, kpi_code, region, manager_key)
      )`);
    await q.query('CREATE INDEX kpi_snapshots_scope ON kpi_snapshots (region, manager_key, period)');
    await q.query(`
      CREATE TABLE kpi_snapshot_runs (
        job_id text PRIMARY KEY,
        period text NOT NULL,
        requested_by uuid REFERENCES users (id),
        state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'completed', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        error text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE kpi_snapshot_runs');
    await q.query('DROP TABLE kpi_snapshots');
    await q.query('DROP TABLE kpi_targets');
  }
}
