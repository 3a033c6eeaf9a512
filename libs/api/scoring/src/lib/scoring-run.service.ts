import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { TODAY_CN } from '@crm/api/database';
import { JobsService } from '@crm/api/jobs';
import { ScoringJob } from '@crm/shared/domain';
import { DataSource, QueryRunner } from 'typeorm';
import { ScoringModelsRepository } from './scoring-models.repository';
import { METRICS_COLUMNS, METRICS_SELECT, metricsParams, SCORES_COLUMNS, scoresSelect } from './scoring-sql';

export const SCORING_JOB = 'scoring-recompute';

/** Customers per transaction when the fresh metrics replace the old. */
const METRICS_BATCH = 100_000;

const METRICS_UPDATE = METRICS_COLUMNS.split(',')
  .map((c) => c.trim())
  .filter((c) => c !== 'customer_id')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

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

  /** One whole run; `jobId` links it to the queue. Returns the run id. */
  async run(jobId: string | null = null): Promise<{ runId: number; customers: number }> {
    const model = await this.models.current();
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO scoring_runs (job_id, model_version, as_of) VALUES ($1, $2, ${TODAY_CN}) RETURNING id`,
      [jobId, model.version],
    );
    const runId = Number(id);
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      const customers = await this.computeMetrics(qr, runId);
      await this.replaceMetrics(qr, runId, customers);
      await qr.startTransaction();
      await qr.query(`INSERT INTO customer_scores (${SCORES_COLUMNS}) ${scoresSelect(model, 'run_metrics')}`, [runId]);
      await this.recordNotableChanges(qr, runId);
      await qr.query(
        `UPDATE scoring_runs SET state = 'completed', progress = 100, customers = $2, finished_at = now() WHERE id = $1`,
        [runId, customers],
      );
      await qr.commitTransaction();
      return { runId, customers };
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await this.dataSource.query(
        `UPDATE scoring_runs SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`,
        [runId, String(error)],
      );
      this.logger.error(`scoring run ${runId} failed: ${error}`);
      throw error;
    } finally {
      await qr.query('DROP TABLE IF EXISTS run_metrics').catch(() => undefined);
      await qr.release();
    }
  }

  private progress(runId: number, percent: number): Promise<unknown> {
    return this.dataSource.query('UPDATE scoring_runs SET progress = $2 WHERE id = $1', [runId, Math.round(percent)]);
  }

  /** Aggregates the whole population's behaviour into a temporary table of this session. */
  private async computeMetrics(qr: QueryRunner, runId: number): Promise<number> {
    await qr.query('DROP TABLE IF EXISTS run_metrics');
    await qr.query(
      `CREATE TEMPORARY TABLE run_metrics AS
       SELECT row_number() OVER ()::int AS n, m.* FROM (${METRICS_SELECT}) m`,
      metricsParams(await this.asOf(runId)),
    );
    await qr.query('ANALYZE run_metrics');
    await this.progress(runId, 50);
    const [{ count }] = await qr.query('SELECT count(*)::int AS count FROM run_metrics');
    return count;
  }

  private async asOf(runId: number): Promise<string> {
    const [{ as_of }] = await this.dataSource.query(`SELECT as_of::text FROM scoring_runs WHERE id = $1`, [runId]);
    return as_of;
  }

  /** customer_metrics becomes the fresh metrics, a batch of customers per transaction. */
  private async replaceMetrics(qr: QueryRunner, runId: number, customers: number): Promise<void> {
    for (let from = 0; from < customers; from += METRICS_BATCH) {
      await qr.query(
        `INSERT INTO customer_metrics (${METRICS_COLUMNS})
         SELECT ${METRICS_COLUMNS} FROM run_metrics WHERE n > $1 AND n <= $2
         ON CONFLICT (customer_id) DO UPDATE SET ${METRICS_UPDATE}`,
        [from, from + METRICS_BATCH],
      );
      await this.progress(runId, 50 + (40 * Math.min(from + METRICS_BATCH, customers)) / customers);
    }
    // Customers no longer scored (closed, say) keep no metrics.
    await qr.query(
      `DELETE FROM customer_metrics m WHERE NOT EXISTS (SELECT 1 FROM run_metrics r WHERE r.customer_id = m.customer_id)`,
    );
  }

  /**
   * Against the previous completed run: a tier change, a rating change and a new blacklist entry each go to
   * the customer's timeline and to the account manager's notifications. The first run records none.
   */
  private async recordNotableChanges(qr: QueryRunner, runId: number): Promise<void> {
    await qr.query(
      `WITH previous AS (
         SELECT max(id) AS id FROM scoring_runs WHERE state = 'completed' AND id < $1
       ), changes AS (
         SELECT s.customer_id, c.account_manager_id, c.name, e.type, e.summary, e.data
           FROM customer_scores s
           JOIN customer_scores p ON p.run_id = (SELECT id FROM previous) AND p.customer_id = s.customer_id
           JOIN customers c ON c.id = s.customer_id
           CROSS JOIN LATERAL (VALUES
             ('tier_changed', 'VIP tier ' || p.vip_tier || ' → ' || s.vip_tier,
              jsonb_build_object('from', p.vip_tier, 'to', s.vip_tier, 'score', s.vip_score), p.vip_tier <> s.vip_tier),
             ('rating_changed', 'Credit rating ' || p.credit_rating || ' → ' || s.credit_rating,
              jsonb_build_object('from', p.credit_rating, 'to', s.credit_rating, 'score', s.credit_score),
              p.credit_rating <> s.credit_rating),
             ('blacklisted', 'Put on the blacklist: ' || coalesce(s.blacklist_reason, ''),
              jsonb_build_object('reason', s.blacklist_reason), s.blacklist_reason IS NOT NULL AND p.blacklist_reason IS NULL)
           ) AS e(type, summary, data, happened)
          WHERE s.run_id = $1 AND e.happened
       ), timeline AS (
         INSERT INTO customer_timeline (customer_id, type, summary, data)
         SELECT customer_id, type, summary, data || jsonb_build_object('runId', $1::bigint) FROM changes
       )
       INSERT INTO notifications (user_id, customer_id, kind, summary, data)
       SELECT account_manager_id, customer_id, type, name || ': ' || summary, data FROM changes
        WHERE account_manager_id IS NOT NULL`,
      [runId],
    );
  }
}
