import {
  blacklistedFor,
  blacklistedTotal,
  ratingChartOption,
  ratingFell,
  ratingRows,
  ratingTagColour,
  totalArrears,
} from './credit-charts';
import { CreditSummary } from '@crm/shared/domain';

const summary: CreditSummary = {
  // Out of order and without AA: the chart puts them in AAA..C order and fills the gap with 0.
  ratings: [
    { rating: 'C', customers: 2, arrears: 150000.456 },
    { rating: 'AAA', customers: 40, arrears: 0 },
    { rating: 'A', customers: 25, arrears: 1200 },
    { rating: 'B', customers: 8, arrears: 30000 },
  ],
  blacklisted: [
    { reason: 'theft', customers: 1 },
    { reason: 'rating_c', customers: 2 },
  ],
  downgraded: 3,
};

type ChartShape = {
  xAxis: { data: string[] };
  series: { type: string; name: string; yAxisIndex?: number; data: number[] }[];
};

describe('credit charts', () => {
  it('returns the customers per rating in AAA..C order, missing ratings as 0', () => {
    const chart = ratingChartOption(summary) as ChartShape;
    expect(chart.xAxis.data).toEqual(['AAA', 'AA', 'A', 'B', 'C']);
    expect(chart.series[0]).toMatchObject({ type: 'bar', data: [40, 0, 25, 8, 2] });
  });

  it('plots the arrears per rating on the second axis, rounded to fen', () => {
    const chart = ratingChartOption(summary) as ChartShape;
    expect(chart.series[1]).toMatchObject({ yAxisIndex: 1, data: [0, 0, 1200, 30000, 150000.46] });
  });

  it('names the series through the translation function', () => {
    const chart = ratingChartOption(summary, (key) => `«${key}»`) as ChartShape;
    expect(chart.series.map((s) => s.name)).toEqual(['«creditRisk.customers»', '«creditRisk.arrears»']);
  });

  it('keeps the legend above the names of both axes, clear of them', () => {
    const chart = ratingChartOption(summary) as unknown as {
      legend: { top: number };
      grid: { top: number };
      xAxis: { axisLabel: { interval: number } };
    };
    expect(chart.legend.top).toBe(0);
    // A legend row (28 px) and the axis names (24 px) above the plot.
    expect(chart.grid.top).toBeGreaterThanOrEqual(28 + 24);
    expect(chart.xAxis.axisLabel.interval).toBe(0);
  });

  it('draws an empty chart without a summary', () => {
    const chart = ratingChartOption(null) as ChartShape;
    expect(chart.series[0].data).toEqual([0, 0, 0, 0, 0]);
    expect(ratingRows(undefined)).toHaveLength(5);
  });

  it('counts the blacklisted customers by reason and in all', () => {
    expect(blacklistedFor(summary, 'theft')).toBe(1);
    expect(blacklistedFor(summary, 'rating_c')).toBe(2);
    expect(blacklistedFor({ ...summary, blacklisted: [] }, 'theft')).toBe(0);
    expect(blacklistedTotal(summary)).toBe(3);
    expect(blacklistedTotal(null)).toBe(0);
  });

  it('adds up the arrears', () => {
    expect(totalArrears(summary)).toBe(181200.46);
  });

  it('tells a fallen rating from an unchanged or a better one', () => {
    expect(ratingFell('AA', 'B')).toBe(true);
    expect(ratingFell('B', 'B')).toBe(false);
    expect(ratingFell('C', 'A')).toBe(false);
    expect(ratingFell(null, 'C')).toBe(false);
  });

  it('colours the rating tags from green to red', () => {
    expect(ratingTagColour('AAA')).toBe('green');
    expect(ratingTagColour('C')).toBe('red');
    expect(ratingTagColour(null)).toBe('default');
  });
});
