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

export interface TokenClaims {
  sub: string;
  username: string;
  displayName: string;
  role: Role;
}

/**
 * Global guard: every route needs a valid bearer token unless it is `@Public()`, and must declare
 * the roles that may call it with `@Roles(...)`. A route that forgets to declare roles is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
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
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      if (!isRole(claims.role)) throw new Error('unknown role');
      return { id: claims.sub, username: claims.username, displayName: claims.displayName, role: claims.role };
    } catch {
      throw new UnauthorizedException('The session has expired or the token is invalid: log in again');
    }
  }
}
