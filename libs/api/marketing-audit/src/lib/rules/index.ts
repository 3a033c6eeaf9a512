import { AuditRuleCode } from '@crm/shared/domain';
import { applicationLate } from './application-late';
import { AuditRuleQuery } from './audit-rule';
import { callbackContradiction } from './callback-contradiction';
import { consumptionOutOfLine } from './consumption-out-of-line';
import { contactDataIncomplete } from './contact-data-incomplete';
import { disconnectionWithoutNotice } from './disconnection-without-notice';
import { importantCustomerNotVisited } from './important-customer-not-visited';
import { outageNoticeUndelivered } from './outage-notice-undelivered';
import { repairArrivalLate } from './repair-arrival-late';
import { restorationLate } from './restoration-late';
import { urgedWithoutContact } from './urged-without-contact';
import { zeroConsumption } from './zero-consumption';

/** The SQL of every audit rule, by code. */
export const AUDIT_RULE_QUERIES: Record<AuditRuleCode, AuditRuleQuery> = {
  zero_consumption: zeroConsumption,
  consumption_out_of_line: consumptionOutOfLine,
  disconnection_without_notice: disconnectionWithoutNotice,
  restoration_late: restorationLate,
  outage_notice_undelivered: outageNoticeUndelivered,
  contact_data_incomplete: contactDataIncomplete,
  application_late: applicationLate,
  urged_without_contact: urgedWithoutContact,
  callback_contradiction: callbackContradiction,
  repair_arrival_late: repairArrivalLate,
  important_customer_not_visited: importantCustomerNotVisited,
};
