import { AuditRuleCode } from '@crm/shared/domain';
import { applicationLate } from './application-late';
import { AuditRuleQuery } from './audit-rule';
import { callbackContradiction } from './callback-contradiction';
import { importantCustomerNotVisited } from './important-customer-not-visited';
import { repairArrivalLate } from './repair-arrival-late';
import { urgedWithoutContact } from './urged-without-contact';

/** The SQL of every audit rule, by code. */
export const AUDIT_RULE_QUERIES: Partial<Record<AuditRuleCode, AuditRuleQuery>> = {
  application_late: applicationLate,
  urged_without_contact: urgedWithoutContact,
  callback_contradiction: callbackContradiction,
  repair_arrival_late: repairArrivalLate,
  important_customer_not_visited: importantCustomerNotVisited,
};
