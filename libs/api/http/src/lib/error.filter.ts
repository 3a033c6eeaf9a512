import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  ApiError,
  ConflictError,
  DomainError,
  ErrorDetail,
  ForbiddenError,
  InvalidInputError,
  InvalidTransitionError,
  MessageCode,
  NotFoundError,
  StaleVersionError,
  TooManyAttemptsError,
} from '@crm/shared/domain';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from './database-unavailable';
import { ThrottledLog } from './throttled-log';

/** Seconds a client should wait before retrying while the database is unavailable (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 5;

const DOMAIN_STATUS: [new (...args: never[]) => DomainError, number][] = [
  [InvalidInputError, HttpStatus.BAD_REQUEST],
  [NotFoundError, HttpStatus.NOT_FOUND],
  [ForbiddenError, HttpStatus.FORBIDDEN],
  [StaleVersionError, HttpStatus.CONFLICT],
  [ConflictError, HttpStatus.CONFLICT],
  [InvalidTransitionError, HttpStatus.CONFLICT],
  [TooManyAttemptsError, HttpStatus.TOO_MANY_REQUESTS],
];

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The message code of an error body, by HTTP status. */
const STATUS_CODES: Record<number, MessageCode> = {
  400: 'error.badRequest',
  401: 'error.unauthorized',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  413: 'error.payloadTooLarge',
  415: 'error.unsupportedMediaType',
  422: 'error.unprocessable',
  429: 'error.tooManyRequests',
  500: 'error.internal',
  503: 'error.unavailable',
};

/**
 * Adds the message code and params to an error body and each of its details: a detail that names no
 * code of its own gets `field.invalid` with its English message as a parameter.
 */
export function withCodes(body: ApiError): ApiError {
  const fields = [...new Set((body.details ?? []).map((d) => d.field))].join(', ');
  return {
    ...body,
    code:
      body.code ?? STATUS_CODES[body.statusCode] ?? (body.statusCode >= 500 ? 'error.internal' : 'error.badRequest'),
    // The generic text of a status names the reason the server gave (a domain rule's own words) as `message`.
    params: body.params ?? { ...(fields && { fields }), ...(body.statusCode < 500 && { message: body.message }) },
    ...(body.details && {
      details: body.details.map((d) =>
        d.code
          ? { ...d, params: d.params ?? {} }
          : { ...d, code: 'field.invalid', params: { field: d.field, message: d.message } },
      ),
    }),
  };
}

/** PostgreSQL error codes that mean the client sent something the database refuses. */
const PG_CLIENT_ERRORS: Record<string, number> = {
  '23505': HttpStatus.CONFLICT, // unique_violation
  '23503': HttpStatus.BAD_REQUEST, // foreign_key_violation
  '23514': HttpStatus.BAD_REQUEST, // check_violation
  '22P02': HttpStatus.BAD_REQUEST, // invalid_text_representation
};

/** The API field names of the columns in a constraint error's detail, `Key (account_no, x)=(…) …` → `accountNo, x`. */
export function keyFields(detail: string | undefined): string[] {
  const columns = /^Key \(([^)]+)\)=/.exec(detail ?? '')?.[1];
  if (!columns) return [];
  return columns.split(',').map((c) => c.trim().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()));
}

/** The one error format of API.md: `{statusCode, error, message, code, params, details?}`, for every error. */
/**
 * The request header by which a client asks for the message codes of an error body (the web app sends it); without it
 * the body is the contract's `{statusCode, error, message, details?}` with details `{field, message}`, exactly as
 * integrations have always read it.
 */
export const MESSAGE_CODES_HEADER = 'x-message-codes';

/** The error body `body` as the request asked: with its message codes, or in the contract's bare format. */
export function errorBodyFor(request: Request, body: ApiError): ApiError {
  if (request.headers[MESSAGE_CODES_HEADER] === '1') return body;
  const { statusCode, error, message, details } = body;
  return {
    statusCode,
    error,
    message,
    ...(details && { details: details.map((d) => ({ field: d.field, message: d.message })) }),
  };
}

export function toApiError(exception: unknown): ApiError {
  return withCodes(toEnglishError(exception));
}

function toEnglishError(exception: unknown): ApiError {
  if (exception instanceof DomainError) {
    const status = DOMAIN_STATUS.find(([type]) => exception instanceof type)?.[1] ?? 500;
    const details =
      (exception instanceof InvalidInputError ||
        exception instanceof ConflictError ||
        exception instanceof InvalidTransitionError) &&
      exception.details.length
        ? exception.details
        : undefined;
    return { statusCode: status, error: STATUS_NAMES[status], message: exception.message, ...(details && { details }) };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const payload = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const message =
      typeof body === 'string'
        ? body
        : Array.isArray(payload['message'])
          ? (payload['message'] as string[]).join('; ')
          : String(payload['message'] ?? exception.message);
    const details = payload['details'] as ErrorDetail[] | undefined;
    return {
      statusCode: status,
      error: STATUS_NAMES[status] ?? String(payload['error'] ?? 'Error'),
      message,
      ...(details && { details }),
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: STATUS_NAMES[503],
      message: 'The database is unavailable at the moment; please retry in a few seconds',
    };
  }
  const pgCode = (exception as { code?: unknown })?.code;
  if (typeof pgCode === 'string' && PG_CLIENT_ERRORS[pgCode]) {
    const status = PG_CLIENT_ERRORS[pgCode];
    const fields = keyFields((exception as { detail?: string }).detail);
    // PostgreSQL's own text names tables and echoes values: say it in the API's words, naming the fields.
    const message =
      pgCode === '23505' && fields.length
        ? `Another record has the same ${fields.join(', ')}`
        : fields.length
          ? `Invalid ${fields.join(', ')}`
          : 'The database refused the change';
    const details = fields.map(
      (field): ErrorDetail =>
        pgCode === '23505'
          ? { field, message: 'is taken already', code: 'field.taken', params: { field } }
          : { field, message: 'is not valid', code: 'field.notValid', params: { field } },
    );
    return { statusCode: status, error: STATUS_NAMES[status], message, ...(details.length && { details }) };
  }
  return { statusCode: 500, error: STATUS_NAMES[500], message: 'Internal server error' };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);
  /** An outage fails every request: one line per few seconds with a count, not a stack per request. */
  private readonly unavailable = new ThrottledLog((line) => this.logger.error(`Service unavailable: ${line}`));

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = toApiError(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      const { message } = exception as { message?: unknown };
      const reason = typeof message === 'string' ? message : body.message;
      this.unavailable.report(`${reason} (${request.method} ${request.originalUrl})`);
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (!response.headersSent) {
      if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', RETRY_AFTER_SECONDS);
      response.status(body.statusCode).json(errorBodyFor(request, body));
    }
  }
}
