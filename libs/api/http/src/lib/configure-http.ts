import { BadRequestException, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ErrorDetail } from '@crm/shared/domain';
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

/** Flattens class-validator's nested errors into `[{field, message}]` with dotted paths (`contacts.0.phone`). */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
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
