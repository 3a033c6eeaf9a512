import { OptionalDateString, OptionalIn, OptionalText, OptionalUuid, PageQueryDto } from '@crm/api/http';

export class AuditQueryDto extends PageQueryDto {
  @OptionalUuid() userId?: string;
  @OptionalIn(['POST', 'PUT', 'PATCH', 'DELETE']) method?: string;
  @OptionalDateString('ISO date or time, inclusive') from?: string;
  @OptionalDateString('ISO date or time, exclusive') to?: string;
  @OptionalText(200, 'Path prefix, e.g. /api/customers') path?: string;
}
