import { BlacklistReason, CREDIT_RATINGS, CreditRating, CreditSummary } from '@crm/shared/domain';
import { CHART_COLOURS, chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

/** Tag and bar colours of the credit ratings, best (green) to worst (red). */
export const RATING_COLOURS: Record<CreditRating, string> = {
  AAA: CHART_COLOURS.good,
  AA: '#13c2c2',
  A: CHART_COLOURS.primary,
  B: CHART_COLOURS.warning,
  C: CHART_COLOURS.danger,
};

/** nz-tag colour presets of the ratings. */
const RATING_TAG_COLOURS: Record<CreditRating, string> = {
  AAA: 'green',
  AA: 'cyan',
  A: 'blue',
  B: 'orange',
  C: 'red',
};

export function ratingTagColour(rating: CreditRating | null | undefined): string {
  return rating ? RATING_TAG_COLOURS[rating] : 'default';
}

/** One row per rating in AAA..C order; a rating the summary lacks counts 0 customers and 0 arrears. */
export function ratingRows(summary: CreditSummary | null | undefined): {
  rating: CreditRating;
  customers: number;
  arrears: number;
}[] {
  return CREDIT_RATINGS.map((rating) => {
    const row = summary?.ratings.find((r) => r.rating === rating);
    return { rating, customers: row?.customers ?? 0, arrears: row?.arrears ?? 0 };
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * ECharts option of the credit summary: customers per rating as bars (left axis) and their arrears as a line
 * (right axis, yuan), in AAA..C order. `t` translates the series names.
 */
export function ratingChartOption(
  summary: CreditSummary | null | undefined,
  t: (key: string) => string = (key) => key,
): EChartsCoreOption {
  const rows = ratingRows(summary);
  const customers = t('creditRisk.customers');
  const arrears = t('creditRisk.arrears');
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { data: [customers, arrears] },
    xAxis: { type: 'category', data: rows.map((r) => r.rating) },
    yAxis: [
      { type: 'value', name: customers, minInterval: 1 },
      { type: 'value', name: arrears, splitLine: { show: false } },
    ],
    series: [
      {
        name: customers,
        type: 'bar',
        data: rows.map((r) => r.customers),
        itemStyle: { color: (p: { dataIndex: number }) => RATING_COLOURS[CREDIT_RATINGS[p.dataIndex]] },
      },
      {
        name: arrears,
        type: 'line',
        yAxisIndex: 1,
        color: CHART_COLOURS.danger,
        data: rows.map((r) => round2(r.arrears)),
      },
    ],
  });
}

/** Customers blacklisted for a reason (0 when the summary does not list it). */
export function blacklistedFor(summary: CreditSummary | null | undefined, reason: BlacklistReason): number {
  return summary?.blacklisted.find((b) => b.reason === reason)?.customers ?? 0;
}

/** Every blacklisted customer, whatever the reason. */
export function blacklistedTotal(summary: CreditSummary | null | undefined): number {
  return (summary?.blacklisted ?? []).reduce((sum, b) => sum + b.customers, 0);
}

/** The arrears of every rating together. */
export function totalArrears(summary: CreditSummary | null | undefined): number {
  return round2((summary?.ratings ?? []).reduce((sum, r) => sum + r.arrears, 0));
}

/** Whether the rating went down from `previous` (AAA best, C worst); false without a previous rating. */
export function ratingFell(previous: CreditRating | null | undefined, current: CreditRating): boolean {
  return !!previous && CREDIT_RATINGS.indexOf(current) > CREDIT_RATINGS.indexOf(previous);
}
