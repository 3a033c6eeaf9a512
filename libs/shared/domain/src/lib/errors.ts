import { ErrorDetail } from './api-types';
import { MessageCode, MessageParams } from './messages';

/** A detail naming `field`, its English `message` and the message code of the rule it breaks (params name the field too). */
export function ruleDetail(field: string, message: string, code: MessageCode, params: MessageParams = {}): ErrorDetail {
  return { field, message, code, params: { field, ...params } };
}

/**
 * Errors thrown by services and domain code. One exception filter in the API maps them to HTTP,
 * so no service ever builds an HTTP response.
 */
export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input that class-validator cannot see (a rule across fields, a reference that does not exist). → 400 */
export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** The thing does not exist, or is not the caller's to see. → 404 */
export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(id ? `${what} ${id} not found` : `${what} not found`);
  }
}

/** The caller's role may not do this. → 403 */
export class ForbiddenError extends DomainError {}

/** The update was based on an old version of the record. → 409 */
export class StaleVersionError extends DomainError {
  constructor(what: string, sentVersion: number, currentVersion: number) {
    super(
      `${what} was changed by someone else: you sent version ${sentVersion}, the current version is ${currentVersion}`,
    );
  }
}

/** The thing exists already (a natural key such as an account number is taken). → 409, naming the field */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** The request is valid but the state of the thing does not allow it. → 409, with what the caller may send to resolve it */
export class InvalidTransitionError extends DomainError {
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** Too many attempts. → 429 */
export class TooManyAttemptsError extends DomainError {}
