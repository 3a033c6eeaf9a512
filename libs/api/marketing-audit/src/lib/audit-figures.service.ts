import { Injectable } from '@nestjs/common';
import { AUDIT_RULE_CODES, AuditFigures } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { AuditFiguresRepository } from './audit-figures.repository';

/** Findings per 100 customers with a supply, two decimals (0 without customers). */
function per100(findings: number, customers: number): number {
  return customers ? Math.round((findings * 10_000) / customers) / 100 : 0;
}

/**
 * The audit's figures over the last `months` calendar months: findings found in the period per 100 customers with a
 * supply, by rule and by the customers' account manager now; the share of rectifications made before their deadline;
 * findings that recurred in the period; and per month the findings found, rectified and verified.
 */
@Injectable()
export class AuditFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: AuditFiguresRepository,
  ) {}

  async figuresOf(months: number): Promise<AuditFigures> {
    const [counts, managers, customers, byMonth] = await Promise.all([
      this.figures.findingCounts(this.dataSource, months),
      this.figures.managers(this.dataSource),
      this.figures.customers(this.dataSource),
      this.figures.months(this.dataSource, months),
    ]);
    const sum = (rows: typeof counts, key: 'findings' | 'repeat' | 'open' | 'overdue') =>
      rows.reduce((total, r) => total + r[key], 0);
    const findings = sum(counts, 'findings');
    const rectified = byMonth.reduce((total, m) => total + m.rectified, 0);
    const onTime = byMonth.reduce((total, m) => total + m.rectified_on_time, 0);
    return {
      customers,
      findings,
      findingsPer100: per100(findings, customers),
      rectifiedOnTimePercent: rectified ? Math.round((onTime * 1000) / rectified) / 10 : null,
      repeatFindings: sum(counts, 'repeat'),
      byRule: AUDIT_RULE_CODES.map((rule) => {
        const rows = counts.filter((r) => r.rule === rule);
        return {
          rule,
          findings: sum(rows, 'findings'),
          open: sum(rows, 'open'),
          overdue: sum(rows, 'overdue'),
          per100: per100(sum(rows, 'findings'), customers),
        };
      }),
      byManager: managers
        .map((m) => {
          const rows = counts.filter((r) => r.manager_id === m.id);
          return {
            managerId: m.id,
            managerName: m.name,
            customers: m.customers,
            findings: sum(rows, 'findings'),
            open: sum(rows, 'open'),
            overdue: sum(rows, 'overdue'),
            per100: per100(sum(rows, 'findings'), m.customers),
          };
        })
        .sort((a, b) => b.findings - a.findings || a.managerName.localeCompare(b.managerName)),
      byMonth: byMonth.map((m) => ({ month: m.month, found: m.found, rectified: m.rectified, verified: m.verified })),
    };
  }
}
