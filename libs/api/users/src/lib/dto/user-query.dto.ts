import { OptionalBooleanQuery, OptionalIn, OptionalText, PageQueryDto } from '@crm/api/http';
import { Role, ROLES, USER_SORTS } from '@crm/shared/domain';

export class UserQueryDto extends PageQueryDto {
  @OptionalText(100, 'Part of the username or display name') search?: string;

  @OptionalIn(ROLES) role?: Role;

  @OptionalBooleanQuery()
  active?: boolean;

  @OptionalIn(USER_SORTS, { default: 'username' }) sort = 'username';
}
