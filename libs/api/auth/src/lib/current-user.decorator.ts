import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { AuthUser } from './auth-user';
import { DataScope } from './data-scope';

function userOf(ctx: ExecutionContext): AuthUser {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser; id?: string }>();
  if (!request.user) throw new UnauthorizedException('Login required');
  return { ...request.user, requestId: request.id };
}

/** The logged-in caller, with the id of the request being served. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => userOf(ctx));

/** The caller's data scope: pass it to every repository call that touches customer data. */
export const Scope = createParamDecorator((_: unknown, ctx: ExecutionContext) => DataScope.of(userOf(ctx)));
