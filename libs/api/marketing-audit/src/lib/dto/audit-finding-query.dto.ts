import { OptionalIn, OptionalText, OptionalUuid, PageQueryDto } from '@crm/api/http';
import {
  AUDIT_FINDING_SORTS,
  AUDIT_FINDING_STATES,
  AUDIT_RULE_CODES,
  AUDIT_SEVERITIES,
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

  @OptionalIn(['true', 'false'], { description: 'true: findings open or rectifying only; false: the others' })
  pending?: 'true' | 'false';

  @OptionalText(50, "The customer's region")
  region?: string;

  @OptionalIn(AUDIT_FINDING_SORTS, {
    default: 'dueOn',
    description:
      'a field or -field for descending: dueOn (nearest deadline first, so overdue ones lead; none last), ' +
      'firstFoundAt, severity (high first), recurrences',
  })
  sort = 'dueOn';
}
