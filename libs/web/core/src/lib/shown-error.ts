import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, ErrorDetail } from '@crm/shared/domain';

/** An error a page shows itself, next to what caused it: the server's message and its field details. */
export interface ShownError {
  message: string;
  details: ErrorDetail[];
}

export function shownError(e: unknown): ShownError {
  if (e instanceof HttpErrorResponse) {
    const body = e.error as Partial<ApiError> | null;
    return { message: body?.message ?? e.message, details: body?.details ?? [] };
  }
  return { message: String(e), details: [] };
}
