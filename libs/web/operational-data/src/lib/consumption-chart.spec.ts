import { billState, consumptionChart } from './consumption-chart';

describe('customer behaviour display', () => {
  it('charts consumption in MWh and demand in kW, month by month', () => {
    const chart = consumptionChart(
      [
        { period: '2026-01', kwh: 123456, maxDemandKw: 410, powerFactor: 0.95 },
        { period: '2026-02', kwh: 0, maxDemandKw: 0, powerFactor: 0.9 },
      ],
      (k) => k,
    ) as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(chart.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(chart.series[0].data).toEqual([123.46, 0]);
    expect(chart.series[1].data).toEqual([410, 0]);
  });

  it('tells paid, late and outstanding bills apart', () => {
    expect(billState({ outstanding: 0, daysLate: 0 })).toBe('paid');
    expect(billState({ outstanding: 0, daysLate: 5 })).toBe('late');
    expect(billState({ outstanding: 10, daysLate: 40 })).toBe('outstanding');
  });
});
