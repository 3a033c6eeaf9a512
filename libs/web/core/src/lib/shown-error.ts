import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, ErrorDetail, MessageCode, MessageParams } from '@crm/shared/domain';

/**
 * An error a page shows itself, next to what caused it: the server's message and its field details, each
 * with its message code and params (shown in the reader's language by the `message` pipe).
 */
export interface ShownError {
  message: string;
  code?: MessageCode;
  params?: MessageParams;
  details: ErrorDetail[];
}

export function shownError(e: unknown): ShownError {
  if (e instanceof HttpErrorResponse) {
    const body = e.error as Partial<ApiError> | null;
    return {
      message: body?.message ?? e.message,
      ...(body?.code && { code: body.code, params: body.params ?? {} }),
      details: body?.details ?? [],
    };
  }
  return { message: String(e), details: [] };
}
