import { AuditFigures } from '@crm/shared/domain';
import { CHART_COLOURS, chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

/** Findings per 100 customers of each rule with findings, most first (the category axis draws bottom-up). */
export function perRuleChart(figures: AuditFigures, nameOf: (code: string) => string): EChartsCoreOption {
  const shown = figures.byRule.filter((r) => r.findings > 0).sort((a, b) => a.per100 - b.per100);
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { right: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map((r) => nameOf(r.rule)) },
    series: [{ type: 'bar', color: CHART_COLOURS.danger, barMaxWidth: 24, data: shown.map((r) => r.per100) }],
  });
}

/** Per month the findings found, rectified and verified, as three lines. */
export function trendChart(
  figures: AuditFigures,
  labels: { found: string; rectified: string; verified: string },
): EChartsCoreOption {
  const months = figures.byMonth.map((m) => m.month);
  const line = (name: string, key: 'found' | 'rectified' | 'verified', color: string) => ({
    name,
    type: 'line',
    color,
    data: figures.byMonth.map((m) => m[key]),
  });
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(labels.found, 'found', CHART_COLOURS.danger),
      line(labels.rectified, 'rectified', CHART_COLOURS.warning),
      line(labels.verified, 'verified', CHART_COLOURS.good),
    ],
  });
}
