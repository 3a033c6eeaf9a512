import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { ROLES, USER_SORT_FIELDS, UserAccount } from '@crm/shared/domain';
import { pagedList, shownError } from '@crm/web/core';
import { LIST_PAGE, ListFilter, TableColumn, TableRow } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { DeactivateDialog } from '../components/deactivate-dialog';
import { PasswordDialog } from '../components/password-dialog';
import { UserFormDialog } from '../components/user-form-dialog';
import { UsersApi } from '../users.api';

/** Admins keep the users: search and filter them, create, change role and name, deactivate, reset a password. */
@Component({
  selector: 'crm-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LIST_PAGE,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzTagModule,
    UserFormDialog,
    DeactivateDialog,
    PasswordDialog,
  ],
  templateUrl: './users.page.html',
  styles: `
    .actions {
      white-space: nowrap;
    }
  `,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  protected readonly list = pagedList({
    filters: { search: {}, role: { allowed: ROLES }, active: { allowed: ['true', 'false'] } },
    sorts: USER_SORT_FIELDS,
    fetch: (query) => this.api.list(query),
  });
  protected readonly filters: ListFilter[] = [
    { key: 'role', placeholder: 'users.allRoles', options: ROLES, labels: 'roles.', testId: 'users-role-filter' },
    {
      key: 'active',
      placeholder: 'users.allStates',
      options: [
        { value: 'true', label: 'users.active', translate: true },
        { value: 'false', label: 'users.inactive', translate: true },
      ],
      testId: 'users-active-filter',
    },
  ];
  protected readonly columns: TableColumn<UserAccount>[] = [
    { key: 'username', label: 'users.username', sort: 'username' },
    { key: 'displayName', label: 'users.displayName', sort: 'displayName' },
    { key: 'role', label: 'users.role', kind: 'enum', labels: 'roles.', sort: 'role' },
    { key: 'state', label: 'users.state' },
    { key: 'customers', label: 'users.customers', kind: 'number' },
    { key: 'createdAt', label: 'users.createdAt', kind: 'date', sort: 'createdAt' },
    { key: 'actions', label: '' },
  ];
  protected readonly row: TableRow<UserAccount> = { attrs: (u) => ({ 'data-testid': `user-${u.username}` }) };
  protected readonly formOpen = signal(false);
  protected readonly editing = signal<UserAccount | null>(null);
  protected readonly deactivating = signal<UserAccount | null>(null);
  protected readonly resetting = signal<UserAccount | null>(null);

  protected openForm(user: UserAccount | null): void {
    this.editing.set(user);
    this.formOpen.set(true);
  }

  protected async reactivate(user: UserAccount): Promise<void> {
    try {
      await this.api.update(user.id, { active: true, version: user.version });
      this.done('users.reactivated');
    } catch (e) {
      this.message.error(shownError(e).message);
    }
  }

  protected done(messageKey: string): void {
    this.formOpen.set(false);
    this.deactivating.set(null);
    this.resetting.set(null);
    this.message.success(this.translate.instant(messageKey));
    this.list.retry();
  }
}
