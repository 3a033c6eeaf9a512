import {
  applyCurve,
  blacklistReasonOf,
  CREDIT_CURVES,
  CREDIT_FACTORS,
  paymentMethodOf,
  ratingOf,
  ScoringModelFields,
  scoringModelProblems,
  tierOf,
  VIP_FACTORS,
  weightedScore,
} from './scoring';

const model = (): ScoringModelFields => ({
  vipWeights: { consumption: 0.3, revenue: 0.25, growth: 0.15, importance: 0.15, paymentReliability: 0.15 },
  creditWeights: {
    onTimeRatio: 0.25,
    averageDaysLate: 0.15,
    arrears: 0.15,
    arrearsAge: 0.1,
    disconnections: 0.1,
    violations: 0.15,
    contractCompliance: 0.1,
  },
  tierThresholds: { platinum: 90, gold: 75, silver: 60 },
  ratingThresholds: { AAA: 90, AA: 80, A: 70, B: 60 },
  note: '',
});

describe('tiers and ratings', () => {
  const m = model();
  it('puts a score exactly on a threshold in the higher tier', () => {
    expect([90, 89.99, 75, 74.99, 60, 59.99, 0].map((s) => tierOf(s, m.tierThresholds))).toEqual([
      'platinum',
      'gold',
      'gold',
      'silver',
      'silver',
      'standard',
      'standard',
    ]);
  });

  it('rates AAA from 90, AA from 80, A from 70, B from 60 and C below', () => {
    expect([100, 90, 89.99, 80, 79.99, 70, 69.99, 60, 59.99].map((s) => ratingOf(s, m.ratingThresholds))).toEqual([
      'AAA',
      'AAA',
      'AA',
      'AA',
      'A',
      'A',
      'B',
      'B',
      'C',
    ]);
  });

  it('recommends the payment method of DESIGN.md by rating', () => {
    expect(['AAA', 'AA', 'A', 'B', 'C'].map((r) => paymentMethodOf(r as 'A'))).toEqual([
      'monthly_postpaid',
      'monthly_postpaid',
      'monthly_with_reminders',
      'split_billing',
      'prepayment',
    ]);
  });

  it('blacklists a C rating, and any theft whatever the rating', () => {
    expect(blacklistReasonOf('C', 0)).toBe('rating_c');
    expect(blacklistReasonOf('AAA', 1)).toBe('theft');
    expect(blacklistReasonOf('C', 2)).toBe('theft');
    expect(blacklistReasonOf('B', 0)).toBeNull();
  });
});

describe('credit curves', () => {
  it('maps every factor by hand-checked points, flat beyond the ends', () => {
    const at = (factor: keyof typeof CREDIT_CURVES, raw: number) => applyCurve(CREDIT_CURVES[factor], raw);
    expect(at('onTimeRatio', 0.75)).toBe(75);
    expect(at('averageDaysLate', 0)).toBe(100);
    expect(at('averageDaysLate', 10)).toBe(65); // between 5 → 80 and 15 → 50
    expect(at('averageDaysLate', 100)).toBe(0);
    expect(at('arrears', 0.25)).toBe(85);
    expect(at('arrears', 2)).toBe(25);
    expect(at('arrearsAge', 60)).toBe(40);
    expect(at('disconnections', 1)).toBe(50);
    expect(at('disconnections', 5)).toBe(0);
    expect(at('violations', 3)).toBe(0); // one theft counts as three violations
    expect(at('contractCompliance', 11 / 12)).toBeCloseTo(91.67, 2);
    expect(at('onTimeRatio', -1)).toBe(0);
  });
});

describe('weightedScore', () => {
  it('adds the contributions of every factor to the score', () => {
    const m = model();
    const normalised = [100, 80, 50, 60, 90];
    const { score, factors } = weightedScore(VIP_FACTORS, m.vipWeights, [1e6, 7e5, 0.1, 2, 1], normalised);
    // 0.3·100 + 0.25·80 + 0.15·50 + 0.15·60 + 0.15·90 = 30 + 20 + 7.5 + 9 + 13.5
    expect(score).toBe(80);
    expect(factors.map((f) => f.contribution)).toEqual([30, 20, 7.5, 9, 13.5]);
    expect(factors[0]).toEqual({ key: 'consumption', value: 1e6, normalised: 100, weight: 0.3, contribution: 30 });
  });

  it('lands exactly on a threshold when every factor does', () => {
    const m = model();
    const { score } = weightedScore(
      CREDIT_FACTORS,
      m.creditWeights,
      [],
      CREDIT_FACTORS.map(() => 90),
    );
    expect(score).toBe(90);
    expect(ratingOf(score, m.ratingThresholds)).toBe('AAA');
  });
});

describe('scoringModelProblems', () => {
  it('accepts the default weights', () => {
    expect(scoringModelProblems(model())).toEqual([]);
  });

  it('names negative weights, unknown factors and a sum that is not 1', () => {
    const m = model();
    m.vipWeights.growth = -0.15;
    (m.creditWeights as Record<string, number>)['charm'] = 0;
    expect(scoringModelProblems(m).map((p) => p.field)).toEqual(['vipWeights.growth', 'creditWeights.charm']);
    const n = model();
    n.creditWeights.arrears = 0.5;
    expect(scoringModelProblems(n)).toMatchObject([
      {
        field: 'creditWeights',
        message: 'the weights of creditWeights must add up to 1, not 1.35',
        code: 'scoring.weightSum',
        params: { total: 1.35 },
      },
    ]);
  });

  it('needs thresholds from 0 to 100, each below the one above', () => {
    const m = model();
    m.tierThresholds.gold = 95;
    m.ratingThresholds.AAA = 101;
    expect(scoringModelProblems(m).map((p) => p.field)).toEqual(['tierThresholds.gold', 'ratingThresholds.AAA']);
  });
});
