import { chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';
import { EnergyAdvice } from '@crm/shared/domain';

/** Monthly consumption as bars and the power factor as a line against the tariff's target. */
export function energyChart(
  advice: EnergyAdvice,
  labels: { kwh: string; powerFactor: string; target: string },
): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.kwh, labels.powerFactor] },
    xAxis: { type: 'category', data: advice.months.map((m) => m.period) },
    yAxis: [
      { type: 'value', name: 'kWh' },
      { type: 'value', min: 0.7, max: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.kwh, type: 'bar', data: advice.months.map((m) => m.kwh) },
      {
        name: labels.powerFactor,
        type: 'line',
        yAxisIndex: 1,
        data: advice.months.map((m) => m.powerFactor),
        markLine: {
          symbol: 'none',
          label: { formatter: `${labels.target} {c}` },
          data: [{ yAxis: advice.powerFactorTarget }],
        },
      },
    ],
  });
}
