import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers whose consumption, bills or payments an import changed since their metrics were computed:
 * the metrics refresh job recomputes theirs and empties the list, so segments read current behaviour
 * between the nightly scoring runs.
 */
export class StaleMetrics1764600000002 implements MigrationInterface {
  name = 'StaleMetrics1764600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_metrics_stale (
        customer_id uuid PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_metrics_stale');
  }
}
