import { DISSATISFIED_BELOW, KPI_SEGMENT_CODES, kpiSegmentRule, kpiSegmentShortcuts } from './kpi-segments';
import { KPI_CODES } from './kpis';
import { segmentRuleProblems } from './segments';

const notClosed = { field: 'stage', operator: 'neq', value: 'closed' };

describe('kpiSegmentRule', () => {
  it('gives the C-rated customers not closed', () => {
    expect(kpiSegmentRule('c_rated_customers')).toEqual({
      op: 'and',
      rules: [notClosed, { field: 'creditRating', operator: 'eq', value: 'C' }],
    });
  });

  it('gives the blacklisted customers by both reasons: a C rating or a theft', () => {
    expect(kpiSegmentRule('blacklisted_customers')).toEqual({
      op: 'and',
      rules: [
        notClosed,
        {
          op: 'or',
          rules: [
            { field: 'creditRating', operator: 'eq', value: 'C' },
            { field: 'thefts24m', operator: 'gt', value: 0 },
          ],
        },
      ],
    });
  });

  it('gives the customers in arrears, with complaints, and dissatisfied', () => {
    expect(kpiSegmentRule('arrears_outstanding')?.rules[1]).toEqual({ field: 'arrears', operator: 'gt', value: 0 });
    expect(kpiSegmentRule('complaints_per_10k')?.rules[1]).toEqual({
      field: 'complaints12m',
      operator: 'gt',
      value: 0,
    });
    expect(kpiSegmentRule('average_satisfaction')?.rules[1]).toEqual({
      field: 'avgSatisfaction',
      operator: 'lt',
      value: DISSATISFIED_BELOW,
    });
  });

  it('has no rule for KPIs the fields cannot express', () => {
    for (const code of ['open_audit_findings', 'overdue_tasks', 'vip_upgrades', 'revenue_share_top_5'] as const)
      expect(kpiSegmentRule(code)).toBeNull();
  });

  it('lists the KPIs with a rule in catalogue order, each rule valid for the rule builder', () => {
    expect(KPI_SEGMENT_CODES).toEqual([
      'complaints_per_10k',
      'average_satisfaction',
      'arrears_outstanding',
      'blacklisted_customers',
      'c_rated_customers',
    ]);
    for (const code of KPI_CODES) {
      const rule = kpiSegmentRule(code);
      expect(rule === null).toBe(!KPI_SEGMENT_CODES.includes(code));
      if (rule) expect(segmentRuleProblems(rule)).toEqual([]);
    }
    expect(kpiSegmentShortcuts()).toEqual(KPI_SEGMENT_CODES.map((code) => ({ code, rule: kpiSegmentRule(code) })));
  });

  it('gives a copy the caller may change', () => {
    const rule = kpiSegmentRule('c_rated_customers');
    rule?.rules.pop();
    expect(kpiSegmentRule('c_rated_customers')?.rules).toHaveLength(2);
  });
});
