import { CREDIT_FACTORS, scoringModelProblems, ScoringModel, VIP_FACTORS } from '@crm/shared/domain';
import {
  equalWeights,
  fieldLabelKey,
  formatWeightSum,
  jobFinished,
  jobProgressStatus,
  modelFields,
  problemsFor,
  weightsBalanced,
  weightSum,
  withNumber,
} from './model-form';

const model: ScoringModel = {
  version: 3,
  createdAt: '2026-03-01T08:00:00.000Z',
  createdBy: { id: 'u1', displayName: 'Leader' },
  noteCode: null,
  note: 'spring review',
  vipWeights: { consumption: 0.3, revenue: 0.3, growth: 0.15, importance: 0.15, paymentReliability: 0.1 },
  creditWeights: {
    onTimeRatio: 0.25,
    averageDaysLate: 0.15,
    arrears: 0.2,
    arrearsAge: 0.1,
    disconnections: 0.1,
    violations: 0.1,
    contractCompliance: 0.1,
  },
  tierThresholds: { platinum: 85, gold: 70, silver: 50 },
  ratingThresholds: { AAA: 90, AA: 80, A: 70, B: 60 },
};

describe('model form', () => {
  it('adds up weights, counting empty inputs as 0', () => {
    expect(weightSum({ a: 0.3, b: 0.3, c: 0.4 })).toBeCloseTo(1, 10);
    expect(weightSum({ a: 0.5, b: null, c: undefined, d: NaN })).toBe(0.5);
    expect(weightSum({})).toBe(0);
  });

  it('accepts a sum of 1 within 1e-6 and nothing further off', () => {
    expect(weightsBalanced({ a: 0.1, b: 0.2, c: 0.7 })).toBe(true);
    expect(weightsBalanced({ a: 0.5, b: 0.5000005 })).toBe(true);
    expect(weightsBalanced({ a: 0.5, b: 0.50001 })).toBe(false);
    expect(weightsBalanced({ a: 0.5, b: 0.45 })).toBe(false);
  });

  it('shows a sum with two decimals, without float noise', () => {
    expect(formatWeightSum(0.1 + 0.2)).toBe('0.30');
    expect(formatWeightSum(0.99999999)).toBe('1.00');
    expect(formatWeightSum(1.05)).toBe('1.05');
  });

  it('makes equal default weights that add up to 1', () => {
    expect(weightsBalanced(equalWeights(VIP_FACTORS))).toBe(true);
    expect(weightsBalanced(equalWeights(CREDIT_FACTORS))).toBe(true);
    expect(Object.keys(equalWeights(CREDIT_FACTORS))).toEqual([...CREDIT_FACTORS]);
  });

  it('copies a model into valid editable fields with an empty note', () => {
    const fields = modelFields(model);
    expect(fields).toEqual({
      vipWeights: model.vipWeights,
      creditWeights: model.creditWeights,
      tierThresholds: model.tierThresholds,
      ratingThresholds: model.ratingThresholds,
      note: '',
    });
    expect(fields.vipWeights).not.toBe(model.vipWeights);
    expect('version' in fields).toBe(false);
    expect(scoringModelProblems(fields)).toEqual([]);
  });

  it('starts from valid defaults without a model', () => {
    expect(scoringModelProblems(modelFields(null))).toEqual([]);
  });

  it('replaces one value at a time without touching the original', () => {
    const fields = modelFields(model);
    const changed = withNumber(fields, 'vipWeights', 'growth', 0.2);
    expect(changed.vipWeights.growth).toBe(0.2);
    expect(fields.vipWeights.growth).toBe(0.15);
    expect(withNumber(fields, 'creditWeights', 'arrears', 0.3).creditWeights.arrears).toBe(0.3);
    expect(withNumber(fields, 'tierThresholds', 'gold', 72).tierThresholds.gold).toBe(72);
    expect(withNumber(fields, 'ratingThresholds', 'B', 55).ratingThresholds.B).toBe(55);
  });

  it('finds the problems of a field and of everything under it', () => {
    const problems = scoringModelProblems(
      withNumber(withNumber(modelFields(model), 'vipWeights', 'growth', 0.5), 'tierThresholds', 'gold', 90),
    );
    expect(problemsFor(problems, 'vipWeights').map((p) => p.field)).toEqual(['vipWeights']);
    expect(problemsFor(problems, 'tierThresholds').map((p) => p.field)).toEqual(['tierThresholds.gold']);
    expect(problemsFor(problems, 'tierThresholds.gold')).toHaveLength(1);
    expect(problemsFor(problems, 'creditWeights')).toEqual([]);
  });

  it('knows when a job has finished and how to show its progress', () => {
    expect(jobFinished({ state: 'running' })).toBe(false);
    expect(jobFinished({ state: 'queued' })).toBe(false);
    expect(jobFinished({ state: 'completed' })).toBe(true);
    expect(jobFinished({ state: 'failed' })).toBe(true);
    expect(jobFinished(null)).toBe(false);
    expect(jobProgressStatus('completed')).toBe('success');
    expect(jobProgressStatus('failed')).toBe('exception');
    expect(jobProgressStatus('running')).toBe('active');
    expect(jobProgressStatus('queued')).toBe('normal');
  });
});

describe('field labels', () => {
  it('names weights by their factor, thresholds by their tier, groups by themselves', () => {
    expect(fieldLabelKey('vipWeights.growth')).toBe('scoringModel.factor.growth');
    expect(fieldLabelKey('creditWeights')).toBe('scoringModel.creditWeights');
    expect(fieldLabelKey('tierThresholds.gold')).toBe('scoringModel.tier.gold');
    expect(fieldLabelKey('ratingThresholds.AA')).toBe('scoringModel.rating.AA');
    expect(fieldLabelKey('somethingElse')).toBeNull();
  });
});
