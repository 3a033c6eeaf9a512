import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { changeLeavesCustomers, UserAccount } from '@crm/shared/domain';
import { shownError, ShownError } from '@crm/web/core';
import { FormDialog } from '@crm/web/ui';
import { NzInputModule } from 'ng-zorro-antd/input';
import { UsersApi } from '../users.api';
import { TakeoverPicker } from './takeover-picker';

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
export class DeactivateDialog {
  readonly user = input<UserAccount | null>(null);
  readonly saved = output<UserAccount>();
  readonly closed = output<void>();
  private readonly api = inject(UsersApi);
  protected readonly saving = signal(false);
  protected readonly error = signal<ShownError | null>(null);
  protected readonly takeOverManagerId = signal<string | null>(null);
  protected reason = '';
  /** A manager must be chosen to take over the user's customers, if they have any. */
  protected readonly canSave = computed(() => {
    const u = this.user();
    return !u || !this.needsTakeover(u) || !!this.takeOverManagerId();
  });

  constructor() {
    effect(() => {
      if (!this.user()) return;
      this.takeOverManagerId.set(null);
      this.reason = '';
      this.error.set(null);
    });
  }

  protected needsTakeover(u: UserAccount): boolean {
    return u.customers > 0 && changeLeavesCustomers(u, { active: false });
  }

  protected async submit(): Promise<void> {
    const u = this.user();
    if (!u) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const takeOver = this.needsTakeover(u) ? this.takeOverManagerId() : null;
      const reason = this.reason.trim();
      this.saved.emit(
        await this.api.update(u.id, {
          active: false,
          version: u.version,
          ...(takeOver ? { takeOverManagerId: takeOver, ...(reason ? { takeOverReason: reason } : {}) } : {}),
        }),
      );
    } catch (e) {
      this.error.set(shownError(e));
    } finally {
      this.saving.set(false);
    }
  }
}
