import { ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { stacked } from './stacked';
import { IsOmittable } from './validators';

/*
 * The optional fields that query and body DTOs repeat, each one decorator that documents and validates it.
 * A field that is there must be valid (see `IsOmittable`).
 */

/** An optional field that must be one of `values`, documented as that enum (plus `api`, e.g. a default). */
export function OptionalIn(values: readonly unknown[], api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiPropertyOptional({ enum: values, ...api }), IsOmittable(), IsIn([...values]));
}

/** An optional UUID field. */
export function OptionalUuid(description?: string): PropertyDecorator {
  return stacked(
    ApiPropertyOptional(description ? { format: 'uuid', description } : { format: 'uuid' }),
    IsOmittable(),
    IsUUID(),
  );
}

/** An optional ISO date or time (`2026-01-31`, `2026-01-31T08:00:00+08:00`). */
export function OptionalDateString(description: string): PropertyDecorator {
  return stacked(ApiPropertyOptional({ description }), IsOmittable(), IsDateString({ strict: true }));
}

/** An optional text of at most `maxLength` characters. */
export function OptionalText(maxLength: number, description?: string): PropertyDecorator {
  return stacked(
    ApiPropertyOptional(description ? { description } : {}),
    IsOmittable(),
    IsString(),
    MaxLength(maxLength),
  );
}

/** An optional boolean query parameter, `true` or `false` in the URL. */
export function OptionalBooleanQuery(description?: string): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ type: Boolean, ...(description && { description }) }),
    IsOmittable(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}
