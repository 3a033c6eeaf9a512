import { OptionalDateString, OptionalIn, OptionalUuid, PageQueryDto } from '@crm/api/http';
import { CHANGE_ENTITY_TYPES, ChangeEntityType } from '@crm/shared/domain';

export class ChangeHistoryQueryDto extends PageQueryDto {
  @OptionalUuid('Who made the change') actorId?: string;
  @OptionalUuid() customerId?: string;
  @OptionalIn(CHANGE_ENTITY_TYPES) entityType?: ChangeEntityType;
  @OptionalDateString('ISO date or time, inclusive') from?: string;
  @OptionalDateString('ISO date or time, exclusive') to?: string;
}
