import { SetMetadata } from '@nestjs/common';
import { Role } from '@crm/shared/domain';

export const PUBLIC_ROUTE = 'crm:public';
export const ROUTE_ROLES = 'crm:roles';

/** The route needs no login (health, login itself). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The roles that may call this route. Every route that is not `@Public()` must say this:
 * the access guard refuses a route that declares no roles.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);
