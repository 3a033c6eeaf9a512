import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { isRole, ROLES, USER_SORTS, UserAccount } from '@crm/shared/domain';
import { shownError } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { DeactivateDialog } from '../components/deactivate-dialog';
import { PasswordDialog } from '../components/password-dialog';
import { UserFormDialog } from '../components/user-form-dialog';
import { UsersApi, UserListQuery } from '../users.api';

const PAGE_SIZE = 20;

/** The filters of the users list, read from the URL. */
export function queryFromParams(params: Params): UserListQuery {
  const page = Number(params['page']);
  return {
    search: params['search'] || undefined,
    role: isRole(params['role']) ? params['role'] : undefined,
    active: params['active'] === 'true' ? true : params['active'] === 'false' ? false : undefined,
    sort: USER_SORTS.includes(params['sort']) ? params['sort'] : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** Admins keep the users: search and filter them, create, change role and name, deactivate, reset a password. */
@Component({
  selector: 'crm-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    TranslatePipe,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
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
      <div class="filters">
        <input
          nz-input
          class="search"
          [ngModel]="query().search ?? ''"
          (keyup.enter)="filter({ search: $any($event.target).value || null })"
          [placeholder]="'users.searchPlaceholder' | translate"
          data-testid="users-search"
        />
        <nz-select
          class="select"
          nzAllowClear
          [ngModel]="query().role ?? null"
          (ngModelChange)="filter({ role: $event })"
          [nzPlaceHolder]="'users.allRoles' | translate"
          data-testid="users-role-filter"
        >
          @for (r of roles; track r) {
            <nz-option [nzValue]="r" [nzLabel]="'roles.' + r | translate" />
          }
        </nz-select>
        <nz-select
          class="select"
          nzAllowClear
          [ngModel]="query().active ?? null"
          (ngModelChange)="filter({ active: $event })"
          [nzPlaceHolder]="'users.allStates' | translate"
          data-testid="users-active-filter"
        >
          <nz-option [nzValue]="true" [nzLabel]="'users.active' | translate" />
          <nz-option [nzValue]="false" [nzLabel]="'users.inactive' | translate" />
        </nz-select>
      </div>
      <div class="scroll">
        <nz-table
          #t
          [nzData]="users.value()?.items ?? []"
          [nzLoading]="users.isLoading()"
          [nzFrontPagination]="false"
          [nzTotal]="users.value()?.total ?? 0"
          [nzPageIndex]="query().page"
          [nzPageSize]="pageSize"
          (nzPageIndexChange)="filter({ page: $event })"
          nzSize="middle"
          data-testid="users"
        >
          <thead>
            <tr>
              <th [nzSortOrder]="order('username')" (nzSortOrderChange)="sortBy('username', $event)">
                {{ 'users.username' | translate }}
              </th>
              <th [nzSortOrder]="order('displayName')" (nzSortOrderChange)="sortBy('displayName', $event)">
                {{ 'users.displayName' | translate }}
              </th>
              <th [nzSortOrder]="order('role')" (nzSortOrderChange)="sortBy('role', $event)">
                {{ 'users.role' | translate }}
              </th>
              <th>{{ 'users.state' | translate }}</th>
              <th>{{ 'users.customers' | translate }}</th>
              <th [nzSortOrder]="order('createdAt')" (nzSortOrderChange)="sortBy('createdAt', $event)">
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
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .search {
      width: 240px;
    }
    .select {
      width: 160px;
    }
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
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  protected readonly roles = ROLES;
  protected readonly pageSize = PAGE_SIZE;
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} as Params });
  protected readonly query = computed(() => queryFromParams(this.params()));
  private readonly reload = signal(0);
  protected readonly users = resource({
    params: () => ({ query: this.query(), reload: this.reload() }),
    loader: ({ params }) => this.api.list(params.query),
  });
  protected readonly formOpen = signal(false);
  protected readonly editing = signal<UserAccount | null>(null);
  protected readonly deactivating = signal<UserAccount | null>(null);
  protected readonly resetting = signal<UserAccount | null>(null);

  /** Changes filters in the URL; any filter but the page starts again at page 1. */
  protected filter(change: Params): void {
    const queryParams = { page: null, ...change };
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }

  protected order(field: string): NzTableSortOrder {
    const sort = this.query().sort;
    return sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;
  }

  protected sortBy(field: string, order: NzTableSortOrder): void {
    this.filter({ sort: order === 'ascend' ? field : order === 'descend' ? `-${field}` : null });
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
    this.reload.update((n) => n + 1);
  }
}
