import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { AuthUser } from './auth-user';
import { DataScope } from './data-scope';

function userOf(ctx: ExecutionContext): AuthUser {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
  if (!user) throw new UnauthorizedException('Login required');
  return user;
}

/** The logged-in caller. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => userOf(ctx));

/** The caller's data scope: pass it to every repository call that touches customer data. */
export const Scope = createParamDecorator((_: unknown, ctx: ExecutionContext) => DataScope.of(userOf(ctx)));
