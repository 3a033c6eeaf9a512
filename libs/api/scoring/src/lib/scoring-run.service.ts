import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Db } from '@crm/api/database';
import { JobsService } from '@crm/api/jobs';
import { copyMetricsIntoSegmentFacts, segmentFactsFromMetricsTriggers } from '@crm/api/segments';
import { ScoringJob, ScoringModel } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { ScoringModelsRepository } from './scoring-models.repository';
import { ScoringRunsRepository } from './scoring-runs.repository';

export const SCORING_JOB = 'scoring-recompute';

/**
 * The scoring run: refreshes every scored customer's metrics, scores them all with the current model,
 * and records what changed notably. Set-wise SQL throughout: the population is computed into an unlogged work
 * table, then one transaction writes the metrics that changed, the segment facts of those once (their
 * triggers stopped meanwhile), the scores' history and the notable changes. Nightly at 02:00 (China) and on demand, as a pg-boss job: one run at a time
 * whatever the number of API instances (the queue is a singleton).
 */
@Injectable()
export class ScoringRunService implements OnModuleInit {
  private readonly logger = new Logger(ScoringRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly models: ScoringModelsRepository,
    private readonly runs: ScoringRunsRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.every(SCORING_JOB, '0 2 * * *', (jobId) => this.run(jobId));
  }

  /** Queues a run now; returns its job id. */
  queue(): Promise<string> {
    return this.jobs.runNow(SCORING_JOB);
  }

  async job(jobId: string): Promise<ScoringJob | null> {
    const run = await this.runs.findByJob(jobId);
    const queueState = await this.jobs.state(SCORING_JOB, jobId);
    if (!run && !queueState) return null;
    const state: ScoringJob['state'] = run ? run.state : queueState === 'failed' ? 'failed' : 'queued';
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
    const { runId, asOf: date } = await this.runs.insertRun(jobId, model.version, asOf ?? null);
    // The run's own session: its work_mem, and the transaction that writes the scores.
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    const db = qr.manager;
    await this.runs.setWorkMem(db);
    try {
      const phases: Record<string, number> = {};
      const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
        const started = Date.now();
        const result = await work();
        phases[phase] = (Date.now() - started) / 1000;
        return result;
      };
      const customers = await timed('computed', () => this.compute(db, runId, model, date));
      await qr.startTransaction();
      await timed('metricsWritten', () => this.replaceMetrics(db, runId));
      await this.runs.setProgress(runId, 80);
      await timed('scoresWritten', () => this.runs.insertScores(db, runId));
      await timed('changes', () => this.recordNotableChanges(db, runId));
      await this.runs.complete(db, runId, customers);
      await qr.commitTransaction();
      await timed('metricsAnalysed', () => this.runs.analyseMetrics(db));
      this.logger.log(`scoring run ${runId}: ${customers} customers; seconds by phase ${JSON.stringify(phases)}`);
      return { runId, customers };
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await this.runs.fail(runId, String(error));
      this.logger.error(`scoring run ${runId} failed: ${error}`);
      throw error;
    } finally {
      await this.runs.dropWorkTable(db, runId).catch(() => undefined);
      await this.runs.resetWorkMem(db).catch(() => undefined);
      await qr.release();
    }
  }

  /** The whole population's metrics and both scores, into the run's work table; answers how many customers. */
  private async compute(db: Db, runId: number, model: ScoringModel, asOf: string): Promise<number> {
    await this.runs.createWorkTable(db, runId, model, asOf);
    await this.runs.setProgress(runId, 60);
    return this.runs.countWorkTable(db, runId);
  }

  /**
   * customer_metrics becomes the fresh metrics and scores (the changed rows only), and segment_facts follows in
   * one statement rather than once per write.
   */
  private async replaceMetrics(db: Db, runId: number): Promise<void> {
    await segmentFactsFromMetricsTriggers(db, false);
    await this.runs.writeMetrics(db, runId);
    await copyMetricsIntoSegmentFacts(db);
    await segmentFactsFromMetricsTriggers(db, true);
    await this.runs.deleteUnscoredMetrics(db, runId);
  }

  /**
   * Against the previous completed run: a tier change, a rating change and a new blacklist entry each go to
   * the customer's timeline and to the account manager's notifications. The first run records none.
   */
  private async recordNotableChanges(db: Db, runId: number): Promise<void> {
    const previous = await this.runs.previousCompleted(db, runId);
    if (previous === null) return;
    await this.runs.recordNotableChanges(db, runId, previous);
  }
}
