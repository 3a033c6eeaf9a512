import { AuditRuleCode } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';
import { consumptionOutOfLine } from './consumption-out-of-line';
import { disconnectionWithoutNotice } from './disconnection-without-notice';
import { outageNoticeUndelivered } from './outage-notice-undelivered';
import { restorationLate } from './restoration-late';
import { zeroConsumption } from './zero-consumption';

/** The SQL of every audit rule, by code. */
export const AUDIT_RULE_QUERIES: Partial<Record<AuditRuleCode, AuditRuleQuery>> = {
  zero_consumption: zeroConsumption,
  consumption_out_of_line: consumptionOutOfLine,
  disconnection_without_notice: disconnectionWithoutNotice,
  restoration_late: restorationLate,
  outage_notice_undelivered: outageNoticeUndelivered,
};
