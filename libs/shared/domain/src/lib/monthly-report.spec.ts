import { KpiItem, KpiView } from './kpis';
import {
  formatReportChange,
  formatReportValue,
  lastClosedKpiPeriod,
  monthlyReportPeriodProblem,
  monthlyReportRegion,
  monthlyReportSections,
  reportChange,
} from './monthly-report';

const item = (code: KpiItem['code'], unit: KpiItem['unit'] = 'count'): KpiItem => ({
  code,
  unit,
  value: 1,
  numerator: null,
  denominator: null,
  target: null,
  previous: null,
  sparkline: [],
});

describe('monthly report periods', () => {
  it('generates closed months only', () => {
    expect(monthlyReportPeriodProblem('2026-10', '2026-11-26')).toBeNull();
    expect(monthlyReportPeriodProblem('2025-12', '2026-01-01')).toBeNull();
    expect(monthlyReportPeriodProblem('2026-11', '2026-11-26')?.message).toMatch(/closed/);
    expect(monthlyReportPeriodProblem('2027-01', '2026-11-26')?.message).toMatch(/closed/);
    expect(monthlyReportPeriodProblem('2026-13', '2026-11-26')?.message).toMatch(/YYYY-MM/);
    expect(monthlyReportPeriodProblem('2026-1', '2026-11-26')?.message).toMatch(/YYYY-MM/);
    expect(monthlyReportPeriodProblem(202610, '2026-11-26')?.message).toMatch(/YYYY-MM/);
    expect(monthlyReportPeriodProblem('2026-13', '2026-11-26')?.code).toBe('period.month');
    expect(monthlyReportPeriodProblem('2026-11', '2026-11-26')?.code).toBe('period.closedMonth');
  });

  it('knows the month that closed last', () => {
    expect(lastClosedKpiPeriod('2026-12-01')).toBe('2026-11');
    expect(lastClosedKpiPeriod('2026-01-01')).toBe('2025-12');
  });
});

describe('monthly report sections', () => {
  it('groups the items by section in catalogue order and leaves out empty sections', () => {
    const view: KpiView = {
      period: '2026-10',
      region: null,
      managerId: null,
      computedAt: '2026-11-01T00:00:00.000Z',
      items: [item('overdue_tasks'), item('open_applications_overdue'), item('new_connections_completed')],
    };
    expect(monthlyReportSections(view).map((s) => [s.section, s.items.map((i) => i.code)])).toEqual([
      ['connections', ['new_connections_completed', 'open_applications_overdue']],
      ['service_plans', ['overdue_tasks']],
    ]);
  });
});

describe('monthly report figures', () => {
  it('formats each unit in both languages', () => {
    expect(formatReportValue('count', 12345, 'zh-CN')).toBe('12,345');
    expect(formatReportValue('ratio', 0.98765, 'en')).toBe('98.8%');
    expect(formatReportValue('working_days', 21.04, 'zh-CN')).toBe('21.0');
    expect(formatReportValue('yuan', 1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatReportValue('score', 4.5, 'en')).toBe('4.50');
    expect(formatReportValue('per_10k', null, 'en')).toBe('—');
  });

  it('signs the change, in percentage points for ratios', () => {
    expect(reportChange(0.9, 0.95)).toBeCloseTo(-0.05);
    expect(reportChange(null, 1)).toBeNull();
    expect(formatReportChange('ratio', 0.015, 'en')).toBe('+1.5 pp');
    expect(formatReportChange('ratio', -0.015, 'zh-CN')).toBe('−1.5 个百分点');
    expect(formatReportChange('count', 0, 'en')).toBe('±0');
    expect(formatReportChange('count', -1200, 'en')).toBe('−1,200');
    expect(formatReportChange('yuan', null, 'en')).toBe('—');
  });
});

describe('monthly report regions', () => {
  it("takes the table's KPIs from a region's view, null for one it lacks, named as the reference names it", () => {
    const view = {
      period: '2026-10',
      region: '鹿城区',
      managerId: null,
      computedAt: '2026-11-01T00:30:00.000Z',
      items: [
        { ...item('customers_by_stage'), value: 120 },
        { ...item('time_limit_compliance_rate', 'ratio'), value: 0.95 },
        { ...item('arrears_outstanding', 'yuan'), value: 1234.5 },
        { ...item('open_escalations'), value: 7 },
      ],
    } satisfies KpiView;
    expect(monthlyReportRegion({ zh: '鹿城区', en: 'Lucheng' }, view)).toEqual({
      region: '鹿城区',
      name: { zh: '鹿城区', en: 'Lucheng' },
      values: {
        customers_by_stage: 120,
        new_connections_completed: null,
        time_limit_compliance_rate: 0.95,
        complaints_per_10k: null,
        open_audit_findings: null,
        arrears_outstanding: 1234.5,
      },
    });
  });
});
