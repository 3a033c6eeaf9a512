import { auditRuleSpec, AuditRuleView } from '@crm/shared/domain';
import { parameterForm, parameterInputs, parameterProblems } from './parameter-form';

const rule = (code: 'zero_consumption' | 'contact_data_incomplete', parameters: AuditRuleView['parameters']) => ({
  code,
  parameters,
  parameterSpecs: auditRuleSpec(code).parameters,
});

describe('the parameter form of a rule', () => {
  it('has an input per parameter, labelled by rule and key, none for a rule without parameters', () => {
    expect(parameterInputs(rule('zero_consumption', {})).map((i) => [i.spec.kind, i.label])).toEqual([
      ['integer', 'marketingAudit.parameter.zero_consumption.months'],
      ['tariffs', 'marketingAudit.parameter.zero_consumption.tariffCategories'],
    ]);
    expect(parameterInputs(rule('contact_data_incomplete', {}))).toEqual([]);
  });

  it('starts from the current values, a default where one is missing, and copies lists', () => {
    const tariffs = ['agriculture'] as const;
    const form = parameterForm(rule('zero_consumption', { tariffCategories: tariffs }));
    expect(form).toEqual({ months: 2, tariffCategories: ['agriculture'] });
    expect(form['tariffCategories']).not.toBe(tariffs);
  });

  it('names each bad parameter as the API does, and nothing for good values', () => {
    expect(parameterProblems('zero_consumption', { months: 3, tariffCategories: ['other'] })).toEqual([]);
    expect(parameterProblems('zero_consumption', { months: 13, tariffCategories: [] }).map((p) => p.field)).toEqual([
      'parameters.months',
      'parameters.tariffCategories',
    ]);
    expect(parameterProblems('zero_consumption', { months: null, tariffCategories: ['other'] })).toHaveLength(1);
  });
});
