import { ArgumentMetadata, BadRequestException, HttpException, Injectable, PipeTransform } from '@nestjs/common';
import { ErrorDetail, InvalidInputError } from '@crm/shared/domain';
import type { NextFunction, Request, Response } from 'express';
import { errorBodyFor, toApiError } from './error.filter';

/** The largest JSON (or form) body the API reads. */
export const BODY_LIMIT_BYTES = 100 * 1024;
/** How deep objects and arrays of a JSON body may nest. */
export const MAX_JSON_DEPTH = 32;

/** A 400 naming each field at fault, in the shape the validation pipe uses. */
export function invalidInput(details: ErrorDetail[]): BadRequestException {
  return new BadRequestException({
    message: `Invalid ${[...new Set(details.map((d) => d.field))].join(', ')}`,
    details,
  });
}

/** Refuses `what` (e.g. "The rule") with a 400 that names each of its `problems`, when there are any. */
export function rejectProblems(what: string, problems: ErrorDetail[]): void {
  if (problems.length) {
    throw new InvalidInputError(
      `${what} is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
  }
}

/**
 * The first problem of a parsed request value: the NUL character (which PostgreSQL text refuses) in a
 * string or a key, or nesting deeper than MAX_JSON_DEPTH. The walk stops at that depth, so it is safe
 * on any input.
 */
export function inputProblem(value: unknown, field: string, depth = 0): ErrorDetail | null {
  const name = field || 'body';
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? {
          field: name,
          message: `${name} must not contain the NUL character`,
          code: 'field.notNul',
          params: { field: name },
        }
      : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_JSON_DEPTH) {
    const message = `${name} nests deeper than ${MAX_JSON_DEPTH} levels`;
    return { field: name, message, code: 'field.tooDeep', params: { field: name, max: MAX_JSON_DEPTH } };
  }
  for (const [key, item] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    if (key.includes('\u0000')) {
      const message = 'field names must not contain the NUL character';
      return { field: path, message, code: 'field.notNul', params: { field: path } };
    }
    const problem = inputProblem(item, path, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Sends the one error format from express middleware (ahead of Nest's routing and its filters). */
function sendError(res: Response, error: HttpException): void {
  const body = toApiError(error);
  res.status(body.statusCode).json(errorBodyFor(res.req, body));
}

/**
 * Turns a body-parser error into our error format at once: malformed JSON → 400, too large → 413,
 * unsupported charset or encoding → 415. Answering here, right after the parsers, keeps these errors from
 * reaching the static-files fallback, which would turn every error under /api into a 404.
 */
export function bodyParserErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { type, status, message } = (error ?? {}) as { type?: string; status?: number; message?: string };
  if (!type) return next(error);
  const answer =
    type === 'entity.parse.failed'
      ? new HttpException({ message: `Malformed JSON: ${message}` }, 400)
      : type === 'entity.too.large' || type === 'parameters.too.many'
        ? new HttpException({ message: `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KB` }, 413)
        : type === 'encoding.unsupported' || type === 'charset.unsupported'
          ? new HttpException({ message: message ?? 'Unsupported body encoding' }, 415)
          : new HttpException({ message: message ?? 'The request body could not be read' }, status === 413 ? 413 : 400);
  sendError(res, answer);
}

/** Refuses, before anything reads them, bodies and query strings with NUL characters or deep nesting. */
export function refuseHostileInput(req: Request, res: Response, next: NextFunction): void {
  const problem = inputProblem(req.query, '') ?? inputProblem(req.body, '');
  if (problem) return sendError(res, invalidInput([problem]));
  next();
}

/** Route parameters (which middleware cannot name) with a NUL character → 400 naming the parameter. */
@Injectable()
export class RefuseNulInParamsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const problem = inputProblem(value, metadata.data ?? '');
    if (problem) throw invalidInput([problem]);
    return value;
  }
}
