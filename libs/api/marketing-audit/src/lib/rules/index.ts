import { AuditRuleCode } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';
import { contactDataIncomplete } from './contact-data-incomplete';

/** The SQL of every audit rule, by code. */
export const AUDIT_RULE_QUERIES: Partial<Record<AuditRuleCode, AuditRuleQuery>> = {
  contact_data_incomplete: contactDataIncomplete,
};
