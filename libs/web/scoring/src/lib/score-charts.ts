import { CustomerScores, FactorScore, VIP_TIERS, VipSummary, VipTier } from '@crm/shared/domain';
import { CHART_COLOURS, chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

export const TIER_COLOURS: Record<VipTier, string> = {
  platinum: '#722ed1',
  gold: '#d4b106',
  silver: '#8c8c8c',
  standard: '#1677ff',
};

/**
 * A score's factors as horizontal bars: what each contributed, next to the most it could have (its weight × 100).
 * `t` translates.
 */
export function factorChart(factors: readonly FactorScore[], t: (key: string) => string): EChartsCoreOption {
  const names = factors.map((f) => t(`scores.factor.${f.key}`));
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [t('scores.contribution'), t('scores.possible')] },
    grid: { right: 40 },
    xAxis: { type: 'value', max: 100 * Math.max(...factors.map((f) => f.weight), 0.01) },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        name: t('scores.possible'),
        type: 'bar',
        barGap: '-100%',
        itemStyle: { color: CHART_COLOURS.track },
        data: factors.map((f) => Math.round(f.weight * 10000) / 100),
      },
      {
        name: t('scores.contribution'),
        type: 'bar',
        label: { show: true, position: 'right' },
        data: factors.map((f) => f.contribution),
      },
    ],
  });
}

/** Both scores over the runs, oldest first. */
export function historyChart(history: CustomerScores['history'], t: (key: string) => string): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('scores.vip'), t('scores.credit')] },
    xAxis: { type: 'category', data: history.map((h) => h.asOf) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { name: t('scores.vip'), type: 'line', data: history.map((h) => h.vipScore) },
      { name: t('scores.credit'), type: 'line', data: history.map((h) => h.creditScore) },
    ],
  });
}

/** Customers per tier as a doughnut, coloured by tier. */
export function tierChart(summary: VipSummary, t: (key: string) => string): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {},
    series: [
      {
        type: 'pie',
        center: ['50%', '58%'],
        radius: ['35%', '65%'],
        data: VIP_TIERS.map((tier) => ({
          name: t(`scores.tier.${tier}`),
          value: summary.tiers.find((x) => x.tier === tier)?.customers ?? 0,
          itemStyle: { color: TIER_COLOURS[tier] },
        })),
      },
    ],
  });
}

/** The share of revenue of the top 1 %, 5 % and 20 % of customers, in per cent. */
export function concentrationChart(summary: VipSummary, t: (key: string) => string): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v} %` },
    xAxis: {
      type: 'category',
      data: summary.concentration.map((c) => t(`scores.top`).replace('{{n}}', String(c.topPercent))),
    },
    grid: { top: 24 },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        label: { show: true, position: 'top', formatter: '{c} %' },
        data: summary.concentration.map((c) => Math.round(c.revenueShare * 1000) / 10),
      },
    ],
  });
}
