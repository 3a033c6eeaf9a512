import { TariffCategory } from './vocabulary';

/**
 * The energy-efficiency advice of a service task (DESIGN.md, "service plan"): a power-factor and
 * peak-shifting analysis of the customer's own 12 months of metering.
 */

/** The power factor below which the tariff adds a surcharge (功率因数调整电费), by tariff category. */
export const POWER_FACTOR_TARGETS: Record<TariffCategory, number> = {
  large_industry: 0.9,
  general_commercial: 0.85,
  other: 0.85,
  agriculture: 0.8,
};

/** Below this load factor the load is peaky: moving it to valley hours lowers the bill. */
export const PEAKY_LOAD_FACTOR = 0.4;
/** Maximum demand under this share of the contract capacity: billing by demand is cheaper. */
export const LOW_DEMAND_SHARE = 0.6;

export const ADVICE_CODES = [
  'install_compensation',
  'power_factor_good',
  'shift_peak_load',
  'bill_by_demand',
  'increase_capacity',
  'no_data',
] as const;
export type AdviceCode = (typeof ADVICE_CODES)[number];

export interface MeteredMonth {
  period: string;
  kwh: number;
  maxDemandKw: number;
  powerFactor: number;
}

export interface EnergyAdviceMonth extends MeteredMonth {
  /** Average load over the month's hours divided by the maximum demand, 0–1; null without demand. */
  loadFactor: number | null;
  belowTarget: boolean;
}

export interface EnergyAnalysis {
  powerFactorTarget: number;
  averagePowerFactor: number | null;
  monthsBelowTarget: number;
  averageLoadFactor: number | null;
  peakDemandKw: number;
  /** Peak demand over contract capacity (kW over kVA); null for a customer without a contracted capacity. */
  demandToCapacity: number | null;
  months: EnergyAdviceMonth[];
  advice: AdviceCode[];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function hoursIn(period: string): number {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate() * 24;
}

/**
 * The analysis of `months` (oldest first) for a customer of `tariff` with `capacityKva` (null: none yet, so
 * no advice on the capacity).
 */
export function analyseEnergy(
  months: MeteredMonth[],
  tariff: TariffCategory,
  capacityKva: number | null,
): EnergyAnalysis {
  const target = POWER_FACTOR_TARGETS[tariff];
  const rows = months.map((m) => ({
    ...m,
    loadFactor: m.maxDemandKw > 0 ? round(m.kwh / (m.maxDemandKw * hoursIn(m.period))) : null,
    belowTarget: m.powerFactor < target,
  }));
  const loadFactors = rows.map((r) => r.loadFactor).filter((x): x is number => x !== null);
  const average = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  const averagePowerFactor = average(rows.map((r) => r.powerFactor));
  const averageLoadFactor = average(loadFactors);
  const peakDemandKw = Math.max(0, ...rows.map((r) => r.maxDemandKw));
  const demandToCapacity = capacityKva === null ? null : round(peakDemandKw / capacityKva);
  const monthsBelowTarget = rows.filter((r) => r.belowTarget).length;
  const advice: AdviceCode[] = [];
  if (rows.length === 0) advice.push('no_data');
  else {
    advice.push(monthsBelowTarget > 0 ? 'install_compensation' : 'power_factor_good');
    if (averageLoadFactor !== null && averageLoadFactor < PEAKY_LOAD_FACTOR) advice.push('shift_peak_load');
    if (demandToCapacity !== null && demandToCapacity > 1) advice.push('increase_capacity');
    else if (demandToCapacity !== null && demandToCapacity < LOW_DEMAND_SHARE) advice.push('bill_by_demand');
  }
  return {
    powerFactorTarget: target,
    averagePowerFactor,
    monthsBelowTarget,
    averageLoadFactor,
    peakDemandKw,
    demandToCapacity,
    months: rows,
    advice,
  };
}

export interface EnergyAdvice extends EnergyAnalysis {
  customer: {
    id: string;
    accountNo: string;
    name: string;
    tariffCategory: TariffCategory;
    contractCapacityKva: number | null;
  };
  /** The 12 complete months analysed, YYYY-MM to YYYY-MM. */
  from: string | null;
  to: string | null;
}
