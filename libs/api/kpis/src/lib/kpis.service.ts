import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { JobsService } from '@crm/api/jobs';
import {
  chinaDate,
  currentKpiPeriod,
  InvalidInputError,
  isKpiCode,
  isKpiPeriod,
  KPI_CATALOGUE,
  KPI_CODES,
  KpiBreakdownEntry,
  KpiCatalogueEntry,
  KpiDefinition,
  KpiFilter,
  KpiItem,
  kpiPeriodRange,
  kpiTargetProblem,
  KpiView,
  MANAGER_LEAGUE_SORT_FIELDS,
  ManagerLeagueRow,
  ManagerLeagueSortField,
  NotFoundError,
  shiftKpiPeriod,
  sparklinePeriods,
  StaleVersionError,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { KPI_FIGURES, KpiMoment } from './figures';
import { breakdownDrill, kpiDrill } from './kpi-drills';
import {
  KpiFiguresRepository,
  KpiSnapshotRow,
  KpiSnapshotsRepository,
  KpiTargetsRepository,
} from './kpi-figures.repository';
import { KpiLeagueRepository } from './kpi-league.repository';

export const KPI_SNAPSHOTS_JOB = 'kpi-snapshots';
export const KPI_CURRENT_JOB = 'kpi-current';

/**
 * When `kpi-current` refreshes the current month's snapshot: every 5 minutes (China time). The queue runs one pass at
 * a time; a pass longer than that (bench/results/*-1000000-kpis.md) makes the next ticks skip (KPI_CURRENT_FRESH_MS).
 */
export const KPI_CURRENT_CRON = '*/5 * * * *';
/**
 * A scheduled pass is skipped when the current month's figures are younger than this: refreshed on demand meanwhile,
 * or ticks that queued up behind a pass that took longer than the interval (the queue runs one at a time).
 */
const KPI_CURRENT_FRESH_MS = 4 * 60_000;

/** A figure as numbers (null: unknown). */
interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  breakdown: Record<string, number> | null;
}

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

function figureOf(row: KpiSnapshotRow): Figure {
  return {
    value: num(row.value),
    numerator: num(row.numerator),
    denominator: num(row.denominator),
    breakdown: row.breakdown,
  };
}

/** A figure of a scope without records in a snapshot that has the KPI: nothing counted. */
function emptyFigure(k: KpiDefinition, all: KpiSnapshotRow): Figure {
  const counted = k.unit === 'count' || k.unit === 'yuan';
  return {
    value: counted ? 0 : null,
    numerator: 0,
    denominator: k.definition.denominator ? 0 : null,
    breakdown: all.breakdown && Object.fromEntries(Object.keys(all.breakdown).map((key) => [key, 0])),
  };
}

/**
 * The KPIs (issue 16, API.md "KPIs"): the catalogue with the targets in force, the figures of a month for one scope
 * (read from kpi_snapshots), the manager league table, and the snapshots: of the current month by the job
 * `kpi-current` every 5 minutes, of a closed month by the job `kpi-snapshots` on the 1st of each month at 00:30 China
 * time for the month just closed; both on demand.
 */
@Injectable()
export class KpisService implements OnModuleInit {
  private readonly logger = new Logger(KpisService.name);
  /** This instance's refresh of a current month that had no snapshot yet, which the requests meanwhile await. */
  private firstRefresh?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly figures: KpiFiguresRepository,
    private readonly snapshots: KpiSnapshotsRepository,
    private readonly targets: KpiTargetsRepository,
    private readonly leagueTable: KpiLeagueRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.every(KPI_SNAPSHOTS_JOB, '30 0 1 * *', async (jobId, data) => {
      const period =
        typeof data['period'] === 'string' ? data['period'] : shiftKpiPeriod(currentKpiPeriod(this.today()), 1);
      return this.snapshotMonth(period, jobId);
    });
    // A scheduled pass is not followed in kpi_snapshot_runs; one queued by POST /api/kpis/snapshots is.
    this.jobs.every(KPI_CURRENT_JOB, KPI_CURRENT_CRON, async (jobId, data) =>
      typeof data['period'] === 'string' ? this.snapshotMonth(data['period'], jobId) : this.scheduledRefresh(),
    );
  }

  /** The catalogue in cockpit order, each with the target in force (an admin's, else the default). */
  async catalogue(): Promise<KpiCatalogueEntry[]> {
    const set = new Map((await this.targets.list(this.dataSource)).map((t) => [t.code, t]));
    return KPI_CATALOGUE.map((k) => {
      const row = set.get(k.code);
      return {
        code: k.code,
        section: k.section,
        nameZh: k.name.zh,
        nameEn: k.name.en,
        definition: k.definition,
        unit: k.unit,
        direction: k.direction,
        kind: k.kind,
        target: row ? num(row.target) : k.defaultTarget,
        targetVersion: row?.version ?? 0,
      };
    });
  }

  /** Sets (or, with null, removes) the target of `code`; `version` is the catalogue's targetVersion that was read. */
  async setTarget(user: AuthUser, code: string, target: number | null, version: number): Promise<KpiCatalogueEntry> {
    if (!isKpiCode(code)) throw new NotFoundError('KPI', code);
    const k = KPI_CATALOGUE.find((d) => d.code === code) as KpiDefinition;
    const problem = target === null ? null : kpiTargetProblem(k.unit, target);
    if (problem) throw new InvalidInputError(`target ${problem.message}`, [problem]);
    if ((await this.targets.set(this.dataSource, code, target, version, user.id)) === undefined) {
      throw new StaleVersionError('The KPI target', version, await this.targets.version(this.dataSource, code));
    }
    return (await this.catalogue()).find((e) => e.code === code) as KpiCatalogueEntry;
  }

  /**
   * The figures of `period` for the scope, read from kpi_snapshots (the current month as `kpi-current` last refreshed
   * it: `computedAt` says when); with the month before, the twelve months to the period and the target in force. A
   * current month without a snapshot yet (a fresh database, the first minutes of a month) is computed once first.
   */
  async view(period: string, filter: KpiFilter): Promise<KpiView> {
    const current = this.checkPeriod(period);
    const region = filter.region ?? '';
    const managerKey = filter.managerId ?? '';
    const months = sparklinePeriods(period);
    const read = () =>
      this.snapshots.read(this.dataSource, [shiftKpiPeriod(period, 12), ...months], region, managerKey);
    let kept = await read();
    if (period === current && !kept.some((r) => r.period === period)) {
      this.firstRefresh ??= this.refreshCurrent().finally(() => (this.firstRefresh = undefined));
      await this.firstRefresh;
      kept = await read();
    }
    const catalogue = await this.catalogue();
    const figure = (p: string, k: KpiDefinition): Figure | undefined => {
      const rows = kept.filter((r) => r.period === p && r.kpi_code === k.code);
      const all = rows.find((r) => r.region === '' && r.manager_key === '');
      if (!all) return undefined;
      if (all.value === null && all.numerator === null) return figureOf(all);
      const mine = rows.find((r) => r.region === region && r.manager_key === managerKey);
      return mine ? figureOf(mine) : emptyFigure(k, all);
    };
    const computedAt =
      kept
        .filter((r) => r.period === period)
        .map((r) => r.computed_at)
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? new Date();
    const items = KPI_CATALOGUE.map((k): KpiItem => {
      const f = figure(period, k);
      const drill = k.countsRecords ? kpiDrill(k.code, period, filter) : undefined;
      const breakdown: KpiBreakdownEntry[] | undefined = f?.breakdown
        ? Object.entries(f.breakdown).map(([key, value]) => {
            const d = breakdownDrill(k.code, key, filter);
            return d ? { key, value: Number(value), drill: d } : { key, value: Number(value) };
          })
        : undefined;
      return {
        code: k.code,
        unit: k.unit,
        value: f?.value ?? null,
        numerator: f?.numerator ?? null,
        denominator: f?.denominator ?? null,
        target: catalogue.find((e) => e.code === k.code)?.target ?? null,
        previous: figure(shiftKpiPeriod(period, 1), k)?.value ?? null,
        sparkline: months.map((p) => figure(p, k)?.value ?? null),
        ...(breakdown ? { breakdown } : {}),
        ...(drill ? { drill } : {}),
      };
    });
    return {
      period,
      region: filter.region ?? null,
      managerId: filter.managerId ?? null,
      computedAt: computedAt.toISOString(),
      items,
    };
  }

  /** The league table of `period` (its flow figures; the stock ones now), sorted by `sort` (`-` first: descending). */
  async league(period: string, filter: KpiFilter, sort = 'displayName'): Promise<ManagerLeagueRow[]> {
    this.checkPeriod(period);
    const descending = sort.startsWith('-');
    const field = descending ? sort.slice(1) : sort;
    if (!(MANAGER_LEAGUE_SORT_FIELDS as readonly string[]).includes(field)) {
      throw new InvalidInputError(`sort must be one of ${MANAGER_LEAGUE_SORT_FIELDS.join(', ')}, optionally after -`, [
        ruleDetail(
          'sort',
          `must be one of ${MANAGER_LEAGUE_SORT_FIELDS.join(', ')}, optionally after -`,
          'field.sort',
          {
            values: MANAGER_LEAGUE_SORT_FIELDS.join(', '),
          },
        ),
      ]);
    }
    const rows = await this.dataSource.transaction(async (tx) => {
      await this.figures.workMem(tx);
      return this.leagueTable.league(
        tx,
        { ...kpiPeriodRange(period), asOf: null },
        filter,
        field as ManagerLeagueSortField,
        descending,
      );
    });
    return rows.map((r) => ({
      manager: { id: r.id, displayName: r.display_name },
      customers: r.customers,
      workload: r.workload,
      overdueWork: r.overdue_work,
      complianceRate: r.compliance_rate,
      satisfaction: r.satisfaction,
      openFindings: r.open_findings,
    }));
  }

  /**
   * Queues the recomputation of the snapshot of `period`: the current month on the queue of `kpi-current` (one pass
   * at a time with the scheduled ones), a closed month on that of `kpi-snapshots`; answers the job id.
   */
  async queueSnapshot(user: AuthUser, period: string): Promise<string> {
    const current = this.checkPeriod(period);
    const jobId = await this.jobs.runNow(period === current ? KPI_CURRENT_JOB : KPI_SNAPSHOTS_JOB, { period });
    await this.snapshots.startRun(this.dataSource, jobId, period, user.id);
    return jobId;
  }

  /** The state of a snapshot job: running, completed or failed, and its progress (0..100). */
  async snapshotRun(jobId: string): Promise<{ state: string; progress: number; period: string }> {
    const run = await this.snapshots.run(this.dataSource, jobId);
    if (!run) throw new NotFoundError('Snapshot job', jobId);
    return run;
  }

  /**
   * Computes the snapshot of `period`: every KPI in one set-wise statement for all scopes, each in its own
   * transaction (the month's rows of that KPI replaced). Stock KPIs of the current month are taken now; those of a
   * closed month at the month's end, and those whose data keeps no history are taken now when the month closed today
   * (the job on the 1st), else kept as they are (NULL when never taken). `jobId` follows the progress in
   * kpi_snapshot_runs (null: not followed, e.g. the seed or a scheduled refresh).
   */
  async snapshotMonth(period: string, jobId: string | null = null): Promise<{ period: string; rows: number }> {
    const { from, to } = kpiPeriodRange(period);
    const current = period === currentKpiPeriod(this.today());
    const closedToday = to === this.today();
    if (jobId) await this.snapshots.startRun(this.dataSource, jobId, period, null);
    try {
      let rows = 0;
      for (const [i, code] of KPI_CODES.entries()) {
        if (KPI_FIGURES[code].code !== code) continue; // computed with the first KPI of its figure
        const moment: KpiMoment = { from, to, asOf: current ? null : `${to}T00:00:00+08:00` };
        rows += await this.dataSource.transaction(async (tx) => {
          await this.figures.workMem(tx);
          const withHistory = this.figures.hasSql(code, moment);
          return this.figures.snapshot(
            tx,
            period,
            code,
            withHistory || !closedToday ? moment : { ...moment, asOf: null },
          );
        });
        if (jobId)
          await this.snapshots.progress(this.dataSource, jobId, Math.round((100 * (i + 1)) / KPI_CODES.length));
      }
      if (jobId) await this.snapshots.finishRun(this.dataSource, jobId, null);
      return { period, rows };
    } catch (error) {
      if (jobId) await this.snapshots.finishRun(this.dataSource, jobId, String(error));
      this.logger.error(`KPI snapshot of ${period} failed: ${error}`);
      throw error;
    }
  }

  /**
   * The demo backfill: the snapshots of the `months` closed months before the current one (oldest first), so the
   * sparklines have a year, and the current month.
   */
  async backfill(months: number): Promise<void> {
    const current = currentKpiPeriod(this.today());
    for (let back = months; back >= 1; back--) await this.snapshotMonth(shiftKpiPeriod(current, back));
    await this.refreshCurrent();
  }

  /** Refreshes the current month's snapshot, every KPI for all scopes (the scheduled pass of `kpi-current`). */
  refreshCurrent(): Promise<{ period: string; rows: number }> {
    return this.snapshotMonth(currentKpiPeriod(this.today()));
  }

  /** The scheduled pass of `kpi-current`: a refresh, unless the figures are fresh (KPI_CURRENT_FRESH_MS). */
  async scheduledRefresh(): Promise<{ period: string; rows: number; skipped?: true }> {
    const period = this.currentPeriod();
    const computedAt = await this.snapshots.computedAt(this.dataSource, period);
    if (computedAt && Date.now() - computedAt.getTime() < KPI_CURRENT_FRESH_MS)
      return { period, rows: 0, skipped: true };
    return this.refreshCurrent();
  }

  /** The current month (China time). */
  currentPeriod(): string {
    return currentKpiPeriod(this.today());
  }

  /** Today in China (the current period is its month). */
  today(): string {
    return chinaDate(new Date());
  }

  /** Checks `period` is a month up to the current one; returns the current one. */
  private checkPeriod(period: string): string {
    const current = currentKpiPeriod(this.today());
    if (!isKpiPeriod(period) || period > current) {
      throw new InvalidInputError('period must be a month YYYY-MM, not in the future', [
        ruleDetail('period', 'must be a month YYYY-MM, not in the future', 'period.notFuture'),
      ]);
    }
    return current;
  }
}
