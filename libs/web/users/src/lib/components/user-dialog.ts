import { Directive, inject, output, signal } from '@angular/core';
import { UserAccount } from '@crm/shared/domain';
import { shownError, ShownError } from '@crm/web/core';
import { UsersApi } from '../users.api';

/** What the users page's dialogs share: the save's progress and error, and the saved user or the closing. */
@Directive()
export abstract class UserDialog {
  readonly saved = output<UserAccount>();
  readonly closed = output<void>();
  protected readonly api = inject(UsersApi);
  protected readonly saving = signal(false);
  protected readonly error = signal<ShownError | null>(null);

  /** Sends `request`, showing that it runs and why it failed; emits the user it saved. */
  protected async save(request: () => Promise<UserAccount>): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    try {
      this.saved.emit(await request());
    } catch (e) {
      this.error.set(shownError(e));
    } finally {
      this.saving.set(false);
    }
  }
}
