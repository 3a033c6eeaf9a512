import { ChangeDetectionStrategy, Component, effect, input } from '@angular/core';
import { FormControl } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { UserAccount } from '@crm/shared/domain';
import { FormDialog, FormField } from '@crm/web/ui';
import { NzFormModule } from 'ng-zorro-antd/form';
import { passwordValidator } from '../password-validator';
import { UserDialog } from './user-dialog';

/** Sets a user's new password; their sessions end. */
@Component({
  selector: 'crm-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, FormDialog, FormField, NzFormModule],
  templateUrl: './password-dialog.html',
})
export class PasswordDialog extends UserDialog {
  readonly user = input<UserAccount | null>(null);
  protected readonly password = new FormControl('', {
    nonNullable: true,
    validators: passwordValidator(() => this.user()?.username ?? ''),
  });

  constructor() {
    super();
    effect(() => {
      if (!this.user()) return;
      this.password.reset('');
      this.action.error.set(null);
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
    await this.save(() => this.api.setPassword(u.id, this.password.value));
  }
}
