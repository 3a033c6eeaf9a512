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
  template: `
    <nz-card [nzTitle]="'users.title' | translate" [nzExtra]="create">
      <crm-filter-bar
        [searchHint]="'users.searchPlaceholder' | translate"
        [search]="list.searchText()"
        (searchChange)="list.typeSearch($event)"
        searchTestId="users-search"
        [error]="list.error()"
        (retry)="list.retry()"
      >
        <nz-select
          nzAllowClear
          [ngModel]="list.query().role ?? null"
          (ngModelChange)="list.setFilters({ role: $event })"
          [nzPlaceHolder]="'users.allRoles' | translate"
          data-testid="users-role-filter"
        >
          @for (r of roles; track r) {
            <nz-option [nzValue]="r" [nzLabel]="'roles.' + r | translate" />
          }
        </nz-select>
        <nz-select
          nzAllowClear
          [ngModel]="list.query().active ?? null"
          (ngModelChange)="list.setFilters({ active: $event })"
          [nzPlaceHolder]="'users.allStates' | translate"
          data-testid="users-active-filter"
        >
          <nz-option nzValue="true" [nzLabel]="'users.active' | translate" />
          <nz-option nzValue="false" [nzLabel]="'users.inactive' | translate" />
        </nz-select>
      </crm-filter-bar>
      <div class="scroll">
        <nz-table
          #t
          [nzData]="list.items()"
          [nzLoading]="list.loading()"
          [nzFrontPagination]="false"
          [nzTotal]="list.total()"
          [nzPageIndex]="list.page()"
          [nzPageSize]="list.pageSize()"
          (nzPageIndexChange)="list.setPage($event)"
          nzSize="middle"
          data-testid="users"
        >
          <thead>
            <tr>
              <th [nzSortOrder]="list.sortOrder('username')" (nzSortOrderChange)="sortBy('username', $event)">
                {{ 'users.username' | translate }}
              </th>
              <th [nzSortOrder]="list.sortOrder('displayName')" (nzSortOrderChange)="sortBy('displayName', $event)">
                {{ 'users.displayName' | translate }}
              </th>
              <th [nzSortOrder]="list.sortOrder('role')" (nzSortOrderChange)="sortBy('role', $event)">
                {{ 'users.role' | translate }}
              </th>
              <th>{{ 'users.state' | translate }}</th>
              <th>{{ 'users.customers' | translate }}</th>
              <th [nzSortOrder]="list.sortOrder('createdAt')" (nzSortOrderChange)="sortBy('createdAt', $event)">
                {{ 'users.createdAt' | translate }}
              </th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (u of t.data; track u.id) {
              <tr [attr.data-testid]="'user-' + u.username">
                <td>{{ u.username }}</td>
                <td>{{ u.displayName }}</td>
                <td>{{ 'roles.' + u.role | translate }}</td>
                <td>
                  <nz-tag [nzColor]="u.active ? 'green' : 'default'">
                    {{ (u.active ? 'users.active' : 'users.inactive') | translate }}
                  </nz-tag>
                </td>
                <td>{{ u.customers | number }}</td>
                <td>{{ u.createdAt | date: 'yyyy-MM-dd' }}</td>
                <td class="actions">
                  <button nz-button nzType="link" nzSize="small" (click)="openForm(u)" data-testid="user-edit">
                    {{ 'users.edit' | translate }}
                  </button>
                  <button
                    nz-button
                    nzType="link"
                    nzSize="small"
                    (click)="resetting.set(u)"
                    data-testid="user-reset-password"
                  >
                    {{ 'users.resetPassword' | translate }}
                  </button>
                  @if (u.active) {
                    <button
                      nz-button
                      nzType="link"
                      nzDanger
                      nzSize="small"
                      (click)="deactivating.set(u)"
                      data-testid="user-deactivate"
                    >
                      {{ 'users.deactivate' | translate }}
                    </button>
                  } @else {
                    <button
                      nz-button
                      nzType="link"
                      nzSize="small"
                      nz-popconfirm
                      [nzPopconfirmTitle]="'users.reactivateConfirm' | translate"
                      (nzOnConfirm)="reactivate(u)"
                      data-testid="user-reactivate"
                    >
                      {{ 'users.reactivate' | translate }}
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </div>
    </nz-card>
    <ng-template #create>
      <button nz-button nzType="primary" (click)="openForm(null)" data-testid="user-create">
        <nz-icon nzType="plus" />{{ 'users.create' | translate }}
      </button>
    </ng-template>
    <crm-user-form-dialog
      [open]="formOpen()"
      [user]="editing()"
      (saved)="done('users.saved')"
      (closed)="formOpen.set(false)"
    />
    <crm-deactivate-dialog
      [user]="deactivating()"
      (saved)="done('users.deactivated')"
      (closed)="deactivating.set(null)"
    />
    <crm-password-dialog [user]="resetting()" (saved)="done('users.passwordSet')" (closed)="resetting.set(null)" />
  `,
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
