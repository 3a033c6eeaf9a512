import { BadRequestException, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { creditCodeProblemCode, ErrorDetail, isMessageCode, MessageParams } from '@crm/shared/domain';
import { getMetadataStorage } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { ErrorFilter } from './error.filter';
import { BODY_LIMIT_BYTES, bodyParserErrors, RefuseNulInParamsPipe, refuseHostileInput } from './request-input';

/** Every request gets an id (the caller's `X-Request-Id`, or a new one), echoed in the response. */
function assignRequestId(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const sent = req.headers['x-request-id'];
  req.id = (typeof sent === 'string' && sent ? sent.slice(0, 100) : undefined) ?? randomUUID();
  res.setHeader('x-request-id', req.id);
  next();
}

/** API answers are about one user's customers: no browser or proxy may keep them. */
function noStore(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/')) res.setHeader('cache-control', 'no-store');
  next();
}

/** The arguments of the constraint `name` on `property` of the DTO `target` (`[min]` of `@Min(min)`). */
function constraintArguments(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === name || m.type === name));
  return metadata?.constraints ?? [];
}

/** The params of a constraint's message: the field and what the constraint asks for. */
function constraintParams(name: string, field: string, args: unknown[]): MessageParams {
  const [first, second] = args;
  switch (name) {
    case 'min':
    case 'max':
    case 'maxLength':
    case 'minLength':
    case 'arrayMaxSize':
    case 'arrayMinSize':
    case 'isNumberWithPlaces':
      return { field, limit: Number(first) };
    case 'isLength':
      return { field, min: Number(first), max: Number(second ?? first) };
    case 'isIn':
      return { field, values: Array.isArray(first) ? first.join(', ') : '' };
    default:
      return { field };
  }
}

/**
 * The code of a class-validator constraint: `validation.<name>`; the domain rules say which problem
 * they found (a credit code's length, shape or check character).
 */
function constraintDetail(error: ValidationError, field: string, name: string, message: string): ErrorDetail {
  if (name === 'isCreditCode' && typeof error.value === 'string') {
    const code = creditCodeProblemCode(error.value);
    if (code) return { field, message, code, params: { field } };
  }
  const code = `validation.${name === 'isUUID' ? 'isUuid' : name === 'isISO8601' ? 'isIso8601' : name}`;
  if (!isMessageCode(code)) return { field, message };
  return {
    field,
    message,
    code,
    params: constraintParams(name, field, constraintArguments(error.target, error.property, name)),
  };
}

/**
 * Flattens class-validator's nested errors into `[{field, message, code, params}]` with dotted paths
 * (`contacts.0.phone`).
 */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, message]) =>
      constraintDetail(error, field, name, message),
    );
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The DTO an error was found in: its constraints' arguments are the params of the detail's message code.
    validationError: { target: true },
    exceptionFactory: (errors) => {
      const details = validationDetails(errors);
      return new BadRequestException({
        message: `Invalid ${[...new Set(details.map((d) => d.field))].join(', ')}`,
        details,
      });
    },
  });
}

/**
 * Everything an HTTP app of ours needs, in production and in integration tests alike:
 * the `/api` prefix, security headers, body parsing with its limits, validation and the one error format.
 * The JSON and form parsers are registered here (Nest then skips its own), so that their errors and the
 * refusal of NUL characters and deep nesting are answered before routing.
 */
export function configureHttp(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.use(assignRequestId);
  app.use(noStore);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: true });
  app.use(bodyParserErrors);
  app.use(refuseHostileInput);
  app.useGlobalPipes(new RefuseNulInParamsPipe(), createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
}
