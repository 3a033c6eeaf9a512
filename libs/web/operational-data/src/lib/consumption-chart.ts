import { ConsumptionMonth } from '@crm/shared/domain';
import { chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

/** Monthly consumption (bars, MWh) and maximum demand (line, kW) on two axes. */
export function consumptionChart(months: ConsumptionMonth[], t: (key: string) => string): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('behaviour.kwh'), t('behaviour.maxDemand')] },
    xAxis: { type: 'category', data: months.map((m) => m.period) },
    yAxis: [
      { type: 'value', name: 'MWh' },
      { type: 'value', name: 'kW' },
    ],
    series: [
      { name: t('behaviour.kwh'), type: 'bar', data: months.map((m) => Math.round(m.kwh / 10) / 100) },
      { name: t('behaviour.maxDemand'), type: 'line', yAxisIndex: 1, data: months.map((m) => m.maxDemandKw) },
    ],
  });
}

/** paid, late (paid after the due date), or outstanding. */
export function billState(bill: { outstanding: number; daysLate: number }): 'paid' | 'late' | 'outstanding' {
  if (bill.outstanding > 0) return 'outstanding';
  return bill.daysLate > 0 ? 'late' : 'paid';
}
