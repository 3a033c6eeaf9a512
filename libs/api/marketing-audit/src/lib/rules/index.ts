import { AuditRuleCode } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';

/** The SQL of every audit rule, by code. */
export const AUDIT_RULE_QUERIES: Partial<Record<AuditRuleCode, AuditRuleQuery>> = {};
