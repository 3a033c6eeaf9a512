import { analyseEnergy, EnergyAdvice } from '@crm/shared/domain';
import { energyChart } from './energy-chart';

describe('energyChart', () => {
  it('draws the months as bars and the power factor against its target', () => {
    const months = [
      { period: '2026-02', kwh: 67_200, maxDemandKw: 400, powerFactor: 0.88 },
      { period: '2026-03', kwh: 297_600, maxDemandKw: 500, powerFactor: 0.92 },
    ];
    const advice: EnergyAdvice = {
      customer: { id: 'c', accountNo: '1', name: 'x', tariffCategory: 'large_industry', contractCapacityKva: 1000 },
      from: '2026-02',
      to: '2026-03',
      ...analyseEnergy(months, 'large_industry', 1000),
    };
    const chart = energyChart(advice, { kwh: 'kWh', powerFactor: 'PF', target: 'target' }) as {
      xAxis: { data: string[] };
      series: { data: number[]; markLine?: { data: { yAxis: number }[] } }[];
    };
    expect(chart.xAxis.data).toEqual(['2026-02', '2026-03']);
    expect(chart.series[0].data).toEqual([67_200, 297_600]);
    expect(chart.series[1].data).toEqual([0.88, 0.92]);
    expect(chart.series[1].markLine?.data).toEqual([{ yAxis: 0.9 }]);
  });
});
