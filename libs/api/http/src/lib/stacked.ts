import { applyDecorators } from '@nestjs/common';

/**
 * Applies `decorators` as if they stood stacked in this order above a class or member: the lowest first, as TypeScript
 * does, so validation messages and documented responses keep the order of the stacks they replace.
 */
export function stacked(...decorators: (ClassDecorator | MethodDecorator | PropertyDecorator)[]) {
  return applyDecorators(...decorators.reverse());
}
