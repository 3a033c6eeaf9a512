import { Signal } from '@angular/core';
import { ErrorDetail } from '@crm/shared/domain';

/** What a form's save shows: whether it runs and why it last failed (a `SaveAction` of @crm/web/core). */
export interface SaveState {
  readonly saving: Signal<boolean>;
  readonly error: Signal<{ message: string; details: readonly ErrorDetail[] } | null>;
}
