import { chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * A tile's sparkline: the twelve months to the period as a small line without axes, a gap where a month has no
 * figure; the tooltip names the month and shows the value as `format` writes it.
 */
export function sparklineChart(
  months: readonly string[],
  values: readonly (number | null)[],
  format: (value: number | null) => string,
): EChartsCoreOption {
  return chartStyle({
    grid: { top: 4, left: 2, right: 2, bottom: 4 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value: unknown) => format(typeof value === 'number' ? value : null),
    },
    xAxis: { type: 'category', data: [...months], show: false, boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: [...values],
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 3,
        lineStyle: { width: 1.5 },
        areaStyle: { opacity: 0.08 },
      },
    ],
  });
}
