import {
  CREDIT_FACTORS,
  CreditFactor,
  ErrorDetail,
  ScoringJob,
  ScoringModel,
  ScoringModelFields,
  VIP_FACTORS,
  VipFactor,
} from '@crm/shared/domain';

/** How far a weight group's sum may be from 1 (the same tolerance the API applies). */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

/** The tier and rating threshold names, highest first, as the editor shows them. */
export const TIER_THRESHOLD_KEYS = ['platinum', 'gold', 'silver'] as const;
export const RATING_THRESHOLD_KEYS = ['AAA', 'AA', 'A', 'B'] as const;

/** The sum of a group of weights; empty inputs (null, NaN) count as 0. */
export function weightSum(weights: Readonly<Record<string, number | null | undefined>>): number {
  return Object.values(weights).reduce<number>(
    (sum, w) => (typeof w === 'number' && Number.isFinite(w) ? sum + w : sum),
    0,
  );
}

/** Whether a group of weights adds up to 1 (within WEIGHT_SUM_TOLERANCE). */
export function weightsBalanced(weights: Readonly<Record<string, number | null | undefined>>): boolean {
  return Math.abs(weightSum(weights) - 1) <= WEIGHT_SUM_TOLERANCE;
}

/** A weight sum as the editor shows it: two decimals, without the float noise (0.30000000000000004 → "0.30"). */
export function formatWeightSum(sum: number): string {
  return (Math.round(sum * 1e6) / 1e6).toFixed(2);
}

/** Equal weights that add up to exactly 1 (the last takes the rounding remainder), for an empty start. */
export function equalWeights<K extends string>(keys: readonly K[]): Record<K, number> {
  const each = Math.floor((1 / keys.length) * 100) / 100;
  const weights = {} as Record<K, number>;
  keys.forEach((key, i) => {
    weights[key] = i === keys.length - 1 ? Math.round((1 - each * (keys.length - 1)) * 100) / 100 : each;
  });
  return weights;
}

/** The editable fields of a model (a copy, so that editing it leaves the loaded model alone); defaults without one. */
export function modelFields(model: ScoringModel | null | undefined): ScoringModelFields {
  if (!model) {
    return {
      vipWeights: equalWeights<VipFactor>(VIP_FACTORS),
      creditWeights: equalWeights<CreditFactor>(CREDIT_FACTORS),
      tierThresholds: { platinum: 85, gold: 70, silver: 50 },
      ratingThresholds: { AAA: 90, AA: 80, A: 70, B: 60 },
      note: '',
    };
  }
  return {
    vipWeights: pick(VIP_FACTORS, model.vipWeights),
    creditWeights: pick(CREDIT_FACTORS, model.creditWeights),
    tierThresholds: { ...model.tierThresholds },
    ratingThresholds: { ...model.ratingThresholds },
    // A new version gets its own note.
    note: '',
  };
}

function pick<K extends string>(keys: readonly K[], from: Record<K, number>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = from?.[key] ?? 0;
  return out;
}

/** The model's groups of numbers, each edited by one `crm-model-number-fields`. */
export type NumberGroup = 'vipWeights' | 'creditWeights' | 'tierThresholds' | 'ratingThresholds';

/** How the editor shows a group of numbers. */
export interface NumberGroupSpec {
  group: NumberGroup;
  keys: readonly string[];
  idPrefix: string;
  labelPrefix: string;
  /** Weights (0 to 1) add up to 1 and show their sum; thresholds (0 to 100) are minimums, labelled "≥". */
  weights: boolean;
  testIdPrefix: string;
}

/** The editor's groups in the order it shows them. */
export const NUMBER_GROUPS: readonly NumberGroupSpec[] = [
  {
    group: 'vipWeights',
    keys: VIP_FACTORS,
    idPrefix: 'vip',
    labelPrefix: 'scoringModel.factor.',
    weights: true,
    testIdPrefix: 'model-weight-',
  },
  {
    group: 'creditWeights',
    keys: CREDIT_FACTORS,
    idPrefix: 'credit',
    labelPrefix: 'scoringModel.factor.',
    weights: true,
    testIdPrefix: 'model-weight-',
  },
  {
    group: 'tierThresholds',
    keys: TIER_THRESHOLD_KEYS,
    idPrefix: 'tier',
    labelPrefix: 'scoringModel.tier.',
    weights: false,
    testIdPrefix: 'model-tier-',
  },
  {
    group: 'ratingThresholds',
    keys: RATING_THRESHOLD_KEYS,
    idPrefix: 'rating',
    labelPrefix: 'scoringModel.rating.',
    weights: false,
    testIdPrefix: 'model-rating-',
  },
];

/** The fields with one number of a group replaced (a new object, for signals). */
export function withNumber(
  fields: ScoringModelFields,
  group: NumberGroup,
  key: string,
  value: number | null,
): ScoringModelFields {
  return { ...fields, [group]: { ...fields[group], [key]: value as number } };
}

/** The problems about one field: the field itself or anything under it (`vipWeights` → `vipWeights.growth`). */
export function problemsFor(problems: readonly ErrorDetail[], field: string): ErrorDetail[] {
  return problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`));
}

/** Whether a recompute job has finished, one way or the other (polling stops then). */
export function jobFinished(job: Pick<ScoringJob, 'state'> | null | undefined): boolean {
  return job?.state === 'completed' || job?.state === 'failed';
}

/** The nz-progress status for a job's state. */
export function jobProgressStatus(state: ScoringJob['state']): 'active' | 'success' | 'exception' | 'normal' {
  switch (state) {
    case 'completed':
      return 'success';
    case 'failed':
      return 'exception';
    case 'running':
      return 'active';
    default:
      return 'normal';
  }
}

/**
 * The translation key naming a problem's field (`vipWeights.growth` → the factor's name), or null when the
 * field is not one the editor knows (the raw field is shown then).
 */
export function fieldLabelKey(field: string): string | null {
  const [group, key] = field.split('.');
  switch (group) {
    case 'vipWeights':
    case 'creditWeights':
      return key ? `scoringModel.factor.${key}` : `scoringModel.${group}`;
    case 'tierThresholds':
      return key ? `scoringModel.tier.${key}` : 'scoringModel.tierThresholds';
    case 'ratingThresholds':
      return key ? `scoringModel.rating.${key}` : 'scoringModel.ratingThresholds';
    case 'note':
      return 'scoringModel.note';
    default:
      return null;
  }
}
