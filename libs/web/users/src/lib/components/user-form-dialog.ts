import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { changeLeavesCustomers, Role, ROLES, UserAccount, USERNAME_PATTERN } from '@crm/shared/domain';
import { FormDialog, FormField, translatedOptions } from '@crm/web/ui';
import { NzFormModule } from 'ng-zorro-antd/form';
import { passwordValidator } from '../password-validator';
import { TakeoverPicker } from './takeover-picker';
import { UserDialog } from './user-dialog';

/**
 * Creates a user (`user` null) or changes one's display name and role. Taking an account manager who
 * manages customers to another role asks who takes their customers over.
 */
@Component({
  selector: 'crm-user-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, FormDialog, FormField, NzFormModule, TakeoverPicker],
  templateUrl: './user-form-dialog.html',
})
export class UserFormDialog extends UserDialog {
  /** The user to change; null to create one. */
  readonly user = input<UserAccount | null>(null);
  readonly open = input(false);
  protected readonly roleOptions = translatedOptions(ROLES, 'roles.');
  protected readonly takeOverManagerId = signal<string | null>(null);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly username = this.fb.control('', [Validators.required, Validators.pattern(USERNAME_PATTERN)]);
  protected readonly form = this.fb.group({
    username: this.username,
    displayName: ['', [Validators.required, Validators.maxLength(100)]],
    role: this.fb.control<Role>('account_manager', Validators.required),
    password: ['', passwordValidator(() => this.username.value)],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  /** The account manager with customers this change would take away from managing them. */
  protected readonly leaving = computed(() => {
    const u = this.user();
    return u && u.customers > 0 && changeLeavesCustomers(u, { role: this.role() }) ? u : null;
  });

  constructor() {
    super();
    effect(() => {
      if (!this.open()) return;
      const u = this.user();
      this.form.reset({
        username: '',
        displayName: u?.displayName ?? '',
        role: u?.role ?? 'account_manager',
        password: '',
      });
      this.form.controls.username[u ? 'disable' : 'enable']();
      this.form.controls.password[u ? 'disable' : 'enable']();
      this.takeOverManagerId.set(null);
      this.action.error.set(null);
    });
    this.form.controls.username.valueChanges.subscribe(() => this.form.controls.password.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.updateValueAndValidity();
      });
      return;
    }
    const value = this.form.getRawValue();
    const u = this.user();
    const takeOverManagerId = this.leaving() ? this.takeOverManagerId() : null;
    await this.save(() =>
      u
        ? this.api.update(u.id, {
            displayName: value.displayName,
            role: value.role,
            version: u.version,
            ...(takeOverManagerId ? { takeOverManagerId } : {}),
          })
        : this.api.create(value),
    );
  }
}
