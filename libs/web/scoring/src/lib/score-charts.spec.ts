import { concentrationChart, factorChart, tierChart } from './score-charts';
import type { VipSummary } from '@crm/shared/domain';

const t = (key: string) => key;
type Series = { data: unknown[] }[];

describe('score charts', () => {
  it('shows each factor next to the most it could have contributed', () => {
    const option = factorChart(
      [
        { key: 'consumption', value: 1, normalised: 50, weight: 0.3, contribution: 15 },
        { key: 'growth', value: 0, normalised: 100, weight: 0.15, contribution: 15 },
      ],
      t,
    ) as { series: Series; xAxis: { max: number } };
    expect(option.series[0].data).toEqual([30, 15]);
    expect(option.series[1].data).toEqual([15, 15]);
    expect(option.xAxis.max).toBe(30);
  });

  it('labels every factor bar: the five of the VIP model, the six of the credit model', () => {
    const keys = ['consumption', 'revenue', 'growth', 'importance', 'payment', 'arrears'];
    for (const n of [5, 6]) {
      const factors = keys
        .slice(0, n)
        .map((key) => ({ key, value: 1, normalised: 50, weight: 1 / n, contribution: 10 }));
      const option = factorChart(factors, t) as {
        yAxis: { data: string[]; axisLabel: { interval: number } };
        tooltip: { trigger: string };
      };
      expect(option.yAxis.data).toHaveLength(n);
      expect(option.yAxis.axisLabel.interval).toBe(0);
      expect(option.tooltip.trigger).toBe('axis');
    }
  });

  const summary: VipSummary = {
    runId: 1,
    computedAt: null,
    modelVersion: 1,
    customers: 10,
    revenue: 100,
    tiers: [
      { tier: 'gold', customers: 3, revenue: 60 },
      { tier: 'standard', customers: 7, revenue: 40 },
    ],
    concentration: [
      { topPercent: 1, revenueShare: 0.3345 },
      { topPercent: 5, revenueShare: 0.5 },
      { topPercent: 20, revenueShare: 0.9 },
    ],
  };

  it('puts every tier in the doughnut, in order, with zero where there is none', () => {
    const option = tierChart(summary, t) as { series: { data: { name: string; value: number }[] }[] };
    expect(option.series[0].data.map((d) => [d.name, d.value])).toEqual([
      ['scores.tier.platinum', 0],
      ['scores.tier.gold', 3],
      ['scores.tier.silver', 0],
      ['scores.tier.standard', 7],
    ]);
  });

  it('gives revenue concentration in per cent with one decimal', () => {
    expect((concentrationChart(summary, t) as { series: Series }).series[0].data).toEqual([33.5, 50, 90]);
  });
});
