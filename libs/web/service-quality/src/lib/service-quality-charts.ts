import {
  chinaDate,
  COMPLAINT_TOPICS,
  WorkOrderFigure,
  WorkOrderFilter,
  WorkOrderReference,
  WorkOrderReport,
  WorkOrderVolumeCell,
} from '@crm/shared/domain';
import { CHART_COLOURS, chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

/** A chart item that opens the orders behind it (the page reads `filter` from the clicked item). */
export interface ChartItem {
  value: number;
  filter: WorkOrderFilter;
}

/** The name of a code (channel, type, topic, score) in the current language. */
export type NameOf = (code: string) => string;

const item = (f: WorkOrderFigure): ChartItem => ({ value: f.count, filter: f.filter });

/** Orders per month stacked by code (type or channel), codes in the reference order, those without orders left out. */
export function stackedByMonthChart(
  months: readonly string[],
  cells: readonly WorkOrderVolumeCell[],
  codes: readonly string[],
  nameOf: NameOf,
): EChartsCoreOption {
  const present = codes.filter((code) => cells.some((c) => c.code === code));
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: {},
    xAxis: { type: 'category', data: [...months] },
    yAxis: { type: 'value', minInterval: 1 },
    series: present.map((code) => ({
      name: nameOf(code),
      type: 'bar',
      stack: 'orders',
      cursor: 'pointer',
      data: months.map((month) => {
        const cell = cells.find((c) => c.month === month && c.code === code);
        return cell ? item(cell.orders) : null;
      }),
    })),
  });
}

/** The complaint topics with most orders in the period, most first (at most `limit`). */
export function topComplaintTopicsChart(
  report: WorkOrderReport,
  complaintTopics: readonly string[],
  nameOf: NameOf,
  limit = 10,
): EChartsCoreOption {
  const top = report.volume.topics.filter((t) => complaintTopics.includes(t.code)).slice(0, limit);
  const shown = [...top].reverse(); // the category axis draws bottom-up
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { right: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((t) => nameOf(t.code)) },
    series: [
      {
        type: 'bar',
        cursor: 'pointer',
        color: CHART_COLOURS.danger,
        barMaxWidth: 24,
        data: shown.map((t) => item(t.orders)),
      },
    ],
  });
}

/** The average satisfaction of each owner's rated orders (1–5); the bar opens the rated orders. */
export function satisfactionByManagerChart(report: WorkOrderReport, label: string): EChartsCoreOption {
  const rated = report.byManager.filter((m) => m.satisfaction.average !== null);
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { top: 24 },
    xAxis: { type: 'category', data: rated.map((m) => m.manager.displayName) },
    yAxis: { type: 'value', min: 0, max: 5 },
    series: [
      {
        name: label,
        type: 'bar',
        cursor: 'pointer',
        barMaxWidth: 40,
        data: rated.map((m) => ({ value: m.satisfaction.average, filter: m.satisfaction.rated.filter })),
      },
    ],
  });
}

/** How many rated orders got each score 1 to 5. */
export function satisfactionDistributionChart(report: WorkOrderReport, scoreLabel: NameOf): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'].map(scoreLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        cursor: 'pointer',
        color: CHART_COLOURS.good,
        barMaxWidth: 40,
        data: report.satisfaction.distribution.map(item),
      },
    ],
  });
}

/** One chart card of the page: the i18n key of its title, the chart, its height and test id. */
export interface ReportChart {
  title: string;
  options: EChartsCoreOption;
  height: string;
  testId?: string;
}

/**
 * The page's charts in order: orders by type and by channel per month, the top complaint topics, satisfaction by
 * manager and its distribution. `nameOf` names the codes of a reference list, `t` translates a key.
 */
export function reportCharts(
  report: WorkOrderReport,
  reference: WorkOrderReference | null,
  nameOf: (kind: keyof WorkOrderReference) => NameOf,
  t: (key: string, params?: Record<string, unknown>) => string,
): ReportChart[] {
  const codes = (kind: keyof WorkOrderReference) => reference?.[kind].map((x) => x.code) ?? [];
  const { months, volume } = report;
  return [
    {
      title: 'serviceQuality.byType',
      options: stackedByMonthChart(months, volume.byType, codes('types'), nameOf('types')),
      height: '300px',
      testId: 'chart-by-type',
    },
    {
      title: 'serviceQuality.byChannel',
      options: stackedByMonthChart(months, volume.byChannel, codes('channels'), nameOf('channels')),
      height: '300px',
      testId: 'chart-by-channel',
    },
    {
      title: 'serviceQuality.topComplaintTopics',
      options: topComplaintTopicsChart(report, COMPLAINT_TOPICS, nameOf('topics')),
      height: '300px',
      testId: 'chart-topics',
    },
    {
      title: 'serviceQuality.satisfactionByManager',
      options: satisfactionByManagerChart(report, t('serviceQuality.satisfaction')),
      height: '300px',
      testId: 'chart-satisfaction',
    },
    {
      title: 'serviceQuality.distribution',
      options: satisfactionDistributionChart(report, (score) => t('serviceQuality.score', { score })),
      height: '240px',
    },
  ];
}

/** A figure's filter as the requests list's URL shows it: China dates, the last day included. */
export function listFilter(filter: WorkOrderFilter): Record<string, string> {
  const { from, to, ...rest } = filter;
  return { ...rest, from: chinaDate(new Date(from)), to: chinaDate(new Date(Date.parse(to) - 1)) } as Record<
    string,
    string
  >;
}

/** The report with the filter of every figure in it turned into the requests list's URL form. */
export function withListFilters<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withListFilters) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === 'filter' ? listFilter(v as WorkOrderFilter) : withListFilters(v),
    ]),
  ) as T;
}
