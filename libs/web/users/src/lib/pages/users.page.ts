import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ROLES, USER_SORT_FIELDS, UserAccount } from '@crm/shared/domain';
import { pagedList, shownError } from '@crm/web/core';
import { FilterBar } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
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
    DatePipe,
    DecimalPipe,
    FormsModule,
    TranslatePipe,
    FilterBar,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    UserFormDialog,
    DeactivateDialog,
    PasswordDialog,
  ],
  templateUrl: './users.page.html',
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .actions {
      white-space: nowrap;
    }
  `,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  protected readonly roles = ROLES;
  protected readonly list = pagedList({
    filters: { search: {}, role: { allowed: ROLES }, active: { allowed: ['true', 'false'] } },
    sorts: USER_SORT_FIELDS,
    fetch: (query) => this.api.list(query),
  });
  protected readonly formOpen = signal(false);
  protected readonly editing = signal<UserAccount | null>(null);
  protected readonly deactivating = signal<UserAccount | null>(null);
  protected readonly resetting = signal<UserAccount | null>(null);

  protected sortBy(field: string, order: NzTableSortOrder): void {
    this.list.setSort(order === 'ascend' ? field : order === 'descend' ? `-${field}` : null);
  }

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
