import { Injectable } from '@nestjs/common';
import { ComplianceRow, LifecycleReport } from '@crm/shared/domain';
import { ComplianceCounts, LifecycleReportRepository } from './lifecycle-report.repository';

const rate = (completed: number, compliant: number) => (completed ? compliant / completed : null);

function complianceRow(c: ComplianceCounts): ComplianceRow {
  return {
    completed: c.completed,
    compliant: c.compliant,
    rate: rate(c.completed, c.compliant),
    commitmentCompleted: c.commitment_completed,
    commitmentMet: c.commitment_met,
    commitmentRate: rate(c.commitment_completed, c.commitment_met),
  };
}

/**
 * Leadership's view of the lifecycle: the time-limit compliance rate (服务时限达标率: the share of
 * completed new connections and capacity increases whose steps all finished within their limits)
 * by month and by manager, average working days per step against its limit, and open work in
 * warning or overdue per manager, and the share of completed new connections within the
 * whole-connection commitment. All aggregated in SQL from the clocks (libs/api/time-limits).
 */
@Injectable()
export class LifecycleReportService {
  constructor(private readonly reports: LifecycleReportRepository) {}

  async report(from: string, to: string): Promise<LifecycleReport> {
    const byMonth = await this.reports.complianceByMonth(from, to);
    const byManager = await this.reports.complianceByManager(from, to);
    const steps = await this.reports.stepDurations(from, to);
    return {
      from,
      to,
      byMonth: byMonth.map((m) => ({ month: m.month, ...complianceRow(m) })),
      byManager: byManager.map((m) => ({
        manager: { id: m.id, displayName: m.name },
        ...complianceRow(m),
        overdueNow: m.overdue,
        warningNow: m.warning,
      })),
      steps: steps.map((s) => ({
        code: s.code,
        nameZh: s.name_zh,
        nameEn: s.name_en,
        limit: Math.round(Number(s.limit) * 10) / 10,
        averageWorkingDays: Math.round(Number(s.average) * 10) / 10,
        completed: s.completed,
      })),
    };
  }
}
