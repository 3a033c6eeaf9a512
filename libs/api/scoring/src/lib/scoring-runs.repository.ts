import { Injectable } from '@nestjs/common';
import { Db, execute, query, queryOne, TODAY_CN } from '@crm/api/database';
import { notificationsInsertFrom } from '@crm/api/notifications';
import { timelineInsertFrom } from '@crm/api/timeline';
import { ScoringModel } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { METRICS_COLUMN_LIST, metricsParams, metricsSelect, SCORES_COLUMNS, scoresSelect } from './scoring-sql';

/**
 * A run's work table: unlogged (nothing to recover after a crash, the run is simply redone) and not temporary,
 * so that PostgreSQL can read it in parallel. Dropped when the run ends.
 */
const work = (runId: number) => `scoring_work_${runId}`;

/**
 * Memory for the run's sorts and hashes (its session only): aggregating a million customers in memory
 * instead of spilling to disk halves the run.
 */
export const RUN_WORK_MEM = '256MB';

/** customer_metrics' columns: the metrics and, for segments to read in the same row, the latest scores. */
const METRICS_COLUMNS_LIST = [...METRICS_COLUMN_LIST, 'vip_score', 'vip_tier', 'credit_score', 'credit_rating'];
const METRICS_VALUE_COLUMNS = METRICS_COLUMNS_LIST.filter((c) => c !== 'customer_id');
/** Metric columns of `table`, to write only the customers whose metrics changed since the last run. */
const METRICS_VALUES = (table: string, columns = METRICS_VALUE_COLUMNS) =>
  columns.map((c) => `${table}.${c}`).join(', ');

export interface ScoringRunRow {
  id: string;
  state: 'running' | 'completed' | 'failed';
  progress: number;
  customers: number | null;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
}

/**
 * The statements of a scoring run (scoring_runs, the run's work table, customer_scores and the replacement
 * of customer_metrics), each set-wise over the whole population. The statements given a `db` run in the
 * run's own session (its work_mem, its transaction).
 */
@Injectable()
export class ScoringRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByJob(jobId: string): Promise<ScoringRunRow | undefined> {
    return queryOne<ScoringRunRow>(
      this.dataSource,
      `SELECT id, state, progress, customers, started_at, finished_at, error FROM scoring_runs WHERE job_id = $1`,
      [jobId],
    );
  }

  /** Starts a run as of `asOf` (YYYY-MM-DD), today in China when null; answers its id and date. */
  async insertRun(
    jobId: string | null,
    modelVersion: number,
    asOf: string | null,
  ): Promise<{ runId: number; asOf: string }> {
    const [row] = await query<{ id: string; as_of: string }>(
      this.dataSource,
      `INSERT INTO scoring_runs (job_id, model_version, as_of) VALUES ($1, $2, coalesce($3::date, ${TODAY_CN}))
       RETURNING id, as_of::text`,
      [jobId, modelVersion, asOf],
    );
    return { runId: Number(row.id), asOf: row.as_of };
  }

  async setProgress(runId: number, percent: number): Promise<void> {
    await execute(this.dataSource, 'UPDATE scoring_runs SET progress = $2 WHERE id = $1', [runId, Math.round(percent)]);
  }

  async complete(db: Db, runId: number, customers: number): Promise<void> {
    await execute(
      db,
      `UPDATE scoring_runs SET state = 'completed', progress = 100, customers = $2, finished_at = clock_timestamp()
        WHERE id = $1`,
      [runId, customers],
    );
  }

  async fail(runId: number, error: string): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE scoring_runs SET state = 'failed', error = $2, finished_at = clock_timestamp() WHERE id = $1`,
      [runId, error],
    );
  }

  async setWorkMem(db: Db): Promise<void> {
    await execute(db, `SET work_mem = '${RUN_WORK_MEM}'`);
  }

  async resetWorkMem(db: Db): Promise<void> {
    await execute(db, 'RESET work_mem');
  }

  /**
   * The whole population's metrics and both scores as of `asOf`, in one statement (PostgreSQL aggregates the
   * large tables in parallel), into the run's work table.
   */
  async createWorkTable(db: Db, runId: number, model: ScoringModel, asOf: string): Promise<void> {
    await execute(
      db,
      `CREATE UNLOGGED TABLE ${work(runId)} AS ${scoresSelect(model, `(${metricsSelect()})`, { withMetrics: true })}`,
      metricsParams(asOf),
    );
    await execute(db, `ANALYZE ${work(runId)}`);
  }

  async countWorkTable(db: Db, runId: number): Promise<number> {
    const [{ count }] = await query<{ count: number }>(db, `SELECT count(*)::int AS count FROM ${work(runId)}`);
    return count;
  }

  async dropWorkTable(db: Db, runId: number): Promise<void> {
    await execute(db, `DROP TABLE IF EXISTS ${work(runId)}`);
  }

  /**
   * customer_metrics becomes the work table's metrics and scores: only the customers whose metrics or scores
   * changed are updated (from one night to the next, most have not), the newly scored inserted. The insert skips
   * the known customers by its conflicts rather than by NOT EXISTS over the table it inserts into: on an empty
   * customer_metrics (a first run) the planner would loop over it, rescanning the pages the statement adds.
   */
  async writeMetrics(db: Db, runId: number): Promise<void> {
    await execute(
      db,
      `UPDATE customer_metrics m SET ${METRICS_VALUE_COLUMNS.map((c) => `${c} = r.${c}`).join(', ')}
         FROM ${work(runId)} r
        WHERE m.customer_id = r.customer_id AND (${METRICS_VALUES('m')}) IS DISTINCT FROM (${METRICS_VALUES('r')})`,
    );
    await execute(
      db,
      `INSERT INTO customer_metrics (${METRICS_COLUMNS_LIST.join(', ')})
       SELECT ${METRICS_VALUES('r', METRICS_COLUMNS_LIST)} FROM ${work(runId)} r
       ON CONFLICT (customer_id) DO NOTHING`,
    );
  }

  /** Customers no longer scored (closed, say) keep no metrics. */
  async deleteUnscoredMetrics(db: Db, runId: number): Promise<void> {
    await execute(
      db,
      `DELETE FROM customer_metrics m WHERE NOT EXISTS (SELECT 1 FROM ${work(runId)} r WHERE r.customer_id = m.customer_id)`,
    );
  }

  /** Segments plan their counts on these statistics; a run may have changed most rows. */
  async analyseMetrics(db: Db): Promise<void> {
    await execute(db, 'ANALYZE customer_metrics');
  }

  async insertScores(db: Db, runId: number): Promise<void> {
    await execute(
      db,
      `INSERT INTO customer_scores (run_id, ${SCORES_COLUMNS})
       SELECT $1, ${SCORES_COLUMNS} FROM ${work(runId)} ORDER BY customer_id`,
      [runId],
    );
  }

  /** The completed run before `runId`, or null. */
  async previousCompleted(db: Db, runId: number): Promise<number | null> {
    const [{ previous }] = await query<{ previous: string | null }>(
      db,
      `SELECT max(id) AS previous FROM scoring_runs WHERE state = 'completed' AND id < $1`,
      [runId],
    );
    return previous === null ? null : Number(previous);
  }

  /**
   * Against the `previous` run: a tier change, a rating change and a new blacklist entry each go to the
   * customer's timeline and to the account manager's notifications.
   */
  async recordNotableChanges(db: Db, runId: number, previous: number): Promise<void> {
    await execute(
      db,
      `WITH moved AS MATERIALIZED (
         SELECT s.customer_id, s.vip_tier, s.vip_score, s.credit_rating, s.credit_score, s.blacklist_reason,
                p.vip_tier AS previous_tier, p.credit_rating AS previous_rating, p.blacklist_reason AS previous_reason
           FROM ${work(runId)} s
           JOIN customer_scores p ON p.run_id = $2 AND p.customer_id = s.customer_id
          WHERE (p.vip_tier <> s.vip_tier OR p.credit_rating <> s.credit_rating
                 OR (s.blacklist_reason IS NOT NULL AND p.blacklist_reason IS NULL))
       ), changes AS (
         SELECT m.customer_id, c.account_manager_id, c.name, e.type, e.summary, e.data
           FROM moved m
           JOIN customers c ON c.id = m.customer_id
           CROSS JOIN LATERAL (VALUES
             ('tier_changed', 'VIP tier ' || m.previous_tier || ' → ' || m.vip_tier,
              jsonb_build_object('from', m.previous_tier, 'to', m.vip_tier, 'score', m.vip_score),
              m.previous_tier <> m.vip_tier),
             ('rating_changed', 'Credit rating ' || m.previous_rating || ' → ' || m.credit_rating,
              jsonb_build_object('from', m.previous_rating, 'to', m.credit_rating, 'score', m.credit_score),
              m.previous_rating <> m.credit_rating),
             ('blacklisted', 'Put on the blacklist: ' || coalesce(m.blacklist_reason, ''),
              jsonb_build_object('reason', m.blacklist_reason), m.blacklist_reason IS NOT NULL AND m.previous_reason IS NULL)
           ) AS e(type, summary, data, happened)
          WHERE e.happened
       ), timeline AS (
         ${timelineInsertFrom(`(SELECT customer_id, type, NULL::uuid AS actor_id, summary,
                                       data || jsonb_build_object('runId', $1::bigint) AS data FROM changes)`)}
       )
       ${notificationsInsertFrom(`(SELECT account_manager_id AS user_id, customer_id, type AS kind,
                                          name || ': ' || summary AS summary,
                                          data || jsonb_build_object('customer', name) AS data FROM changes)`)}`,
      [runId, previous],
    );
  }
}
