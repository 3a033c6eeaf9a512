import { Role } from '@crm/shared/domain';

/** The logged-in caller, as carried by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}
