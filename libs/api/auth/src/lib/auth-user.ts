import { Role } from '@crm/shared/domain';

/** The logged-in caller, as carried by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The id of the request being served (`X-Request-Id`), as `@CurrentUser()` gives it: the change history records it. */
  requestId?: string;
}
