import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * The property may be left out; when it is there, even as `null`, its other validators apply, so a
 * `null` for a column that is not nullable is a 400 naming the field. Used instead of class-validator's
 * `IsOptional`, which lets `null` through to the database. A property that may be null says so with
 * `@ValidateIf((_, v) => v !== null)` as well.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined, options);
}
