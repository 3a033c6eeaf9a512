import { Injectable } from '@nestjs/common';
import { Db, execute, query, queryOne } from '@crm/api/database';
import { AuditRunState, AuditRunView } from '@crm/shared/domain';

/** Counts of one rule in one run, as audit_runs.counts keeps them. */
export type RuleCounts = AuditRunView['findings'][number];

interface RunRow {
  id: string;
  job_id: string | null;
  state: AuditRunState;
  progress: number;
  trigger: AuditRunView['trigger'];
  counts: RuleCounts[];
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

const RUN_COLUMNS = 'id, job_id, state, progress, trigger, counts, started_at, finished_at, error';

function toView(r: RunRow): AuditRunView {
  return {
    id: r.id,
    jobId: r.job_id ?? r.id,
    state: r.state,
    progress: r.progress,
    trigger: r.trigger,
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    error: r.error,
    findings: r.counts,
  };
}

/** audit_runs: one row per run, queued by a request or started by the nightly job, with its progress and counts. */
@Injectable()
export class AuditRunsRepository {
  /**
   * Serialises the callers that queue a run (whatever the number of API instances), until their transaction
   * ends, so that two requests do not both find no run pending and both queue one.
   */
  async lockQueueing(db: Db): Promise<void> {
    await execute(db, "SELECT pg_advisory_xact_lock(hashtext('marketing-audit-run'))");
  }

  /** The newest run that is queued or running, if any. */
  async pending(db: Db): Promise<{ id: string; jobId: string } | undefined> {
    return queryOne<{ id: string; jobId: string }>(
      db,
      `SELECT id, job_id AS "jobId" FROM audit_runs WHERE state IN ('queued', 'running') AND job_id IS NOT NULL
        ORDER BY created_at DESC LIMIT 1`,
    );
  }

  async insertQueued(db: Db, jobId: string, requestedBy: string): Promise<void> {
    await execute(
      db,
      `INSERT INTO audit_runs (job_id, trigger, requested_by, state) VALUES ($1, 'on_demand', $2, 'queued')`,
      [jobId, requestedBy],
    );
  }

  /** The run of this job starts (a nightly one has no row yet; a direct call has no job): answers its id. */
  async start(db: Db, jobId: string | null): Promise<string> {
    const row = await queryOne<{ id: string }>(
      db,
      `INSERT INTO audit_runs (job_id, trigger, state, started_at)
       VALUES ($1, CASE WHEN $1::text IS NULL THEN 'on_demand' ELSE 'nightly' END, 'running', clock_timestamp())
       ON CONFLICT (job_id) DO UPDATE SET state = 'running', started_at = clock_timestamp()
       RETURNING id`,
      [jobId],
    );
    return (row as { id: string }).id;
  }

  async progress(db: Db, runId: string, progress: number, counts: RuleCounts[]): Promise<void> {
    await execute(db, 'UPDATE audit_runs SET progress = $2, counts = $3 WHERE id = $1', [
      runId,
      progress,
      JSON.stringify(counts),
    ]);
  }

  async complete(db: Db, runId: string, counts: RuleCounts[]): Promise<void> {
    await execute(
      db,
      `UPDATE audit_runs SET state = 'completed', progress = 100, counts = $2, finished_at = clock_timestamp()
        WHERE id = $1`,
      [runId, JSON.stringify(counts)],
    );
  }

  async fail(db: Db, runId: string, error: string): Promise<void> {
    await execute(
      db,
      `UPDATE audit_runs SET state = 'failed', error = $2, finished_at = clock_timestamp() WHERE id = $1`,
      [runId, error],
    );
  }

  async findByJob(db: Db, jobId: string): Promise<AuditRunView | undefined> {
    const row = await queryOne<RunRow>(db, `SELECT ${RUN_COLUMNS} FROM audit_runs WHERE job_id = $1`, [jobId]);
    return row && toView(row);
  }

  /** The latest runs, newest first. */
  async latest(db: Db, limit: number): Promise<AuditRunView[]> {
    const rows = await query<RunRow>(
      db,
      `SELECT ${RUN_COLUMNS} FROM audit_runs ORDER BY created_at DESC, id LIMIT $1`,
      [limit],
    );
    return rows.map(toView);
  }
}
