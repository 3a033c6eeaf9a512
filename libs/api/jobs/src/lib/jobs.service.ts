import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isDatabaseUnavailable, ThrottledLog } from '@crm/api/http';
import PgBoss from 'pg-boss';

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export interface JobsOptions {
  databaseUrl: string;
  /** False in tests that run job handlers directly: no queue is started. */
  enabled: boolean;
  /**
   * Whether this process runs the jobs and their schedules (API_ROLE `all` and `worker`, the default); an `http`
   * process only queues on-demand runs, which a worker takes.
   */
  work?: boolean;
  /** How long stopping waits for running jobs before they are failed (pg-boss retries them later), in ms. */
  shutdownTimeoutMs?: number;
}

/**
 * A job's work; `jobId` is the queue's id of the run (null when called directly, as tests do), `data`
 * what `runNow` was given (empty for a scheduled run).
 */
export type JobHandler = (jobId: string | null, data: Record<string, unknown>) => Promise<unknown>;

interface RecurringJob {
  name: string;
  cron: string;
  handler: JobHandler;
}

/**
 * How long a recurring job may run before pg-boss takes its worker for dead and starts it again: the set-wise passes
 * run for minutes at 1,000,000 customers (the KPI refresh of the current month took 21 minutes on a loaded 2-core
 * machine), well past pg-boss's default of 15 minutes.
 */
const RECURRING_JOB_EXPIRY_SECONDS = 2 * 3600;

/**
 * Background jobs on PostgreSQL (pg-boss, schema `pgboss`). A recurring job is scheduled by cron;
 * pg-boss puts one job in the queue per tick however many API instances run, and one instance takes it.
 * Modules register their jobs in `onModuleInit`; the queue starts once the application has booted.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly recurring: RecurringJob[] = [];
  private boss?: PgBoss;
  /** While the database is down every polling loop of pg-boss fails; say so once per few seconds. */
  private readonly unavailable = new ThrottledLog((line) =>
    this.logger.warn(`pg-boss cannot reach the database: ${line}`),
  );

  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {}

  /** Runs `handler` on the cron schedule (in Asia/Shanghai time), and whenever `runNow(name)` asks. */
  every(name: string, cron: string, handler: JobHandler): void {
    this.recurring.push({ name, cron, handler });
  }

  /** Queues one run of a registered job now; one instance (of however many) runs it. Returns the job id. */
  async runNow(name: string, data: Record<string, unknown> = {}): Promise<string> {
    if (!this.boss) throw new Error('Background jobs are not running');
    const id = await this.boss.send(name, data);
    if (!id) throw new Error(`Could not queue ${name}`);
    return id;
  }

  /** State of a queued job: created, active, completed, failed… */
  async state(name: string, id: string): Promise<string | null> {
    const job = await this.boss?.getJobById(name, id);
    return job?.state ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    const work = this.options.work ?? true;
    // Only workers keep the schedules (cron) and the queue's maintenance; every instance may queue jobs.
    this.boss = new PgBoss({
      connectionString: this.options.databaseUrl,
      schema: 'pgboss',
      max: 4,
      schedule: work,
      supervise: work,
    });
    // pg-boss keeps polling after an error and its pool replaces broken connections, so it heals by itself.
    this.boss.on('error', (error: Error) => {
      if (isDatabaseUnavailable(error)) this.unavailable.report(error.message);
      else this.logger.error(`pg-boss: ${error.message}`);
    });
    await this.boss.start();
    for (const job of this.recurring) {
      const queue = { name: job.name, policy: 'singleton', expireInSeconds: RECURRING_JOB_EXPIRY_SECONDS } as const;
      await this.boss.createQueue(job.name, queue);
      await this.boss.updateQueue(job.name, queue); // a queue created by an older version keeps its options otherwise
      if (!work) continue;
      await this.boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai' });
      await this.boss.work(job.name, async ([queued]) => {
        const started = Date.now();
        const result = await job.handler(queued?.id ?? null, (queued?.data ?? {}) as Record<string, unknown>);
        this.logger.log(`${job.name} done in ${Date.now() - started} ms: ${JSON.stringify(result)}`);
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // New jobs are no longer taken at once; a job still running at the timeout is failed, and pg-boss runs it again
    // later (retryLimit 2), which each job's handler must survive: see README, "Background jobs".
    await this.boss?.stop({ graceful: true, timeout: this.options.shutdownTimeoutMs ?? 10_000 });
  }
}
