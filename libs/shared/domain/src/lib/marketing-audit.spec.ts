import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ForbiddenError, InvalidInputError, InvalidTransitionError } from './errors';
import {
  AUDIT_RULE_CODES,
  auditActionsFor,
  checkAuditParameters,
  defaultAuditParameters,
  isAuditRuleCode,
  nextAuditState,
  rectificationClockKind,
} from './marketing-audit';

const seed = JSON.parse(readFileSync(join(__dirname, '../../../../../seeds/audit-rules.json'), 'utf8')) as {
  rules: { code: string; nameZh: string; nameEn: string; descriptionZh: string; descriptionEn: string }[];
};

describe('marketing audit rules', () => {
  it('names and describes exactly the rules of the catalogue, in both languages', () => {
    expect(seed.rules.map((r) => r.code)).toEqual([...AUDIT_RULE_CODES]);
    for (const rule of seed.rules)
      for (const text of [rule.nameZh, rule.nameEn, rule.descriptionZh, rule.descriptionEn])
        expect(text.trim().length).toBeGreaterThan(3);
  });

  it('knows its codes', () => {
    expect(isAuditRuleCode('zero_consumption')).toBe(true);
    expect(isAuditRuleCode('zero')).toBe(false);
    expect(AUDIT_RULE_CODES).toHaveLength(11);
  });

  it('accepts the defaults of every rule', () => {
    for (const code of AUDIT_RULE_CODES)
      expect(checkAuditParameters(code, defaultAuditParameters(code))).toEqual(defaultAuditParameters(code));
  });

  it('names each bad parameter: out of bounds, not whole, unknown, missing, bad tariffs', () => {
    const problems = (values: Record<string, unknown>) => {
      try {
        checkAuditParameters('zero_consumption', values);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError);
        return (e as InvalidInputError).details.map((d) => d.field);
      }
    };
    expect(problems({ months: 2, tariffCategories: ['large_industry'] })).toEqual([]);
    expect(problems({ months: 0, tariffCategories: ['large_industry'] })).toEqual(['parameters.months']);
    expect(problems({ months: 1.5, tariffCategories: ['large_industry'] })).toEqual(['parameters.months']);
    expect(problems({ months: 13, tariffCategories: [] })).toEqual([
      'parameters.months',
      'parameters.tariffCategories',
    ]);
    expect(problems({ months: 2, tariffCategories: ['steel'] })).toEqual(['parameters.tariffCategories']);
    expect(problems({ tariffCategories: ['other', 'other'] })).toEqual([
      'parameters.months',
      'parameters.tariffCategories',
    ]);
    expect(problems({ months: 2, tariffCategories: ['other'], days: 3 })).toEqual(['parameters.days']);
  });
});

describe('a finding moves open → rectifying → verified, or is dismissed, and can be reopened', () => {
  it('lets the manager rectify and the auditor verify', () => {
    expect(nextAuditState('open', 'rectify', 'account_manager', 'called the customer, fixed the mobile')).toBe(
      'rectifying',
    );
    expect(nextAuditState('rectifying', 'verify', 'auditor', 'checked on site')).toBe('verified');
    expect(nextAuditState('open', 'dismiss', 'auditor', 'plant closed for refit, documented')).toBe('dismissed');
    expect(nextAuditState('rectifying', 'dismiss', 'admin', 'duplicate')).toBe('dismissed');
    expect(nextAuditState('verified', 'reopen', 'auditor', 'it happened again')).toBe('open');
    expect(nextAuditState('dismissed', 'reopen', 'auditor', 'new evidence')).toBe('open');
  });

  it('refuses the wrong role, a missing note and a state the action does not leave', () => {
    expect(() => nextAuditState('open', 'verify', 'account_manager', 'done')).toThrow(ForbiddenError);
    expect(() => nextAuditState('open', 'rectify', 'auditor', 'done')).toThrow(ForbiddenError);
    expect(() => nextAuditState('rectifying', 'verify', 'leader', 'ok')).toThrow(ForbiddenError);
    expect(() => nextAuditState('open', 'rectify', 'account_manager', ' x ')).toThrow(InvalidInputError);
    expect(() => nextAuditState('open', 'verify', 'auditor', 'checked')).toThrow(InvalidTransitionError);
    expect(() => nextAuditState('verified', 'dismiss', 'auditor', 'no')).toThrow(InvalidTransitionError);
    expect(() => nextAuditState('rectifying', 'rectify', 'account_manager', 'again')).toThrow(InvalidTransitionError);
  });

  it('lists the actions a role has in a state', () => {
    expect(auditActionsFor('open', 'account_manager')).toEqual(['rectify']);
    expect(auditActionsFor('open', 'auditor')).toEqual(['dismiss']);
    expect(auditActionsFor('rectifying', 'auditor')).toEqual(['verify', 'dismiss']);
    expect(auditActionsFor('verified', 'auditor')).toEqual(['reopen']);
    expect(auditActionsFor('verified', 'account_manager')).toEqual([]);
    expect(auditActionsFor('open', 'leader')).toEqual([]);
  });
});

describe('the rectification clock of each opening of a finding', () => {
  it('is rectification the first time and rectification_<n> after', () => {
    expect(rectificationClockKind(1)).toBe('rectification');
    expect(rectificationClockKind(2)).toBe('rectification_2');
    expect(rectificationClockKind(5)).toBe('rectification_5');
  });
});
