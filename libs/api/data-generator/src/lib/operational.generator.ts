import { addCalendarDays, chinaDate } from '@crm/shared/domain';
import { GeneratedCustomer, INDUSTRY_PROFILES } from './customers.generator';
import { Random } from './random';

export interface GeneratedMonth {
  /** First day of the month, YYYY-MM-01. */
  period: string;
  kwh: number;
  maxDemandKw: number;
  powerFactor: number;
}

export interface GeneratedBill {
  period: string;
  amount: number;
  dueDate: string;
}

export interface GeneratedPayment {
  period: string;
  paidAt: string;
  amount: number;
}

export interface GeneratedOperationalData {
  consumption: GeneratedMonth[];
  bills: GeneratedBill[];
  payments: GeneratedPayment[];
  violations: { occurredOn: string; kind: 'violation' | 'theft'; description: string; penalty: number }[];
  disconnections: { noticeDate: string; disconnectedOn: string | null; restoredOn: string | null }[];
}

/** Monthly load shape (Jan…Dec) by kind of customer: Spring Festival dip, summer air-conditioning peak. */
const SEASONS: Record<string, number[]> = {
  factory: [0.95, 0.62, 1.0, 1.02, 1.03, 1.04, 1.08, 1.08, 1.02, 0.95, 1.03, 1.08],
  commerce: [1.05, 0.95, 0.88, 0.86, 0.95, 1.12, 1.32, 1.34, 1.12, 0.92, 0.9, 1.02],
  farm: [0.7, 0.65, 0.9, 1.1, 1.2, 1.25, 1.3, 1.25, 1.1, 0.95, 0.85, 0.75],
  flat: [1, 0.97, 1, 1, 1, 1.02, 1.05, 1.05, 1.02, 1, 1, 1],
};

/** Tariff per kWh (yuan) and the monthly basic charge per kVA of large-industry customers. */
const PRICE_PER_KWH: Record<string, number> = {
  large_industry: 0.62,
  general_commercial: 0.72,
  agriculture: 0.5,
  other: 0.7,
};
const BASIC_CHARGE_PER_KVA = 22;

type PayerKind = 'prompt' | 'late' | 'chronic';

function seasonOf(industry: string): number[] {
  const profile = INDUSTRY_PROFILES.find((p) => p.code === industry);
  if (!profile) return SEASONS['factory'];
  if (profile.tariff === 'agriculture') return SEASONS['farm'];
  if (['hotel', 'mall', 'hospital', 'school', 'government'].includes(profile.style)) return SEASONS['commerce'];
  if (['datacenter', 'water', 'transport'].includes(profile.style)) return SEASONS['flat'];
  return SEASONS['factory'];
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * `months` months of behaviour up to the month before `now` for one customer: consumption with its
 * industry's seasons, a growth or decline trend and noise; a few zero-consumption and out-of-line months; bills
 * at the tariff; payments by a prompt, late or chronic payer (some bills left unpaid); rare violations and theft;
 * disconnections of chronic payers (a few without the full notice; most of them paid afterwards and restored, a few
 * late). Only months when the customer was connected. Deterministic for a seed.
 */
export function generateOperationalData(
  r: Random,
  customer: GeneratedCustomer,
  months: number,
  now: Date,
): GeneratedOperationalData {
  const data: GeneratedOperationalData = {
    consumption: [],
    bills: [],
    payments: [],
    violations: [],
    disconnections: [],
  };
  if (customer.stage === 'applying' || customer.stage === 'connecting') return data;
  const today = chinaDate(now);
  const lastPeriod = addMonths(monthStart(today), -1);
  const firstConnected = addMonths(monthStart(chinaDate(customer.createdAt)), 1);
  const season = seasonOf(customer.industry);
  const utilisation = 0.18 + r.next() * 0.4;
  const loadFactor = 0.35 + r.next() * 0.35;
  const growth = r.normal() * 0.08 + 0.03; // per year
  const pfBase = Math.min(0.99, 0.86 + r.next() * 0.12);
  const payer: PayerKind = r.weighted([
    ['prompt', 80],
    ['late', 15],
    ['chronic', 5],
  ] as const);
  const zeroFrom = customer.stage === 'active' && r.chance(0.015) ? r.int(2, 3) : 0;
  const suspendedFrom = customer.stage === 'suspended' ? r.int(2, 8) : 0;
  const closedBefore = customer.stage === 'closed' ? r.int(1, 12) : 0;
  // Rarely, last month's reading is out of line with the customer's history (a misread meter, a wrong multiplier).
  const lastMonthFactor = customer.stage === 'active' && !zeroFrom && r.chance(0.01) ? r.pick([0.1, 0.2, 5, 10]) : 1;
  const price = PRICE_PER_KWH[customer.tariffCategory] ?? 0.7;

  for (let i = months - 1; i >= 0; i--) {
    const period = addMonths(lastPeriod, -i);
    if (period < firstConnected || i < closedBefore) continue;
    const month = Number(period.slice(5, 7)) - 1;
    const trend = Math.pow(1 + growth, (months - i) / 12);
    const idle = i < zeroFrom || i < suspendedFrom;
    const kwh = idle
      ? 0
      : round2(
          customer.contractCapacityKva *
            pfBase *
            utilisation *
            730 *
            season[month] *
            trend *
            (1 + r.normal() * 0.06) *
            (i === 0 ? lastMonthFactor : 1),
        );
    const maxDemandKw = idle ? 0 : round2(Math.min(customer.contractCapacityKva * 0.95, kwh / (730 * loadFactor)));
    const powerFactor = Math.round(Math.min(0.999, Math.max(0.7, pfBase + r.normal() * 0.015)) * 1000) / 1000;
    data.consumption.push({ period, kwh: Math.max(0, kwh), maxDemandKw: Math.max(0, maxDemandKw), powerFactor });

    const basic =
      customer.tariffCategory === 'large_industry' && !idle ? customer.contractCapacityKva * BASIC_CHARGE_PER_KVA : 0;
    const amount = round2(Math.max(0, kwh) * price + basic);
    const dueDate = `${addMonths(period, 1).slice(0, 8)}25`;
    data.bills.push({ period, amount, dueDate });
    if (amount === 0) continue;

    const lateDays =
      payer === 'prompt'
        ? r.chance(0.03)
          ? r.int(1, 5)
          : -r.int(0, 10)
        : payer === 'late'
          ? r.chance(0.5)
            ? r.int(1, 25)
            : -r.int(0, 5)
          : r.chance(0.7)
            ? r.int(20, 90)
            : r.int(-3, 10);
    const paidAt = addCalendarDays(dueDate, lateDays);
    if (paidAt > today) continue; // not paid yet: outstanding
    if (r.chance(0.08)) {
      const first = round2(amount * (0.3 + r.next() * 0.4));
      data.payments.push({ period, paidAt: addCalendarDays(paidAt, -r.int(3, 10)), amount: first });
      data.payments.push({ period, paidAt, amount: round2(amount - first) });
    } else {
      data.payments.push({ period, paidAt, amount });
    }
  }

  if (r.chance(0.02) && data.consumption.length) {
    data.violations.push({
      occurredOn: addCalendarDays(r.pick(data.consumption).period, r.int(0, 27)),
      kind: 'violation',
      description: r.pick(['私自增容', '擅自改变用电类别', '私自迁移计量装置']),
      penalty: round2(customer.contractCapacityKva * r.int(20, 50)),
    });
  }
  if (r.chance(0.004) && data.consumption.length) {
    data.violations.push({
      occurredOn: addCalendarDays(r.pick(data.consumption).period, r.int(0, 27)),
      kind: 'theft',
      description: '绕越计量装置窃电',
      penalty: round2(customer.contractCapacityKva * r.int(100, 300)),
    });
  }
  if (payer === 'chronic') {
    const unpaid = data.bills.find(
      (b) =>
        b.amount > 0 && !data.payments.some((p) => p.period === b.period) && addCalendarDays(b.dueDate, 30) < today,
    );
    if (unpaid) {
      const noticeDate = addCalendarDays(unpaid.dueDate, 30);
      // The notice is due 7 days before; a few were disconnected sooner.
      const disconnectOn = addCalendarDays(noticeDate, r.chance(0.2) ? r.int(2, 6) : 7);
      const disconnectedOn = disconnectOn <= today ? disconnectOn : null;
      const restoredOn = disconnectedOn && r.chance(0.6) ? payArrears(r, data, disconnectedOn, today) : null;
      data.disconnections.push({ noticeDate, disconnectedOn, restoredOn });
    }
  }
  return data;
}

/**
 * The customer pays the arrears of a disconnection (the bills due before it and not settled before it) some days
 * after it; power comes back that day or the next, a few times days later (restoration late). Returns the day of
 * restoration, null while it is still to come; nothing is paid after today.
 */
function payArrears(r: Random, data: GeneratedOperationalData, disconnectedOn: string, today: string): string | null {
  const paidOn = addCalendarDays(disconnectedOn, r.int(0, 20));
  const restoreAfter = r.chance(0.35) ? r.int(2, 6) : r.int(0, 1);
  if (paidOn > today) return null;
  let paidInFull = paidOn;
  for (const b of data.bills) {
    if (b.amount === 0 || b.dueDate >= disconnectedOn) continue;
    const s = settlementOf(
      b.amount,
      data.payments.filter((p) => p.period === b.period),
    );
    if (s.settledOn === null)
      data.payments.push({ period: b.period, paidAt: paidOn, amount: round2(b.amount - s.paidAmount) });
    else if (s.settledOn >= disconnectedOn && s.settledOn > paidInFull) paidInFull = s.settledOn;
  }
  const restoredOn = addCalendarDays(paidInFull, restoreAfter);
  return restoredOn <= today ? restoredOn : null;
}

export interface Settlement {
  paidAmount: number;
  lastPaidAt: string | null;
  /** The day the running total of the payments, by date, reached the amount; null while it has not. */
  settledOn: string | null;
}

/** What a bill's payments add up to: the rule of the bills table's settle_bills (SettleBills migration). */
export function settlementOf(amount: number, payments: readonly GeneratedPayment[]): Settlement {
  const byDate = [...payments].sort((a, b) => (a.paidAt < b.paidAt ? -1 : a.paidAt > b.paidAt ? 1 : 0));
  const cents = Math.round(amount * 100);
  let paid = 0;
  let settledOn: string | null = null;
  for (const p of byDate) {
    paid += Math.round(p.amount * 100);
    if (settledOn === null && paid >= cents) settledOn = p.paidAt;
  }
  return { paidAmount: paid / 100, lastPaidAt: byDate.at(-1)?.paidAt ?? null, settledOn };
}
