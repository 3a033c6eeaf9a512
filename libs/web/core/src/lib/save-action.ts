import { signal } from '@angular/core';
import { ShownError, shownError } from './shown-error';

/**
 * A form's or dialog's save: whether it runs (`saving`) and why it last failed (`error`), as
 * `<crm-form-dialog [action]>` and `<crm-form-actions [action]>` show them.
 */
export class SaveAction {
  readonly saving = signal(false);
  readonly error = signal<ShownError | null>(null);

  /**
   * Runs `request` (the save and what follows it), clearing the last error; on failure shows why, then calls
   * `failed` (e.g. to load what changed meanwhile). Resolves to whether it worked.
   */
  async run(request: () => Promise<unknown>, failed?: (e: unknown) => unknown): Promise<boolean> {
    this.saving.set(true);
    this.error.set(null);
    try {
      await request();
      return true;
    } catch (e) {
      this.error.set(shownError(e));
      await failed?.(e);
      return false;
    } finally {
      this.saving.set(false);
    }
  }
}
