import { KpiItem } from '@crm/shared/domain';
import { kpiTrendChart } from './report-charts';

const item = (overrides: Partial<KpiItem>): KpiItem => ({
  code: 'contact_on_time_rate',
  unit: 'ratio',
  value: 0.9,
  numerator: 9,
  denominator: 10,
  target: 0.99,
  previous: 0.8,
  sparkline: [null, null, null, null, null, null, null, null, null, null, 0.8, 0.9],
  ...overrides,
});

interface Line {
  data: (number | null)[];
  markLine?: { data: { yAxis: number }[] };
}

describe('KPI trend chart', () => {
  it('draws the twelve months to the period, ratios as percentages, with the target as a line', () => {
    const options = kpiTrendChart(item({}), '2026-10', 'zh-CN', { name: '联系及时率', target: '目标' }) as {
      xAxis: { data: string[] };
      series: Line[];
    };
    expect(options.xAxis.data).toEqual([
      '11月',
      '12月',
      '1月',
      '2月',
      '3月',
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
    ]);
    expect(options.series[0].data.slice(-2)).toEqual([80, 90]);
    expect(options.series[0].data[0]).toBeNull();
    expect(options.series[0].markLine?.data).toEqual([{ yAxis: 99 }]);
  });

  it('draws no target line without a target, and counts as they are', () => {
    const options = kpiTrendChart(
      item({ code: 'overdue_tasks', unit: 'count', target: null, sparkline: Array(12).fill(3) }),
      '2026-10',
      'en',
      { name: 'Overdue tasks', target: 'Target' },
    ) as { series: Line[] };
    expect(options.series[0].markLine).toBeUndefined();
    expect(options.series[0].data).toEqual(Array(12).fill(3));
  });
});
