import { kpiSegmentRule } from '@crm/shared/domain';
import { ruleFromParam, ruleParams } from './rule-param';

describe('ruleFromParam', () => {
  it('reads back the rule of a link', () => {
    const rule = kpiSegmentRule('blacklisted_customers');
    if (!rule) throw new Error('no rule');
    expect(ruleFromParam(ruleParams(rule).rule)).toEqual({ rule, invalid: false });
  });

  it('gives nothing without a text', () => {
    expect(ruleFromParam(undefined)).toEqual({ rule: null, invalid: false });
    expect(ruleFromParam('')).toEqual({ rule: null, invalid: false });
  });

  it.each([
    ['not JSON', '{op:'],
    ['not a rule', '[1, 2]'],
    ['an unknown field', JSON.stringify({ op: 'and', rules: [{ field: 'password', operator: 'eq', value: 'x' }] })],
    ['a bad value', JSON.stringify({ op: 'and', rules: [{ field: 'creditRating', operator: 'eq', value: 'Z' }] })],
  ])('refuses %s', (_what, text) => {
    expect(ruleFromParam(text)).toEqual({ rule: null, invalid: true });
  });
});
