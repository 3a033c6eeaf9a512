import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { JobsService } from '@crm/api/jobs';
import { TimeLimitsService } from '@crm/api/time-limits';
import { AUDIT_CLOCK_OWNER, AuditRunView, chinaDate, RECTIFICATION_WORKING_DAYS } from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEngineRepository } from './audit-engine.repository';
import { AuditRulesRepository, EnabledRule } from './audit-rules.repository';
import { AuditRunsRepository, RuleCounts } from './audit-runs.repository';
import { AUDIT_RULE_QUERIES } from './rules';

export const AUDIT_JOB = 'marketing-audit';

/** pg-boss states of a job that will still run or is running. */
const LIVE_JOB_STATES = ['created', 'retry', 'active'];

/**
 * The audit run (pg-boss job `marketing-audit`, nightly at 01:30 China time and on demand): every enabled rule that
 * has its SQL, one after the other, each in its own transaction: one set-wise statement records what the rule finds
 * and starts the rectification clocks of the findings it opened (AuditEngineRepository.record), and a second
 * statement marks the findings it no longer finds. Progress is the share of rules done; each rule's counts are kept
 * on the run as it goes. One run at a time whatever the number of API instances (the queue is a singleton), and a
 * repeated run changes nothing that has not changed (the unique rule and subject of a finding).
 */
@Injectable()
export class AuditRunService implements OnModuleInit {
  private readonly logger = new Logger(AuditRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly runs: AuditRunsRepository,
    private readonly rules: AuditRulesRepository,
    private readonly engine: AuditEngineRepository,
    private readonly timeLimits: TimeLimitsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every(AUDIT_JOB, '30 1 * * *', (jobId) => this.run(jobId));
  }

  /**
   * Queues a run, unless one is queued or running already: answers that run's job id then. A pending run whose job
   * the queue no longer has (an instance died with it) is marked failed and a new one queued.
   */
  queue(user: AuthUser): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await this.runs.lockQueueing(manager);
      const pending = await this.runs.pending(manager);
      if (pending) {
        if (LIVE_JOB_STATES.includes((await this.jobs.state(AUDIT_JOB, pending.jobId)) ?? '')) return pending.jobId;
        await this.runs.fail(manager, pending.id, 'The job queue no longer has this run');
      }
      const jobId = await this.jobs.runNow(AUDIT_JOB);
      await this.runs.insertQueued(manager, jobId, user.id);
      return jobId;
    });
  }

  view(jobId: string): Promise<AuditRunView | undefined> {
    return this.runs.findByJob(this.dataSource, jobId);
  }

  latest(): Promise<AuditRunView[]> {
    return this.runs.latest(this.dataSource, 20);
  }

  /** One whole run as of today in China (`today` for tests); `jobId` links it to the queue (null: called directly). */
  async run(
    jobId: string | null = null,
    today = chinaDate(new Date()),
  ): Promise<{ runId: string; counts: RuleCounts[] }> {
    const runId = await this.runs.start(this.dataSource, jobId);
    try {
      const rules = (await this.rules.enabled(this.dataSource)).filter((r) => AUDIT_RULE_QUERIES[r.code]);
      const counts: RuleCounts[] = [];
      for (const rule of rules) {
        counts.push(await this.dataSource.transaction((manager) => this.runRule(manager, rule, today, runId)));
        await this.runs.progress(this.dataSource, runId, Math.round((100 * counts.length) / rules.length), counts);
      }
      await this.runs.complete(this.dataSource, runId, counts);
      return { runId, counts };
    } catch (error) {
      await this.runs.fail(this.dataSource, runId, String(error));
      this.logger.error(`audit run ${runId} failed: ${error}`);
      throw error;
    }
  }

  private async runRule(manager: EntityManager, rule: EnabledRule, today: string, runId: string): Promise<RuleCounts> {
    const query = AUDIT_RULE_QUERIES[rule.code];
    if (!query) throw new Error(`No SQL for the audit rule ${rule.code}`);
    // The rectification clocks of the findings this rule opens: all started now, RECTIFICATION_WORKING_DAYS of
    // their severity.
    const clocks = await this.timeLimits.startedTogether(
      AUDIT_CLOCK_OWNER,
      'working_days',
      new Date(),
      Object.values(RECTIFICATION_WORKING_DAYS),
    );
    const { found, created } = await this.engine.record(
      manager,
      query,
      rule.severity,
      rule.parameters,
      today,
      runId,
      clocks,
    );
    const cleared = await this.engine.clear(manager, rule.code, runId, clocks.startedAt);
    return { rule: rule.code, found, created, cleared };
  }
}
