import { ruleDetail } from './errors';
import { MessageCode } from './messages';
import { ErrorDetail } from './api-types';
import { PersonRef } from './customer';
import { ImportanceClass } from './vocabulary';

/** DESIGN.md, "Scoring": the VIP value score and the credit score, both 0–100 and explainable. */
export const VIP_TIERS = ['platinum', 'gold', 'silver', 'standard'] as const;
export type VipTier = (typeof VIP_TIERS)[number];

export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];

export const PAYMENT_METHODS = ['monthly_postpaid', 'monthly_with_reminders', 'split_billing', 'prepayment'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Why a customer is on the blacklist: a C rating, or any theft (窃电) in 24 months. */
export const BLACKLIST_REASONS = ['theft', 'rating_c'] as const;
export type BlacklistReason = (typeof BLACKLIST_REASONS)[number];

/**
 * The VIP factors, in the order scores store them. Every one but `importance` is normalised to its
 * percentile (0–100) among the scored customers:
 * - consumption: kWh of the last 12 complete months;
 * - revenue: the amount billed for those months;
 * - growth: the 12 months' kWh against the 12 before (0.1 = 10 % more), plus the capacity added by
 *   capacity increases completed in the last 12 months as a share of the contract capacity;
 * - importance: the important-customer class, by IMPORTANCE_POINTS (not a percentile);
 * - paymentReliability: the share of the last 12 months' bills paid by their due date.
 */
export const VIP_FACTORS = ['consumption', 'revenue', 'growth', 'importance', 'paymentReliability'] as const;
export type VipFactor = (typeof VIP_FACTORS)[number];

/**
 * The credit factors, in the order scores store them. Each raw value becomes 0–100 by its CREDIT_CURVES:
 * - onTimeRatio: the share of bills due in the last 12 months that were paid by their due date (1 without bills);
 * - averageDaysLate: the average days late of those bills (paid late, or still unpaid to today);
 * - arrears: what is overdue now, in months of the customer's average bill;
 * - arrearsAge: days since the due date of the oldest overdue unpaid bill;
 * - disconnections: disconnections for arrears in 24 months;
 * - violations: violations (违约用电) plus three times the thefts (窃电) in 24 months;
 * - contractCompliance: the share of the last 12 metered months whose maximum demand stayed within the
 *   contract capacity.
 */
export const CREDIT_FACTORS = [
  'onTimeRatio',
  'averageDaysLate',
  'arrears',
  'arrearsAge',
  'disconnections',
  'violations',
  'contractCompliance',
] as const;
export type CreditFactor = (typeof CREDIT_FACTORS)[number];

export const IMPORTANCE_POINTS: Record<ImportanceClass, number> = {
  special: 100,
  level1: 80,
  level2: 60,
  temporary: 30,
  none: 0,
};

/** A piecewise-linear curve from a raw value to 0–100: points [raw, normalised] by raw ascending. */
export type Curve = readonly (readonly [number, number])[];

export const CREDIT_CURVES: Record<CreditFactor, Curve> = {
  onTimeRatio: [
    [0, 0],
    [1, 100],
  ],
  averageDaysLate: [
    [0, 100],
    [5, 80],
    [15, 50],
    [30, 20],
    [60, 0],
  ],
  arrears: [
    [0, 100],
    [0.5, 70],
    [1, 50],
    [3, 0],
  ],
  arrearsAge: [
    [0, 100],
    [30, 60],
    [90, 20],
    [180, 0],
  ],
  disconnections: [
    [0, 100],
    [1, 50],
    [2, 20],
    [3, 0],
  ],
  violations: [
    [0, 100],
    [1, 60],
    [2, 30],
    [3, 0],
  ],
  contractCompliance: [
    [0, 0],
    [1, 100],
  ],
};

/** The curve's value at `raw`: linear between points, flat beyond the first and the last. */
export function applyCurve(curve: Curve, raw: number): number {
  if (raw <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (raw <= x1) {
      const [x0, y0] = curve[i - 1];
      return y0 + ((raw - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return curve[curve.length - 1][1];
}

export interface TierThresholds {
  platinum: number;
  gold: number;
  silver: number;
}

export interface RatingThresholds {
  AAA: number;
  AA: number;
  A: number;
  B: number;
}

/** Weights and thresholds of both scores. Saving a change makes a new version; scores name theirs. */
export interface ScoringModelFields {
  vipWeights: Record<VipFactor, number>;
  creditWeights: Record<CreditFactor, number>;
  tierThresholds: TierThresholds;
  ratingThresholds: RatingThresholds;
  note: string;
}

export interface ScoringModel extends ScoringModelFields {
  version: number;
  /** The seeded model's note as a message code (`messages.<code>`), shown instead of `note`; null for a person's note. */
  noteCode: MessageCode | null;
  createdAt: string;
  createdBy: PersonRef | null;
}

export function tierOf(score: number, t: TierThresholds): VipTier {
  return score >= t.platinum ? 'platinum' : score >= t.gold ? 'gold' : score >= t.silver ? 'silver' : 'standard';
}

export function ratingOf(score: number, t: RatingThresholds): CreditRating {
  return score >= t.AAA ? 'AAA' : score >= t.AA ? 'AA' : score >= t.A ? 'A' : score >= t.B ? 'B' : 'C';
}

/** AAA/AA: monthly post-payment; A: monthly with reminders; B: split billing (分次结算); C: prepayment or guarantee. */
export function paymentMethodOf(rating: CreditRating): PaymentMethod {
  switch (rating) {
    case 'AAA':
    case 'AA':
      return 'monthly_postpaid';
    case 'A':
      return 'monthly_with_reminders';
    case 'B':
      return 'split_billing';
    case 'C':
      return 'prepayment';
  }
}

export function blacklistReasonOf(rating: CreditRating, thefts24Months: number): BlacklistReason | null {
  if (thefts24Months > 0) return 'theft';
  return rating === 'C' ? 'rating_c' : null;
}

export interface FactorScore<K extends string = string> {
  key: K;
  /** The raw value (kWh, yuan, a ratio, days, a count: see VIP_FACTORS and CREDIT_FACTORS). */
  value: number;
  /** 0–100. */
  normalised: number;
  weight: number;
  /** weight × normalised; the contributions add up to the score. */
  contribution: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A score from its normalised factors: each contribution and their sum, rounded to hundredths. */
export function weightedScore<K extends string>(
  factors: readonly K[],
  weights: Record<K, number>,
  raw: readonly number[],
  normalised: readonly number[],
): { score: number; factors: FactorScore<K>[] } {
  const exact = factors.map((key, i) => weights[key] * normalised[i]);
  return {
    score: round2(exact.reduce((a, b) => a + b, 0)),
    factors: factors.map((key, i) => ({
      key,
      value: raw[i],
      normalised: round2(normalised[i]),
      weight: weights[key],
      contribution: round2(exact[i]),
    })),
  };
}

const WEIGHT_SUM_TOLERANCE = 1e-6;

/** Everything wrong with a model, each naming its field (weights ≥ 0 summing to 1, thresholds in order). */
export function scoringModelProblems(model: ScoringModelFields): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const weights = (field: 'vipWeights' | 'creditWeights', keys: readonly string[]) => {
    const given = model[field] as Record<string, number>;
    let sum = 0;
    for (const key of keys) {
      const w = given[key];
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        problems.push(ruleDetail(`${field}.${key}`, `${field}.${key} must be a number of 0 or more`, 'scoring.weight'));
      } else sum += w;
    }
    for (const key of Object.keys(given)) {
      if (!keys.includes(key))
        problems.push(
          ruleDetail(`${field}.${key}`, `${key} is not a factor of this score`, 'scoring.unknownFactor', { name: key }),
        );
    }
    if (!problems.some((p) => p.field.startsWith(field)) && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      const total = round2(sum * 1000) / 1000;
      problems.push(
        ruleDetail(field, `the weights of ${field} must add up to 1, not ${total}`, 'scoring.weightSum', { total }),
      );
    }
  };
  weights('vipWeights', VIP_FACTORS);
  weights('creditWeights', CREDIT_FACTORS);
  const ordered = (field: string, names: readonly string[], values: Record<string, number>) => {
    const list = names.map((n) => values[n]);
    names.forEach((name, i) => {
      const v = list[i];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) {
        problems.push(
          ruleDetail(`${field}.${name}`, `${field}.${name} must be a number from 0 to 100`, 'scoring.threshold'),
        );
      } else if (i > 0 && typeof list[i - 1] === 'number' && v >= list[i - 1]) {
        problems.push(
          ruleDetail(
            `${field}.${name}`,
            `${field}.${name} must be below ${field}.${names[i - 1]} (${list[i - 1]})`,
            'scoring.thresholdOrder',
            { limit: list[i - 1] },
          ),
        );
      }
    });
  };
  ordered('tierThresholds', ['platinum', 'gold', 'silver'], { ...model.tierThresholds });
  ordered('ratingThresholds', ['AAA', 'AA', 'A', 'B'], { ...model.ratingThresholds });
  return problems;
}

export interface ScoreSummary<K extends string = string> {
  score: number;
  modelVersion: number;
  computedAt: string;
  /** The score of the run before, when the customer was scored then. */
  previousScore: number | null;
  factors: FactorScore<K>[];
}

/** GET /api/customers/:id/scores */
export interface CustomerScores {
  vip: (ScoreSummary<VipFactor> & { tier: VipTier; previousTier: VipTier | null }) | null;
  credit:
    | (ScoreSummary<CreditFactor> & {
        rating: CreditRating;
        previousRating: CreditRating | null;
        paymentMethod: PaymentMethod;
        blacklisted: boolean;
        blacklistReason: BlacklistReason | null;
      })
    | null;
  /** One point per run, oldest first; `asOf` is the day (in China) whose data the run scored. */
  history: {
    asOf: string;
    computedAt: string;
    vipScore: number;
    tier: VipTier;
    creditScore: number;
    rating: CreditRating;
  }[];
}

/** A row of the VIP list (GET /api/vip). */
export interface VipListEntry {
  rank: number;
  customer: { id: string; accountNo: string; name: string; region: string; industry: string };
  manager: PersonRef | null;
  score: number;
  tier: VipTier;
  previousScore: number | null;
  delta: number | null;
  revenue12Months: number;
  creditRating: CreditRating;
}

/** GET /api/vip/summary: the VIP tiers' customers and revenue, and how concentrated the revenue is. */
export interface VipSummary {
  runId: number | null;
  computedAt: string | null;
  modelVersion: number | null;
  customers: number;
  revenue: number;
  tiers: { tier: VipTier; customers: number; revenue: number }[];
  /** Share (0–1) of the 12 months' revenue from the top 1 %, 5 % and 20 % of customers by revenue. */
  concentration: { topPercent: number; revenueShare: number }[];
}

/** GET /api/credit/summary: customers and arrears per rating, the blacklisted per reason, the downgraded. */
export interface CreditSummary {
  ratings: { rating: CreditRating; customers: number; arrears: number }[];
  blacklisted: { reason: BlacklistReason; customers: number }[];
  downgraded: number;
}

/** A row of the credit-risk lists (GET /api/credit/blacklist and /api/credit/downgrades). */
export interface CreditListEntry {
  customer: { id: string; accountNo: string; name: string; region: string };
  manager: PersonRef | null;
  score: number;
  rating: CreditRating;
  previousRating: CreditRating | null;
  blacklistReason: BlacklistReason | null;
  arrears: number;
  arrearsDays: number;
}

export interface ScoringJob {
  jobId: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  /** 0–100. */
  progress: number;
  runId: number | null;
  customers: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** How many customers a proposed model would move, against the latest run (the what-if preview). */
export interface ScoringPreview {
  customers: number;
  tierChanges: number;
  ratingChanges: number;
  newlyBlacklisted: number;
  /** Counts by [from, to], only where from ≠ to. */
  tierMoves: { from: VipTier; to: VipTier; customers: number }[];
  ratingMoves: { from: CreditRating; to: CreditRating; customers: number }[];
}
