import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * VIP and credit scoring (DESIGN.md, "Scoring"): versioned models, the per-customer metrics that scoring
 * and segments read (as of the latest completed run: scoring_runs.as_of), scoring runs, and the scores of
 * every run (history). Also the account managers'
 * in-app notifications, which scoring is the first to write.
 */
export class CreateScoring1764500000000 implements MigrationInterface {
  name = 'CreateScoring1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_models (
        version integer PRIMARY KEY,
        vip_weights jsonb NOT NULL,
        credit_weights jsonb NOT NULL,
        tier_thresholds jsonb NOT NULL,
        rating_thresholds jsonb NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE customer_metrics (
        customer_id uuid PRIMARY KEY REFERENCES customers (id),
        kwh_12m numeric(16, 2) NOT NULL,
        kwh_prev_12m numeric(16, 2) NOT NULL,
        kwh_growth double precision,
        capacity_increases_12m integer NOT NULL,
        max_demand_kw_12m numeric(12, 2) NOT NULL,
        avg_power_factor_12m numeric(4, 3),
        revenue_12m numeric(16, 2) NOT NULL,
        bills_due_12m integer NOT NULL,
        late_bills_12m integer NOT NULL,
        on_time_ratio_12m double precision NOT NULL,
        avg_days_late_12m double precision NOT NULL,
        arrears numeric(16, 2) NOT NULL,
        arrears_days integer NOT NULL,
        avg_bill_12m numeric(16, 2) NOT NULL,
        disconnections_24m integer NOT NULL,
        violations_24m integer NOT NULL,
        thefts_24m integer NOT NULL,
        months_within_capacity_12m integer NOT NULL,
        months_metered_12m integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE scoring_runs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job_id text UNIQUE,
        model_version integer NOT NULL REFERENCES scoring_models (version),
        as_of date NOT NULL,
        state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'completed', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        customers integer,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        error text
      )`);
    // One row per customer per run. Written only by a run, from customer_metrics, so no foreign keys:
    // checking a million references would cost more than the insert.
    await q.query(`
      CREATE TABLE customer_scores (
        run_id bigint NOT NULL,
        customer_id uuid NOT NULL,
        vip_rank integer NOT NULL,
        vip_score numeric(5, 2) NOT NULL,
        vip_tier text NOT NULL,
        vip_values double precision[] NOT NULL,
        vip_normalised double precision[] NOT NULL,
        credit_score numeric(5, 2) NOT NULL,
        credit_rating text NOT NULL,
        credit_values double precision[] NOT NULL,
        credit_normalised double precision[] NOT NULL,
        blacklist_reason text CHECK (blacklist_reason IN ('theft', 'rating_c')),
        PRIMARY KEY (run_id, customer_id)
      )`);
    await q.query('CREATE INDEX customer_scores_rank ON customer_scores (run_id, vip_rank)');
    await q.query('CREATE INDEX customer_scores_customer ON customer_scores (customer_id, run_id)');
    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        customer_id uuid REFERENCES customers (id),
        kind text NOT NULL,
        summary text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query('CREATE INDEX notifications_user ON notifications (user_id, created_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'customer_scores', 'scoring_runs', 'customer_metrics', 'scoring_models'])
      await q.query(`DROP TABLE ${table}`);
  }
}
