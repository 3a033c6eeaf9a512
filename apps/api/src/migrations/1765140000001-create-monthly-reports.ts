import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly reports (libs/api/monthly-report): one row per closed month, its figures as generated (`content`:
 * the whole company's KPIs and the manager league table), who generated it (null: the monthly job) and how often
 * and when last it was regenerated.
 */
export class CreateMonthlyReports1765140000001 implements MigrationInterface {
  name = 'CreateMonthlyReports1765140000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monthly_reports (
        period text PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        content jsonb NOT NULL,
        generated_at timestamptz NOT NULL DEFAULT now(),
        generated_by uuid REFERENCES users (id),
        regenerations integer NOT NULL DEFAULT 0 CHECK (regenerations >= 0),
        regenerated_at timestamptz,
        regenerated_by uuid REFERENCES users (id),
        CHECK ((regenerations = 0) = (regenerated_at IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE monthly_reports');
  }
}
