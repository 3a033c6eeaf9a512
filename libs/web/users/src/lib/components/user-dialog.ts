import { Directive, inject, output } from '@angular/core';
import { UserAccount } from '@crm/shared/domain';
import { SaveAction } from '@crm/web/core';
import { UsersApi } from '../users.api';

/** What the users page's dialogs share: the save's progress and error, and the saved user or the closing. */
@Directive()
export abstract class UserDialog {
  readonly saved = output<UserAccount>();
  readonly closed = output<void>();
  protected readonly api = inject(UsersApi);
  protected readonly action = new SaveAction();

  /** Sends `request`, showing that it runs and why it failed; emits the user it saved. */
  protected async save(request: () => Promise<UserAccount>): Promise<void> {
    await this.action.run(async () => this.saved.emit(await request()));
  }
}
