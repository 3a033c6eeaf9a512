import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { UserAccount } from '@crm/shared/domain';
import { shownError, ShownError } from '@crm/web/core';
import { FormDialog, FormField } from '@crm/web/ui';
import { NzFormModule } from 'ng-zorro-antd/form';
import { passwordValidator } from '../password-validator';
import { UsersApi } from '../users.api';

/** Sets a user's new password; their sessions end. */
@Component({
  selector: 'crm-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, FormDialog, FormField, NzFormModule],
  templateUrl: './password-dialog.html',
})
export class PasswordDialog {
  readonly user = input<UserAccount | null>(null);
  readonly saved = output<UserAccount>();
  readonly closed = output<void>();
  private readonly api = inject(UsersApi);
  protected readonly saving = signal(false);
  protected readonly error = signal<ShownError | null>(null);
  protected readonly password = new FormControl('', {
    nonNullable: true,
    validators: passwordValidator(() => this.user()?.username ?? ''),
  });

  constructor() {
    effect(() => {
      if (!this.user()) return;
      this.password.reset('');
      this.error.set(null);
    });
  }

  protected async submit(): Promise<void> {
    const u = this.user();
    if (!u) return;
    if (this.password.invalid) {
      this.password.markAsDirty();
      this.password.updateValueAndValidity();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      this.saved.emit(await this.api.setPassword(u.id, this.password.value));
    } catch (e) {
      this.error.set(shownError(e));
    } finally {
      this.saving.set(false);
    }
  }
}
