import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '@crm/api/http';
import { isRole, Role } from '@crm/shared/domain';
import type { Request } from 'express';
import { AuthUser } from './auth-user';
import { TokenStates } from './token-states';

export interface TokenClaims {
  sub: string;
  username: string;
  displayName: string;
  role: Role;
  /** The user's token version when the token was issued; a token of an older version is refused. */
  tv: number;
}

/**
 * Global guard: every route needs a valid bearer token unless it is `@Public()`, and must declare
 * the roles that may call it with `@Roles(...)`. A route that forgets to declare roles is refused.
 * The token's user must still be active and the token of their current token version (TokenStates).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly tokenStates: TokenStates,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    request.user = await this.authenticate(request);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (!roles) {
      this.logger.error(`${request.method} ${request.path} declares no @Roles: refused`);
      throw new ForbiddenException('This route declares no roles');
    }
    if (!roles.includes(request.user.role)) {
      throw new ForbiddenException(`This needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(request: Request): Promise<AuthUser> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw new UnauthorizedException('Login required: send Authorization: Bearer <token>');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
      if (!isRole(claims.role)) throw new Error('unknown role');
    } catch {
      throw new UnauthorizedException('The session has expired or the token is invalid: log in again');
    }
    // A deactivation, role change or password change bumps the token version: older tokens stop here.
    const state = await this.tokenStates.get(claims.sub);
    if (!state?.active || state.tokenVersion !== claims.tv) {
      throw new UnauthorizedException('The session has ended: log in again');
    }
    return { id: claims.sub, username: claims.username, displayName: claims.displayName, role: claims.role };
  }
}
