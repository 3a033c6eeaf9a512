import { analyseEnergy } from './energy-advice';

describe('analyseEnergy', () => {
  it('finds the months below the power-factor target and a peaky load (hand-computed)', () => {
    // February 2026: 672 hours. 67,200 kWh at 400 kW peak: load factor 0.25.
    // March: 744 hours. 297,600 kWh at 500 kW: 0.8.
    const result = analyseEnergy(
      [
        { period: '2026-02', kwh: 67_200, maxDemandKw: 400, powerFactor: 0.88 },
        { period: '2026-03', kwh: 297_600, maxDemandKw: 500, powerFactor: 0.92 },
      ],
      'large_industry',
      1000,
    );
    expect(result.months.map((m) => [m.loadFactor, m.belowTarget])).toEqual([
      [0.25, true],
      [0.8, false],
    ]);
    expect(result).toMatchObject({
      powerFactorTarget: 0.9,
      averagePowerFactor: 0.9,
      monthsBelowTarget: 1,
      averageLoadFactor: 0.525,
      peakDemandKw: 500,
      demandToCapacity: 0.5,
      advice: ['install_compensation', 'bill_by_demand'],
    });
  });

  it('applies the target of the tariff and advises more capacity when demand exceeds it', () => {
    const month = { period: '2026-04', kwh: 100_000, maxDemandKw: 900, powerFactor: 0.86 };
    expect(analyseEnergy([month], 'general_commercial', 800)).toMatchObject({
      powerFactorTarget: 0.85,
      monthsBelowTarget: 0,
      demandToCapacity: 1.125,
      advice: ['power_factor_good', 'shift_peak_load', 'increase_capacity'],
    });
  });

  it('says so when there is nothing to analyse', () => {
    expect(analyseEnergy([], 'agriculture', 500)).toMatchObject({
      averagePowerFactor: null,
      averageLoadFactor: null,
      peakDemandKw: 0,
      advice: ['no_data'],
    });
  });

  it('gives no advice on the capacity of a customer that has none yet', () => {
    const month = { period: '2026-04', kwh: 100_000, maxDemandKw: 900, powerFactor: 0.86 };
    expect(analyseEnergy([month], 'general_commercial', null)).toMatchObject({
      peakDemandKw: 900,
      demandToCapacity: null,
      advice: ['power_factor_good', 'shift_peak_load'],
    });
  });
});
