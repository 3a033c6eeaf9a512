import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { invalidInput } from '@crm/api/http';
import { JobsService } from '@crm/api/jobs';
import { KpisService } from '@crm/api/kpis';
import { REGIONS } from '@crm/api/reference';
import {
  chinaDate,
  isKpiPeriod,
  lastClosedKpiPeriod,
  MonthlyReport,
  MonthlyReportContent,
  monthlyReportRegion,
  MonthlyReportSummary,
  monthlyReportPeriodProblem,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { MonthlyReportsRepository } from './monthly-reports.repository';

export const MONTHLY_REPORT_JOB = 'monthly-report';

/**
 * The monthly reports: the whole company's KPIs and the manager league table of a closed month, computed by
 * KpisService when generated and kept as they were (`monthly_reports.content`), whatever happens to the data
 * afterwards, until someone regenerates the month. The job `monthly-report` (the 1st of each month, 03:00 China
 * time) generates the month that has just closed, unless it is kept already.
 */
@Injectable()
export class MonthlyReportsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly kpis: KpisService,
    private readonly reports: MonthlyReportsRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.every(MONTHLY_REPORT_JOB, '0 3 1 * *', () => this.generateClosedMonth());
  }

  list(): Promise<MonthlyReportSummary[]> {
    return this.reports.list(this.dataSource);
  }

  async get(period: string): Promise<MonthlyReport> {
    if (!isKpiPeriod(period))
      throw invalidInput([ruleDetail('period', 'period must be a month YYYY-MM', 'period.month')]);
    const report = await this.reports.get(this.dataSource, period);
    if (!report) throw new NotFoundException(`No monthly report of ${period} has been generated`);
    return report;
  }

  /** Generates the report of the closed month `period`, or regenerates it (new figures, counted and dated). */
  async generate(user: AuthUser, period: string, today = chinaDate(new Date())): Promise<MonthlyReport> {
    const problem = monthlyReportPeriodProblem(period, today);
    if (problem) throw invalidInput([problem]);
    await this.reports.save(this.dataSource, period, await this.figures(period), user.id);
    return this.get(period);
  }

  /** The job: the month that closed before `today`, when it is not kept yet. */
  async generateClosedMonth(today = chinaDate(new Date())): Promise<{ period: string; generated: boolean }> {
    const period = lastClosedKpiPeriod(today);
    if (await this.reports.exists(this.dataSource, period)) return { period, generated: false };
    return { period, generated: await this.reports.saveIfAbsent(this.dataSource, period, await this.figures(period)) };
  }

  /**
   * The month's figures as of now: its KPI snapshot is computed again first (a closed month's KPIs are read from
   * it), so a generation reports the data as it stands, then the whole company's KPIs, the league table and the
   * KPIs of each region of the reference data (the snapshot's region rows).
   */
  private async figures(period: string): Promise<MonthlyReportContent> {
    await this.kpis.snapshotMonth(period);
    const [kpis, league] = await Promise.all([this.kpis.view(period, {}), this.kpis.league(period, {})]);
    const regions = [];
    for (const r of REGIONS) {
      regions.push(
        monthlyReportRegion({ zh: r.nameZh, en: r.nameEn }, await this.kpis.view(period, { region: r.nameZh })),
      );
    }
    return { kpis, league, regions };
  }
}
