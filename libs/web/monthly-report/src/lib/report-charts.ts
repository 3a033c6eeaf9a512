import { KpiItem, ReportLang, sparklinePeriods } from '@crm/shared/domain';
import { CHART_COLOURS, chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';
import { monthLabel } from './report-texts';

/** A figure as charted: ratios as percentages, rounded to what the report prints. */
const charted = (item: KpiItem, value: number | null) =>
  value === null ? null : item.unit === 'ratio' ? Math.round(value * 1000) / 10 : Math.round(value * 100) / 100;

/**
 * One KPI's last twelve months to `period` as a line (its month's point larger), with its target as a dashed line
 * when it has one. Drawn with the SVG renderer, so it prints.
 */
export function kpiTrendChart(
  item: KpiItem,
  period: string,
  lang: ReportLang,
  labels: { name: string; target: string },
): EChartsCoreOption {
  const months = sparklinePeriods(period);
  return chartStyle({
    animation: false,
    title: { text: labels.name, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    grid: { top: 28, left: 8, right: 16, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => monthLabel(m, lang)), axisLabel: { fontSize: 9 } },
    yAxis: {
      type: 'value',
      axisLabel: { fontSize: 9, formatter: item.unit === 'ratio' ? '{value}%' : '{value}' },
      ...(item.unit === 'count' ? { minInterval: 1 } : {}),
    },
    series: [
      {
        name: labels.name,
        type: 'line',
        color: CHART_COLOURS.primary,
        connectNulls: false,
        symbolSize: (_: unknown, p: { dataIndex: number }) => (p.dataIndex === months.length - 1 ? 8 : 4),
        data: item.sparkline.map((v) => charted(item, v)),
        ...(item.target === null
          ? {}
          : {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: CHART_COLOURS.warning },
                label: { formatter: labels.target, fontSize: 9 },
                data: [{ yAxis: charted(item, item.target) }],
              },
            }),
      },
    ],
  });
}
