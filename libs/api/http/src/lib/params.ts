import { ArgumentMetadata, Injectable, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';
import { isCalendarDate, MessageCode, MessageParams } from '@crm/shared/domain';
import { isUUID } from 'class-validator';
import { invalidInput } from './request-input';

/** Ids of bigint columns: 1 up to the largest integer JavaScript holds exactly. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

type Check = (value: string) => boolean;

/** A pipe that lets a string through when `check` holds, else answers 400 naming the parameter. */
@Injectable()
class CheckPipe implements PipeTransform<string, string> {
  constructor(
    private readonly check: Check,
    private readonly rule: string,
    private readonly code: MessageCode,
    private readonly params: MessageParams = {},
  ) {}

  transform(value: string, { data }: ArgumentMetadata): string {
    if (typeof value !== 'string' || !this.check(value)) {
      const field = data ?? 'parameter';
      throw invalidInput([
        { field, message: `${data} must be ${this.rule}`, code: this.code, params: { field, ...this.params } },
      ]);
    }
    return value;
  }
}

/** Parses a whole number in [min, max]; an absent query value gives `fallback` when there is one. */
@Injectable()
class IntPipe implements PipeTransform<string | number | undefined, number> {
  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly fallback?: number,
  ) {}

  /** The global validation pipe runs first and has already made a number of the text when the argument is one. */
  transform(value: string | number | undefined, { data }: ArgumentMetadata): number {
    if ((value === undefined || value === '') && this.fallback !== undefined) return this.fallback;
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number) || number < this.min || number > this.max) {
      const field = data ?? 'parameter';
      throw invalidInput([
        {
          field,
          message: `${data} must be a whole number from ${this.min} to ${this.max}`,
          code: 'field.wholeNumber',
          params: { field, min: this.min, max: this.max },
        },
      ]);
    }
    return number;
  }
}

/** A path parameter that must be a UUID (400 naming it otherwise), documented as such. */
export function UuidParam(name: string): ParameterDecorator {
  return paramWith(name, new CheckPipe((v) => isUUID(v), 'a UUID', 'validation.isUuid'), {
    type: String,
    format: 'uuid',
  });
}

/** A path parameter holding the id of a bigint column (a whole number 1 to MAX_ID). */
export function IdParam(name: string): ParameterDecorator {
  return paramWith(name, new IntPipe(1, MAX_ID), { type: 'integer', minimum: 1, maximum: MAX_ID });
}

/** A whole-number path parameter in [min, max]. */
export function IntParam(name: string, min: number, max: number): ParameterDecorator {
  return paramWith(name, new IntPipe(min, max), { type: 'integer', minimum: min, maximum: max });
}

/** A path parameter that must be one of `values`. */
export function EnumParam(name: string, values: readonly string[]): ParameterDecorator {
  return paramWith(
    name,
    new CheckPipe((v) => values.includes(v), `one of ${values.join(', ')}`, 'validation.isIn', {
      values: values.join(', '),
    }),
    {
      type: String,
      enum: values,
    },
  );
}

/** A path parameter that must be a real calendar date `YYYY-MM-DD` (2026-02-30 is a 400). */
export function DateParam(name: string): ParameterDecorator {
  return paramWith(name, new CheckPipe(isCalendarDate, 'a calendar date YYYY-MM-DD', 'validation.isDateString'), {
    type: String,
    format: 'date',
  });
}

/** An optional whole-number query parameter in [min, max], `fallback` when absent. */
export function IntQuery(name: string, min: number, max: number, fallback: number): ParameterDecorator {
  return (target, key, index) => {
    Query(name, new IntPipe(min, max, fallback))(target, key, index);
    const method = descriptorOf(target, key);
    ApiQuery({ name, required: false, type: 'integer', minimum: min, maximum: max, default: fallback })(
      target,
      key as string,
      method,
    );
  };
}

function paramWith(name: string, pipe: PipeTransform, schema: Record<string, unknown>): ParameterDecorator {
  return (target, key, index) => {
    Param(name, pipe)(target, key, index);
    ApiParam({ name, required: true, ...schema })(target, key as string, descriptorOf(target, key));
  };
}

function descriptorOf(target: object, key: string | symbol | undefined): PropertyDescriptor {
  return Object.getOwnPropertyDescriptor(target, key as string) as PropertyDescriptor;
}
