import { Injectable } from '@nestjs/common';
import { Db, execute, Params, query, queryOne } from '@crm/api/database';
import { KpiCode, kpiDefinition, KpiUnit } from '@crm/shared/domain';
import { allScopes, KPI_FIGURES, KpiMoment } from './figures';

/** work_mem of the figures' statements (their hashes and sorts over every customer at scale). */
export const KPI_WORK_MEM = '64MB';

/** The value of a figure row `f` from its numerator and denominator, by the KPI's unit (NULL on a zero denominator). */
export function kpiValueSql(unit: KpiUnit): string {
  switch (unit) {
    case 'count':
    case 'yuan':
      return 'f.numerator::numeric';
    case 'per_10k':
      return 'f.numerator::numeric * 10000 / nullif(f.denominator, 0)';
    default:
      return 'f.numerator::numeric / nullif(f.denominator, 0)';
  }
}

/** The KPI statements (libs/api/kpis/src/lib/figures) run for every scope at once into kpi_snapshots. */
@Injectable()
export class KpiFiguresRepository {
  /**
   * Recomputes one KPI of `period` for every scope at once into kpi_snapshots (in the caller's transaction: the
   * period's rows of the KPI are replaced), with the KPIs computed together with it by the same statement (the
   * revenue shares). A figure without SQL for the moment keeps the rows it has, or gets one NULL row for all customers
   * when it has none. Two recomputations of the same KPI and period (two API instances, a request and the job) take
   * turns on a transaction lock rather than collide on the primary key. Returns the rows written.
   */
  async snapshot(db: Db, period: string, code: KpiCode, m: KpiMoment): Promise<number> {
    const figure = KPI_FIGURES[code];
    const codes = figure.together ?? [code];
    const p = new Params(period, codes);
    const sql = figure.sql(allScopes(), p, m);
    await execute(db, `SELECT pg_advisory_xact_lock(hashtext('kpi_snapshots ' || $1 || ' ' || $2))`, [
      period,
      figure.code,
    ]);
    if (sql === null) {
      return execute(
        db,
        `INSERT INTO kpi_snapshots (period, kpi_code, region, manager_key) SELECT $1, unnest($2::text[]), '', ''
         ON CONFLICT DO NOTHING`,
        p,
      );
    }
    await execute(db, 'DELETE FROM kpi_snapshots WHERE period = $1 AND kpi_code = ANY ($2)', [period, codes]);
    const kpiCode = figure.together ? 'f.kpi_code' : '($2::text[])[1]';
    const value = figure.together
      ? `CASE f.kpi_code ${codes.map((c) => `WHEN '${c}' THEN ${kpiValueSql(kpiDefinition(c).unit)}`).join(' ')} END`
      : kpiValueSql(kpiDefinition(code).unit);
    return execute(
      db,
      `INSERT INTO kpi_snapshots (period, kpi_code, region, manager_key, value, numerator, denominator, breakdown)
       SELECT $1, ${kpiCode}, f.region, f.manager_key, ${value}, f.numerator, f.denominator, f.breakdown
         FROM (${sql}) f${figure.together ? ' WHERE f.kpi_code = ANY ($2::text[])' : ''}`,
      p,
    );
  }

  /** Whether the KPI has SQL for the moment (a stock KPI without history has none for a past one). */
  hasSql(code: KpiCode, m: KpiMoment): boolean {
    return KPI_FIGURES[code].sql(allScopes(), new Params(), m) !== null;
  }

  /** Sets KPI_WORK_MEM for the caller's transaction. */
  async workMem(db: Db): Promise<void> {
    await execute(db, `SET LOCAL work_mem = '${KPI_WORK_MEM}'`);
  }
}

/** One kept figure of kpi_snapshots. */
export interface KpiSnapshotRow {
  period: string;
  kpi_code: KpiCode;
  region: string;
  manager_key: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  breakdown: Record<string, number> | null;
  computed_at: Date;
}

/** Reads of kpi_snapshots and the snapshot runs. */
@Injectable()
export class KpiSnapshotsRepository {
  /** The kept figures of `periods` for the scope (region '' / manager '' = all), and those of all customers. */
  read(db: Db, periods: string[], region: string, managerKey: string): Promise<KpiSnapshotRow[]> {
    return query<KpiSnapshotRow>(
      db,
      `SELECT * FROM kpi_snapshots
        WHERE period = ANY ($1) AND ((region = $2 AND manager_key = $3) OR (region = '' AND manager_key = ''))`,
      [periods, region, managerKey],
    );
  }

  /** When the figures of `period` were last computed (those of all customers, one row per KPI), or null. */
  async computedAt(db: Db, period: string): Promise<Date | null> {
    const row = await queryOne<{ at: Date | null }>(
      db,
      `SELECT max(computed_at) AS at FROM kpi_snapshots WHERE period = $1 AND region = '' AND manager_key = ''`,
      [period],
    );
    return row?.at ?? null;
  }

  async startRun(db: Db, jobId: string, period: string, userId: string | null): Promise<void> {
    await execute(
      db,
      `INSERT INTO kpi_snapshot_runs (job_id, period, requested_by) VALUES ($1, $2, $3)
       ON CONFLICT (job_id) DO UPDATE SET state = 'running', progress = 0, started_at = now(), error = NULL`,
      [jobId, period, userId],
    );
  }

  async progress(db: Db, jobId: string, progress: number): Promise<void> {
    await execute(db, 'UPDATE kpi_snapshot_runs SET progress = $2 WHERE job_id = $1', [jobId, progress]);
  }

  async finishRun(db: Db, jobId: string, error: string | null): Promise<void> {
    await execute(
      db,
      `UPDATE kpi_snapshot_runs SET state = CASE WHEN $2::text IS NULL THEN 'completed' ELSE 'failed' END,
              progress = CASE WHEN $2::text IS NULL THEN 100 ELSE progress END, finished_at = now(), error = $2
        WHERE job_id = $1`,
      [jobId, error],
    );
  }

  run(db: Db, jobId: string): Promise<{ state: string; progress: number; period: string } | undefined> {
    return queryOne(db, 'SELECT state, progress, period FROM kpi_snapshot_runs WHERE job_id = $1', [jobId]);
  }
}

/** One row of kpi_targets. */
export interface KpiTargetRow {
  code: string;
  target: string | null;
  version: number;
}

/** The targets admins set (kpi_targets). */
@Injectable()
export class KpiTargetsRepository {
  list(db: Db): Promise<KpiTargetRow[]> {
    return query<KpiTargetRow>(db, 'SELECT code, target, version FROM kpi_targets');
  }

  /**
   * Sets the target of `code` when `version` is the one read (0: never set, the row is created). Returns the new
   * version, or undefined when the version is stale.
   */
  async set(db: Db, code: string, target: number | null, version: number, userId: string): Promise<number | undefined> {
    const row = await queryOne<{ version: number }>(
      db,
      version === 0
        ? `INSERT INTO kpi_targets (code, target, updated_by) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO NOTHING RETURNING version`
        : `UPDATE kpi_targets SET target = $2, updated_by = $3, updated_at = now(), version = version + 1
            WHERE code = $1 AND version = $4 RETURNING version`,
      version === 0 ? [code, target, userId] : [code, target, userId, version],
    );
    return row?.version;
  }

  async version(db: Db, code: string): Promise<number> {
    const row = await queryOne<{ version: number }>(db, 'SELECT version FROM kpi_targets WHERE code = $1', [code]);
    return row?.version ?? 0;
  }
}
