import { AuditFigures } from '@crm/shared/domain';
import type { EChartsCoreOption } from 'echarts/core';

/** Findings per 100 customers of each rule with findings, most first (the category axis draws bottom-up). */
export function perRuleChart(figures: AuditFigures, nameOf: (code: string) => string): EChartsCoreOption {
  const shown = figures.byRule.filter((r) => r.findings > 0).sort((a, b) => a.per100 - b.per100);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { top: 8, left: 8, right: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map((r) => nameOf(r.rule)) },
    series: [{ type: 'bar', color: '#cf1322', barMaxWidth: 24, data: shown.map((r) => r.per100) }],
  };
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
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 40, left: 8, right: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(labels.found, 'found', '#cf1322'),
      line(labels.rectified, 'rectified', '#d48806'),
      line(labels.verified, 'verified', '#389e0d'),
    ],
  };
}
