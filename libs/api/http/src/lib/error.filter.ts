import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  ApiError,
  ConflictError,
  DomainError,
  ErrorDetail,
  ForbiddenError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
  StaleVersionError,
  TooManyAttemptsError,
} from '@crm/shared/domain';
import type { Response } from 'express';

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
};

/** PostgreSQL error codes that mean the client sent something the database refuses. */
const PG_CLIENT_ERRORS: Record<string, number> = {
  '23505': HttpStatus.CONFLICT, // unique_violation
  '23503': HttpStatus.BAD_REQUEST, // foreign_key_violation
  '23514': HttpStatus.BAD_REQUEST, // check_violation
  '22P02': HttpStatus.BAD_REQUEST, // invalid_text_representation
};

/** The one error format of API.md: `{statusCode, error, message, details?}`, for every error. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof DomainError) {
    const status = DOMAIN_STATUS.find(([type]) => exception instanceof type)?.[1] ?? 500;
    const details =
      (exception instanceof InvalidInputError || exception instanceof InvalidTransitionError) &&
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
  const pgCode = (exception as { code?: unknown })?.code;
  if (typeof pgCode === 'string' && PG_CLIENT_ERRORS[pgCode]) {
    const status = PG_CLIENT_ERRORS[pgCode];
    const detail = (exception as { detail?: string }).detail;
    return { statusCode: status, error: STATUS_NAMES[status], message: detail ?? 'The database refused the change' };
  }
  return { statusCode: 500, error: STATUS_NAMES[500], message: 'Internal server error' };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toApiError(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (!response.headersSent) {
      response.status(body.statusCode).json(body);
    }
  }
}
