import {
  arrearsAgeingBucket,
  isKpiPeriod,
  KPI_CATALOGUE,
  KPI_CODES,
  kpiImproved,
  kpiPeriodRange,
  kpiTargetProblem,
  lastDayOfKpiPeriod,
  meetsKpiTarget,
  shiftKpiPeriod,
  sparklinePeriods,
} from './kpis';

describe('KPI catalogue', () => {
  it('defines every code once, with both names and a period and population', () => {
    expect(KPI_CATALOGUE.map((k) => k.code).sort()).toEqual([...KPI_CODES].sort());
    for (const k of KPI_CATALOGUE) {
      expect(k.name.zh && k.name.en).toBeTruthy();
      expect(k.definition.period.zh && k.definition.population.en).toBeTruthy();
      if (k.defaultTarget !== null) expect(kpiTargetProblem(k.unit, k.defaultTarget)).toBeNull();
    }
  });

  it('gives a rate a denominator and a count none', () => {
    for (const k of KPI_CATALOGUE) {
      if (k.unit === 'ratio' || k.unit === 'per_10k') expect(k.definition.denominator).not.toBeNull();
      if (k.unit === 'count') expect(k.definition.denominator).toBeNull();
    }
  });
});

describe('KPI periods', () => {
  it('accepts YYYY-MM only', () => {
    expect(isKpiPeriod('2026-11')).toBe(true);
    expect(isKpiPeriod('2026-13')).toBe(false);
    expect(isKpiPeriod('2026-1')).toBe(false);
    expect(isKpiPeriod(202611)).toBe(false);
  });

  it('spans the month, across a year end', () => {
    expect(kpiPeriodRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(lastDayOfKpiPeriod('2026-02')).toBe('2026-02-28');
  });

  it('shifts months both ways and lists the sparkline months oldest first', () => {
    expect(shiftKpiPeriod('2026-01', 1)).toBe('2025-12');
    expect(shiftKpiPeriod('2025-12', -1)).toBe('2026-01');
    expect(sparklinePeriods('2026-11')).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });
});

describe('KPI reading', () => {
  it('meets a target in the KPI direction', () => {
    expect(meetsKpiTarget('up', 0.98, 0.98)).toBe(true);
    expect(meetsKpiTarget('up', 0.97, 0.98)).toBe(false);
    expect(meetsKpiTarget('down', 23, 22)).toBe(false);
    expect(meetsKpiTarget('down', 5, null)).toBeNull();
  });

  it('tells an improvement from a worsening', () => {
    expect(kpiImproved('down', 3, 5)).toBe(true);
    expect(kpiImproved('up', 3, 5)).toBe(false);
    expect(kpiImproved('up', 5, 5)).toBeNull();
    expect(kpiImproved('up', 5, null)).toBeNull();
  });

  it('checks targets by unit', () => {
    expect(kpiTargetProblem('ratio', 1.2)?.message).toMatch(/between 0 and 1/);
    expect(kpiTargetProblem('score', 0)?.message).toMatch(/between 1 and 5/);
    expect(kpiTargetProblem('count', 2.5)?.message).toMatch(/whole/);
    expect(kpiTargetProblem('yuan', -1)?.message).toMatch(/negative/);
    expect(kpiTargetProblem('working_days', 22)).toBeNull();
    expect(kpiTargetProblem('ratio', 1.2)).toMatchObject({ field: 'target', code: 'kpi.ratio' });
  });

  it('ages arrears into the four buckets', () => {
    expect([0, 30, 31, 90, 91, 180, 181].map(arrearsAgeingBucket)).toEqual([
      'd0_30',
      'd0_30',
      'd31_90',
      'd31_90',
      'd91_180',
      'd91_180',
      'd181_plus',
    ]);
  });
});
