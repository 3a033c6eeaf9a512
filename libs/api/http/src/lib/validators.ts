import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';

/**
 * The property may be left out; when it is there, even as `null`, its other validators apply, so a
 * `null` for a column that is not nullable is a 400 naming the field. Used instead of class-validator's
 * `IsOptional`, which lets `null` through to the database. A property that may be null says so with
 * `@ValidateIf((_, v) => v !== null)` as well.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined, options);
}

/**
 * A finite number with at most `places` decimals. class-validator's `IsNumber({maxDecimalPlaces})` throws on
 * numbers JavaScript writes in exponent form (`1e-10`), which made a 500 of them.
 */
export function IsNumberWithPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNumberWithPlaces',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [places],
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
        defaultMessage: (args) => `${args?.property} must be a number with at most ${places} decimal places`,
      },
    });
}
