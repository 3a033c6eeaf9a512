import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, ErrorDetail, MessageCode, MessageParams } from '@crm/shared/domain';

/**
 * An error a page shows itself, next to what caused it: the server's message and its field details, or (when the
 * server could not be reached or failed, or said nothing) `messageKey`, the i18n key of what to show instead.
 */
export interface ShownError {
  message: string;
  code?: MessageCode;
  params?: MessageParams;
  details: ErrorDetail[];
  messageKey?: string;
}

export function shownError(e: unknown): ShownError {
  if (e instanceof HttpErrorResponse) {
    const body = e.error as Partial<ApiError> | null;
    const details = body?.details ?? [];
    if (e.status === 0) return { message: e.message, details, messageKey: 'errors.network' };
    if (e.status >= 500) return { message: body?.message ?? e.message, details, messageKey: 'errors.server' };
    if (!body?.message) return { message: e.message, details, messageKey: 'errors.unknown' };
    return { message: body.message, ...(body.code && { code: body.code, params: body.params ?? {} }), details };
  }
  return { message: String(e), details: [] };
}
