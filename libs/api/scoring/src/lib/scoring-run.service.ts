import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { TODAY_CN } from '@crm/api/database';
import { JobsService } from '@crm/api/jobs';
import { notificationsInsertFrom } from '@crm/api/notifications';
import { timelineInsertFrom } from '@crm/api/timeline';
import { ScoringJob, ScoringModel } from '@crm/shared/domain';
import { DataSource, QueryRunner } from 'typeorm';
import { ScoringModelsRepository } from './scoring-models.repository';
import {
  METRICS_COLUMN_LIST,
  metricsAssignments,
  metricsParams,
  metricsSelect,
  SCORES_COLUMNS,
  scoresSelect,
} from './scoring-sql';

export const SCORING_JOB = 'scoring-recompute';

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

/** Customers per transaction when the fresh metrics replace the old. */
const METRICS_BATCH = 100_000;

/** customer_metrics' columns: the metrics and, for segments to read in the same row, the latest scores. */
const METRICS_COLUMNS_LIST = [...METRICS_COLUMN_LIST, 'vip_score', 'vip_tier', 'credit_score', 'credit_rating'];
const METRICS_VALUE_COLUMNS = METRICS_COLUMNS_LIST.filter((c) => c !== 'customer_id');
/** Metric columns of `table`, to write only the customers whose metrics changed since the last run. */
const METRICS_VALUES = (table: string, columns = METRICS_VALUE_COLUMNS) =>
  columns.map((c) => `${table}.${c}`).join(', ');

/**
 * The scoring run: refreshes every scored customer's metrics, scores them all with the current model,
 * and records what changed notably. Set-wise SQL throughout; the metrics are written in batches, each in
 * its own transaction. Nightly at 02:00 (China) and on demand, as a pg-boss job: one run at a time
 * whatever the number of API instances (the queue is a singleton).
 */
@Injectable()
export class ScoringRunService implements OnModuleInit {
  private readonly logger = new Logger(ScoringRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly models: ScoringModelsRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.every(SCORING_JOB, '0 2 * * *', (jobId) => this.run(jobId));
  }

  /** Queues a run now; returns its job id. */
  queue(): Promise<string> {
    return this.jobs.runNow(SCORING_JOB);
  }

  async job(jobId: string): Promise<ScoringJob | null> {
    const [run] = await this.dataSource.query(
      `SELECT id, state, progress, customers, started_at, finished_at, error FROM scoring_runs WHERE job_id = $1`,
      [jobId],
    );
    const queueState = await this.jobs.state(SCORING_JOB, jobId);
    if (!run && !queueState) return null;
    const state: ScoringJob['state'] = run
      ? run.state === 'running'
        ? 'running'
        : run.state
      : queueState === 'failed'
        ? 'failed'
        : 'queued';
    return {
      jobId,
      state,
      progress: run?.progress ?? 0,
      runId: run ? Number(run.id) : null,
      customers: run?.customers ?? null,
      startedAt: run?.started_at?.toISOString() ?? null,
      finishedAt: run?.finished_at?.toISOString() ?? null,
      error: run?.error ?? null,
    };
  }

  /**
   * One whole run; `jobId` links it to the queue. As of today in China, or of an earlier `asOf` (YYYY-MM-DD),
   * which only the demo seed uses to give its customers a score history.
   */
  async run(jobId: string | null = null, asOf?: string): Promise<{ runId: number; customers: number }> {
    const model = await this.models.current();
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO scoring_runs (job_id, model_version, as_of) VALUES ($1, $2, coalesce($3::date, ${TODAY_CN})) RETURNING id`,
      [jobId, model.version, asOf ?? null],
    );
    const runId = Number(id);
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    await qr.query(`SET work_mem = '${RUN_WORK_MEM}'`);
    try {
      const phases: Record<string, number> = {};
      const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
        const started = Date.now();
        const result = await work();
        phases[phase] = (Date.now() - started) / 1000;
        return result;
      };
      const customers = await timed('computed', () => this.compute(qr, runId, model));
      await timed('metricsWritten', () => this.replaceMetrics(qr, runId, customers));
      // Segments plan their counts on these statistics; a run may have changed most rows.
      await timed('metricsAnalysed', () => qr.query('ANALYZE customer_metrics'));
      await qr.startTransaction();
      await timed('scoresWritten', () =>
        qr.query(
          `INSERT INTO customer_scores (run_id, ${SCORES_COLUMNS})
           SELECT $1, ${SCORES_COLUMNS} FROM ${work(runId)} ORDER BY customer_id`,
          [runId],
        ),
      );
      await timed('changes', () => this.recordNotableChanges(qr, runId));
      await qr.query(
        `UPDATE scoring_runs SET state = 'completed', progress = 100, customers = $2, finished_at = clock_timestamp()
          WHERE id = $1`,
        [runId, customers],
      );
      await qr.commitTransaction();
      this.logger.log(`scoring run ${runId}: ${customers} customers; seconds by phase ${JSON.stringify(phases)}`);
      return { runId, customers };
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await this.dataSource.query(
        `UPDATE scoring_runs SET state = 'failed', error = $2, finished_at = clock_timestamp() WHERE id = $1`,
        [runId, String(error)],
      );
      this.logger.error(`scoring run ${runId} failed: ${error}`);
      throw error;
    } finally {
      await qr.query(`DROP TABLE IF EXISTS ${work(runId)}`).catch(() => undefined);
      await qr.query('RESET work_mem').catch(() => undefined);
      await qr.release();
    }
  }

  private progress(runId: number, percent: number): Promise<unknown> {
    return this.dataSource.query('UPDATE scoring_runs SET progress = $2 WHERE id = $1', [runId, Math.round(percent)]);
  }

  /**
   * The whole population's metrics and both scores, in one statement (PostgreSQL aggregates the large tables
   * in parallel), into the run's work table.
   */
  private async compute(qr: QueryRunner, runId: number, model: ScoringModel): Promise<number> {
    await qr.query(
      `CREATE UNLOGGED TABLE ${work(runId)} AS
       SELECT row_number() OVER ()::int AS n, x.*
         FROM (${scoresSelect(model, `(${metricsSelect()})`, { withMetrics: true })}) x`,
      metricsParams(await this.asOf(runId)),
    );
    await qr.query(`CREATE INDEX ON ${work(runId)} (n)`);
    await this.progress(runId, 60);
    const [{ count }] = await qr.query(`SELECT count(*)::int AS count FROM ${work(runId)}`);
    return count;
  }

  private async asOf(runId: number): Promise<string> {
    const [{ as_of }] = await this.dataSource.query(`SELECT as_of::text FROM scoring_runs WHERE id = $1`, [runId]);
    return as_of;
  }

  /**
   * customer_metrics becomes the fresh metrics and scores, a batch of customers per transaction; only the customers
   * whose metrics or scores changed are written (from one night to the next, most have not).
   */
  private async replaceMetrics(qr: QueryRunner, runId: number, customers: number): Promise<void> {
    for (let from = 0; from < customers; from += METRICS_BATCH) {
      await qr.query(
        `INSERT INTO customer_metrics (${METRICS_COLUMNS_LIST.join(', ')})
         SELECT ${METRICS_VALUES('r', METRICS_COLUMNS_LIST)}
           FROM ${work(runId)} r LEFT JOIN customer_metrics m ON m.customer_id = r.customer_id
          WHERE r.n > $1 AND r.n <= $2
            AND (m.customer_id IS NULL OR (${METRICS_VALUES('m')}) IS DISTINCT FROM (${METRICS_VALUES('r')}))
         ON CONFLICT (customer_id) DO UPDATE SET ${metricsAssignments(METRICS_VALUE_COLUMNS)}`,
        [from, from + METRICS_BATCH],
      );
      await this.progress(runId, 60 + (25 * Math.min(from + METRICS_BATCH, customers)) / customers);
    }
    // Customers no longer scored (closed, say) keep no metrics.
    await qr.query(
      `DELETE FROM customer_metrics m WHERE NOT EXISTS (SELECT 1 FROM ${work(runId)} r WHERE r.customer_id = m.customer_id)`,
    );
  }

  /**
   * Against the previous completed run: a tier change, a rating change and a new blacklist entry each go to
   * the customer's timeline and to the account manager's notifications. The first run records none.
   */
  private async recordNotableChanges(qr: QueryRunner, runId: number): Promise<void> {
    const [{ previous }] = await qr.query(
      `SELECT max(id) AS previous FROM scoring_runs WHERE state = 'completed' AND id < $1`,
      [runId],
    );
    if (previous === null) return;
    await qr.query(
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
