import { OptionalIn, OptionalUuid, PageQueryDto } from '@crm/api/http';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  ApplicationStatus,
  ApplicationType,
  SLA_STATES,
  SlaState,
} from '@crm/shared/domain';

export class ApplicationQueryDto extends PageQueryDto {
  @OptionalIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @OptionalIn(SLA_STATES, { description: 'SLA of the current step' }) sla?: SlaState;
  @OptionalUuid() customerId?: string;
  @OptionalIn(APPLICATION_TYPES) type?: ApplicationType;
  @OptionalUuid() managerId?: string;
}
