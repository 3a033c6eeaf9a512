import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { changeLeavesCustomers, UserAccount } from '@crm/shared/domain';
import { FormDialog } from '@crm/web/ui';
import { NzInputModule } from 'ng-zorro-antd/input';
import { TakeoverPicker } from './takeover-picker';
import { UserDialog } from './user-dialog';

/** Deactivates a user (their sessions end at once), handing their customers to another manager if they have any. */
@Component({
  selector: 'crm-deactivate-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, FormDialog, NzInputModule, TakeoverPicker],
  templateUrl: './deactivate-dialog.html',
  styles: `
    .label {
      display: block;
      margin: 12px 0 4px;
    }
  `,
})
export class DeactivateDialog extends UserDialog {
  readonly user = input<UserAccount | null>(null);
  protected readonly takeOverManagerId = signal<string | null>(null);
  protected reason = '';
  /** A manager must be chosen to take over the user's customers, if they have any. */
  protected readonly canSave = computed(() => {
    const u = this.user();
    return !u || !this.needsTakeover(u) || !!this.takeOverManagerId();
  });

  constructor() {
    super();
    effect(() => {
      if (!this.user()) return;
      this.takeOverManagerId.set(null);
      this.reason = '';
      this.action.error.set(null);
    });
  }

  protected needsTakeover(u: UserAccount): boolean {
    return u.customers > 0 && changeLeavesCustomers(u, { active: false });
  }

  protected async submit(): Promise<void> {
    const u = this.user();
    if (!u) return;
    const takeOver = this.needsTakeover(u) ? this.takeOverManagerId() : null;
    const reason = this.reason.trim();
    await this.save(() =>
      this.api.update(u.id, {
        active: false,
        version: u.version,
        ...(takeOver ? { takeOverManagerId: takeOver, ...(reason ? { takeOverReason: reason } : {}) } : {}),
      }),
    );
  }
}
