import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, ROLES } from '@crm/shared/domain';
import { Roles } from './access.decorators';
import { stacked } from './stacked';

/** A controller of routes that need a login, its routes under `path`, listed under `tag` in the API document. */
export function ApiController(tag: string, path?: string): ClassDecorator {
  return stacked(ApiTags(tag), ApiBearerAuth(), path === undefined ? Controller() : Controller(path));
}

/** A GET route every role may call (what each one sees is narrowed by its DataScope). */
export function GetForAll(path?: string): MethodDecorator {
  return stacked(Get(path), Roles(...ROLES));
}

/** A POST route that acts on something and answers 200 with the result, for `roles`. */
export function PostAction(path: string, ...roles: Role[]): MethodDecorator {
  return stacked(Post(path), HttpCode(200), Roles(...roles));
}
