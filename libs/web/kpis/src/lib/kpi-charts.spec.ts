import { sparklineChart } from './kpi-charts';

describe('sparklineChart', () => {
  it('draws the months as a line with a gap where a month has no figure', () => {
    const chart = sparklineChart(['2026-09', '2026-10', '2026-11'], [1, null, 3], String) as {
      xAxis: { data: string[] };
      series: { data: (number | null)[]; connectNulls: boolean }[];
      tooltip: { valueFormatter: (v: unknown) => string };
    };
    expect(chart.xAxis.data).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(chart.series[0].data).toEqual([1, null, 3]);
    expect(chart.series[0].connectNulls).toBe(false);
  });

  it('writes the tooltip value as the tile does', () => {
    const chart = sparklineChart(['2026-11'], [0.5], (v) => (v === null ? '—' : `${v * 100}%`)) as {
      tooltip: { valueFormatter: (v: unknown) => string };
    };
    expect(chart.tooltip.valueFormatter(0.5)).toBe('50%');
    expect(chart.tooltip.valueFormatter('-')).toBe('—');
  });
});
