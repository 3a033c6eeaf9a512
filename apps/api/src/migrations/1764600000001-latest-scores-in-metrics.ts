import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest scores next to the metrics, so that a segment rule reads one row per customer instead of
 * finding the latest run in the score history: written by the scoring run with the metrics.
 */
export class LatestScoresInMetrics1764600000001 implements MigrationInterface {
  name = 'LatestScoresInMetrics1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customer_metrics
        ADD COLUMN vip_score numeric(5, 2),
        ADD COLUMN vip_tier text,
        ADD COLUMN credit_score numeric(5, 2),
        ADD COLUMN credit_rating text`);
    await q.query(`
      UPDATE customer_metrics m
         SET vip_score = s.vip_score, vip_tier = s.vip_tier, credit_score = s.credit_score, credit_rating = s.credit_rating
        FROM customer_scores s
       WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed') AND s.customer_id = m.customer_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customer_metrics
        DROP COLUMN vip_score, DROP COLUMN vip_tier, DROP COLUMN credit_score, DROP COLUMN credit_rating`);
  }
}
