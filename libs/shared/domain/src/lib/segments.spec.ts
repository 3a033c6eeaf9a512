import industries from '@crm/seeds/industries.json';
import {
  industryCodesWithin,
  SEGMENT_FIELDS,
  SEGMENT_RULE_LIMITS,
  segmentRuleFields,
  segmentRuleProblems,
} from './segments';

const cond = (field: string, operator: string, value?: unknown) => ({ field, operator, value });
const and = (...rules: unknown[]) => ({ op: 'and', rules });
const or = (...rules: unknown[]) => ({ op: 'or', rules });

describe('segmentRuleProblems', () => {
  it('accepts a valid mixed rule and an empty root', () => {
    const rule = and(
      cond('voltageKv', 'in', [10, 35]),
      cond('industry', 'eq', 'C26'),
      or(cond('vipTier', 'eq', 'gold'), cond('creditRating', 'in', ['B', 'C']), cond('arrears', 'gt', 0)),
      cond('kwh12m', 'between', [1000, 2000]),
      cond('tags', 'contains', '高耗能'),
      cond('accountManagerId', 'eq', '1b4e28ba-2fa1-11d2-883f-0016d3cca427'),
      cond('creditScore', 'is_null'),
    );
    expect(segmentRuleProblems(rule)).toEqual([]);
    expect(segmentRuleProblems(and())).toEqual([]);
  });

  it('names an unknown field, an operator the field does not offer and a missing operator', () => {
    expect(segmentRuleProblems(and(cond('password', 'eq', 'x')))).toMatchObject([
      {
        field: 'rule.rules[0].field',
        message: expect.stringContaining('unknown field "password"'),
        code: 'segment.unknownField',
        params: { field: 'rule.rules[0].field', name: 'password' },
      },
    ]);
    expect(segmentRuleProblems(and(cond('region', 'gt', 'x')))[0]).toMatchObject({
      field: 'rule.rules[0].operator',
      code: 'segment.unknownOperator',
      message: expect.stringContaining('unknown operator "gt" for region'),
    });
    expect(segmentRuleProblems(and(cond('region', 'like', 'x')))[0].field).toBe('rule.rules[0].operator');
  });

  it.each([
    [cond('kwh12m', 'gt', '1000'), 'rule.rules[0].value', 'must be a number'],
    [cond('kwh12m', 'gt', Number.POSITIVE_INFINITY), 'rule.rules[0].value', 'must be a number'],
    [cond('kwh12m', 'gt', null), 'rule.rules[0].value', 'must be a number'],
    [cond('kwh12m', 'between', [5, 1]), 'rule.rules[0].value', 'from must not be greater than to'],
    [cond('kwh12m', 'between', [5]), 'rule.rules[0].value', 'must be a list of two numbers [from, to]'],
    [cond('kwh12m', 'between', [1, 'x']), 'rule.rules[0].value[1]', 'must be a number'],
    [cond('voltageKv', 'eq', 11), 'rule.rules[0].value', 'must be one of 10, 20, 35, 66, 110, 220, 330, 500'],
    [cond('stage', 'in', []), 'rule.rules[0].value', 'must be a non-empty list'],
    [cond('stage', 'in', ['active', 'sleeping']), 'rule.rules[0].value[1]', expect.stringContaining('must be one of')],
    [cond('region', 'eq', 7), 'rule.rules[0].value', 'must be a non-empty string'],
    [cond('region', 'eq', 'x'.repeat(201)), 'rule.rules[0].value', 'must be at most 200 characters'],
    [cond('accountManagerId', 'eq', "1' OR '1'='1"), 'rule.rules[0].value', expect.stringContaining('UUID')],
    [cond('arrears', 'is_null', 0), 'rule.rules[0].value', 'must be absent for is_null'],
  ])('refuses a value of the wrong type: %j', (condition, field, message) => {
    expect(segmentRuleProblems(and(condition))).toMatchObject([{ field, message }]);
  });

  it('refuses lists longer than the limit', () => {
    const many = Array.from({ length: SEGMENT_RULE_LIMITS.listValues + 1 }, (_, i) => `r${i}`);
    expect(segmentRuleProblems(and(cond('region', 'in', many)))[0].message).toBe('must have at most 1000 values');
  });

  it('refuses shapes that are not a rule', () => {
    expect(segmentRuleProblems(null)).toMatchObject([{ field: 'rule', message: expect.any(String) }]);
    expect(segmentRuleProblems({ op: 'xor', rules: [] })).toMatchObject([
      { field: 'rule.op', message: 'must be and or or' },
    ]);
    expect(segmentRuleProblems({ op: 'and', rules: 'all' })).toMatchObject([
      { field: 'rule.rules', message: 'must be a list' },
    ]);
    expect(segmentRuleProblems(and(and()))).toMatchObject([
      { field: 'rule.rules[0].rules', message: 'an inner group must not be empty', code: 'segment.emptyGroup' },
    ]);
    expect(segmentRuleProblems(and([1, 2]))[0].field).toBe('rule.rules[0]');
  });

  it('refuses absurdly deep and wide trees', () => {
    let deep: unknown = cond('stage', 'eq', 'active');
    for (let i = 0; i < SEGMENT_RULE_LIMITS.depth; i++) deep = and(deep);
    expect(segmentRuleProblems(deep)).toEqual([]);
    expect(segmentRuleProblems(and(deep))).toMatchObject([
      { field: expect.stringMatching(/^rule(\.rules\[0\]){5}$/), message: 'groups nest at most 5 deep' },
    ]);

    const wide = and(...Array.from({ length: SEGMENT_RULE_LIMITS.groupSize + 1 }, () => cond('stage', 'eq', 'active')));
    expect(segmentRuleProblems(wide)).toMatchObject([
      { field: 'rule.rules', message: 'a group has at most 50 entries' },
    ]);

    const fifty = () => and(...Array.from({ length: 50 }, () => cond('stage', 'eq', 'active')));
    expect(segmentRuleProblems(and(fifty(), fifty(), cond('stage', 'eq', 'active')))).toMatchObject([
      { field: 'rule.rules[2]', message: 'a rule has at most 100 conditions' },
    ]);
  });
});

describe('segmentRuleFields', () => {
  it('lists the fields used at any depth', () => {
    const rule = and(cond('region', 'eq', 'x'), or(cond('vipTier', 'eq', 'gold'), and(cond('arrears', 'gt', 0))));
    expect([...segmentRuleFields(rule as never)]).toEqual(['region', 'vipTier', 'arrears']);
  });
});

describe('SEGMENT_FIELDS', () => {
  it('has unique keys, and fields with a fixed list of values offer no range operators', () => {
    expect(new Set(SEGMENT_FIELDS.map((f) => f.key)).size).toBe(SEGMENT_FIELDS.length);
    for (const f of SEGMENT_FIELDS.filter((f) => f.values && f.type === 'string'))
      expect(f.operators.filter((o) => ['gt', 'gte', 'lt', 'lte', 'between'].includes(o))).toEqual([]);
  });
});

describe('industryCodesWithin', () => {
  const all = industries.industries;
  const divisions = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));

  it('expands a section to itself and every one of its GB/T 4754 divisions: C 制造业 is 13 to 43', () => {
    expect(industryCodesWithin(['C'], all).sort()).toEqual(['C', ...divisions(13, 43)].sort());
    expect(industryCodesWithin(['A', 'T'], all).sort()).toEqual(['A', ...divisions(1, 5), 'T', '97'].sort());
  });

  it('keeps a division as itself, and a section picked with one of its divisions once', () => {
    expect(industryCodesWithin(['38'], all)).toEqual(['38']);
    expect(industryCodesWithin(['K', '70'], all)).toEqual(['K', '70']);
  });

  it('keeps a code the reference does not know, which then matches nobody', () => {
    expect(industryCodesWithin(['Z9'], all)).toEqual(['Z9']);
  });
});

describe('work-order fields', () => {
  it('offers complaints in the last 12 months, open orders and average satisfaction, labelled in both languages', () => {
    const fields = SEGMENT_FIELDS.filter((f) => ['complaints12m', 'openOrders', 'avgSatisfaction'].includes(f.key));
    expect(fields.map((f) => [f.key, f.label, f.labelEn, f.group, f.type])).toEqual([
      ['complaints12m', '近12个月投诉次数', 'Complaints, 12 months', 'behaviour', 'number'],
      ['openOrders', '未关闭工单数', 'Open work orders', 'behaviour', 'number'],
      ['avgSatisfaction', '平均满意度', 'Average satisfaction', 'behaviour', 'number'],
    ]);
  });

  it('counts are never empty; the average satisfaction is empty without a rated closed order', () => {
    expect(segmentRuleProblems(and(cond('complaints12m', 'gte', 2), cond('openOrders', 'between', [1, 3])))).toEqual(
      [],
    );
    expect(segmentRuleProblems(and(cond('avgSatisfaction', 'lt', 3.5), cond('avgSatisfaction', 'is_null')))).toEqual(
      [],
    );
    expect(segmentRuleProblems(and(cond('complaints12m', 'is_null')))).toMatchObject([
      {
        field: 'rule.rules[0].operator',
        message: expect.stringContaining('unknown operator "is_null" for complaints12m'),
      },
    ]);
    expect(segmentRuleProblems(and(cond('openOrders', 'gt', 'many')))).toMatchObject([
      { field: 'rule.rules[0].value', message: 'must be a number' },
    ]);
  });
});
