import { OptionalIn, OptionalUuid, PageQueryDto } from '@crm/api/http';
import {
  AUDIT_FINDING_SORTS,
  AUDIT_FINDING_STATES,
  AUDIT_RULE_CODES,
  AUDIT_SEVERITIES,
  AuditFindingSort,
  AuditFindingState,
  AuditRuleCode,
  AuditSeverity,
} from '@crm/shared/domain';

/** The filters of `GET /api/marketing-audit/findings`. */
export class AuditFindingQueryDto extends PageQueryDto {
  @OptionalIn(AUDIT_RULE_CODES)
  rule?: AuditRuleCode;

  @OptionalIn(AUDIT_FINDING_STATES)
  state?: AuditFindingState;

  @OptionalUuid("The customer's account manager now")
  managerId?: string;

  @OptionalUuid()
  customerId?: string;

  @OptionalIn(AUDIT_SEVERITIES)
  severity?: AuditSeverity;

  @OptionalIn(['true', 'false'], { description: 'true: findings past their rectification deadline only' })
  overdue?: 'true' | 'false';

  @OptionalIn(AUDIT_FINDING_SORTS, {
    default: 'due',
    description:
      'due: overdue first, then the nearest deadline, those without one last; found: newest first; ' +
      'severity: high first, then as due',
  })
  sort: AuditFindingSort = 'due';
}
