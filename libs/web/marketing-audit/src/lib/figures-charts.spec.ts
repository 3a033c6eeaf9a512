import { AuditFigures } from '@crm/shared/domain';
import { perRuleChart, trendChart } from './figures-charts';

const figures: AuditFigures = {
  customers: 200,
  findings: 7,
  findingsPer100: 3.5,
  rectifiedOnTimePercent: 50,
  repeatFindings: 1,
  byRule: [
    { rule: 'zero_consumption', findings: 2, open: 1, overdue: 1, per100: 1 },
    { rule: 'contact_data_incomplete', findings: 5, open: 4, overdue: 0, per100: 2.5 },
    { rule: 'restoration_late', findings: 0, open: 0, overdue: 0, per100: 0 },
  ],
  byManager: [],
  byMonth: [
    { month: '2026-10', found: 5, rectified: 1, verified: 0 },
    { month: '2026-11', found: 2, rectified: 3, verified: 2 },
  ],
};

describe('audit figure charts', () => {
  it('shows the rules with findings per 100 customers, most on top', () => {
    const chart = perRuleChart(figures, (code) => `name of ${code}`) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(chart.yAxis.data).toEqual(['name of zero_consumption', 'name of contact_data_incomplete']);
    expect(chart.series[0].data).toEqual([1, 2.5]);
  });

  it('draws found, rectified and verified per month', () => {
    const chart = trendChart(figures, { found: 'F', rectified: 'R', verified: 'V' }) as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(chart.xAxis.data).toEqual(['2026-10', '2026-11']);
    expect(chart.series.map((s) => [s.name, s.data])).toEqual([
      ['F', [5, 2]],
      ['R', [1, 3]],
      ['V', [0, 2]],
    ]);
  });
});
