import {
  AuditParameterSpec,
  AuditRuleCode,
  AuditRuleView,
  checkAuditParameters,
  ErrorDetail,
  InvalidInputError,
  TariffCategory,
} from '@crm/shared/domain';

/** The parameter values an edit dialog binds its inputs to: a number or a list of tariff categories per key. */
export type ParameterForm = Record<string, number | TariffCategory[] | null>;

/** One input of the dialog: its spec, and the i18n key of its label (`marketingAudit.parameter.<rule>.<key>`). */
export interface ParameterInput {
  spec: AuditParameterSpec;
  label: string;
}

/** The inputs of a rule's parameters, in the order of its spec. */
export function parameterInputs(rule: Pick<AuditRuleView, 'code' | 'parameterSpecs'>): ParameterInput[] {
  return rule.parameterSpecs.map((spec) => ({ spec, label: parameterLabel(rule.code, spec.key) }));
}

export function parameterLabel(code: AuditRuleCode, key: string): string {
  return `marketingAudit.parameter.${code}.${key}`;
}

/** The form of a rule's current values (its default where one is missing); lists are copied. */
export function parameterForm(rule: Pick<AuditRuleView, 'parameters' | 'parameterSpecs'>): ParameterForm {
  return Object.fromEntries(
    rule.parameterSpecs.map((spec) => {
      const value = rule.parameters[spec.key] ?? spec.default;
      return [spec.key, typeof value === 'number' ? value : [...value]];
    }),
  );
}

/**
 * The form's problems as the API would name them (`parameters.<key>`), checked with the domain's own rule so the
 * dialog refuses before sending; none for a valid form.
 */
export function parameterProblems(code: AuditRuleCode, form: ParameterForm): ErrorDetail[] {
  try {
    checkAuditParameters(code, form);
    return [];
  } catch (e) {
    if (e instanceof InvalidInputError) return e.details;
    throw e;
  }
}
