import { SegmentSnapshot } from '@crm/shared/domain';
import { CHART_COLOURS, chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';
import { ShareRow } from './distribution-shares';

/** The size at each daily snapshot as a line (left axis), the customers who joined and left as bars (right axis). */
export function snapshotChart(snapshots: readonly SegmentSnapshot[], t: (key: string) => string): EChartsCoreOption {
  const [size, joined, left] = [t('segments.size'), t('segments.joined'), t('segments.left')];
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [size, joined, left] },
    // The axis shows the month and day, the tooltip the whole date.
    xAxis: {
      type: 'category',
      data: snapshots.map((s) => s.takenOn),
      axisLabel: { formatter: (day: string) => day.slice(5) },
    },
    yAxis: [
      { type: 'value', name: size, minInterval: 1, scale: true },
      { type: 'value', name: `${joined} / ${left}`, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: size, type: 'line', data: snapshots.map((s) => s.size) },
      {
        name: joined,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: CHART_COLOURS.good },
        data: snapshots.map((s) => s.joined),
      },
      {
        name: left,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: CHART_COLOURS.danger },
        data: snapshots.map((s) => s.left),
      },
    ],
  });
}

/** A dimension's shares of the segment next to the population's, as horizontal bars in per cent. */
export function shareChart(
  rows: readonly ShareRow[],
  label: (value: string | null) => string,
  t: (key: string) => string,
): EChartsCoreOption {
  const [segment, population] = [t('segments.segmentShare'), t('segments.populationShare')];
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v} %` },
    legend: { top: 0, data: [segment, population] },
    grid: { right: 40 },
    xAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => label(r.value)),
    },
    series: [
      { name: segment, type: 'bar', data: rows.map((r) => r.segment) },
      { name: population, type: 'bar', itemStyle: { color: CHART_COLOURS.muted }, data: rows.map((r) => r.population) },
    ],
  });
}

/** The points of an SVG polyline drawing `values` (oldest first) across a width × height box, highest at the top. */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const range = Math.max(...values) - min;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return values
    .map((v, i) => `${round(i * step)},${round(range ? height - ((v - min) / range) * height : height / 2)}`)
    .join(' ');
}
