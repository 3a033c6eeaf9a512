import { OptionalDateString, OptionalIn, OptionalText, OptionalUuid, PageQueryDto } from '@crm/api/http';
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
  @OptionalText(50, "The customer's region") region?: string;
  @OptionalDateString('Completed from this China date (inclusive)') completedFrom?: string;
  @OptionalDateString('Completed before this China date (exclusive)') completedTo?: string;
}
