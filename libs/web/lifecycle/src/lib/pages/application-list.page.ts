import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { APPLICATION_TYPES, ApplicationListItem, SLA_STATES } from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList } from '@crm/web/core';
import { FilterBar, SlaTag } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LifecycleApi } from '../lifecycle.api';

/** The applications list: open ones first, most urgent first, coloured by SLA. */
@Component({
  selector: 'crm-application-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, TranslatePipe, FilterBar, SlaTag, NzCardModule, NzSelectModule, NzTableModule],
  template: `
    <nz-card [nzTitle]="'applications.title' | translate">
      <crm-filter-bar [error]="list.error()" (retry)="list.retry()">
        <nz-select
          [ngModel]="list.query().status ?? null"
          (ngModelChange)="list.setFilters({ status: $event })"
          nzAllowClear
          [nzPlaceHolder]="'applications.status' | translate"
          data-testid="filter-status"
        >
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'applicationStatus.' + s | translate" />
          }
        </nz-select>
        <nz-select
          [ngModel]="list.query().sla ?? null"
          (ngModelChange)="list.setFilters({ sla: $event })"
          nzAllowClear
          [nzPlaceHolder]="'applications.sla' | translate"
          data-testid="filter-sla"
        >
          @for (s of slaStates; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'sla.' + s | translate" />
          }
        </nz-select>
        <nz-select
          [ngModel]="list.query().type ?? null"
          (ngModelChange)="list.setFilters({ type: $event })"
          nzAllowClear
          [nzPlaceHolder]="'applications.type' | translate"
          data-testid="filter-type"
        >
          @for (t of types; track t) {
            <nz-option [nzValue]="t" [nzLabel]="'applicationType.' + t | translate" />
          }
        </nz-select>
      </crm-filter-bar>
      <nz-table
        #table
        [nzData]="list.items()"
        [nzFrontPagination]="false"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzLoading]="list.loading()"
        (nzPageIndexChange)="list.setPage($event)"
        (nzPageSizeChange)="list.setPageSize($event)"
        nzShowSizeChanger
        nzSize="middle"
        data-testid="applications"
      >
        <thead>
          <tr>
            <th>{{ 'applications.customer' | translate }}</th>
            <th>{{ 'applications.type' | translate }}</th>
            <th>{{ 'applications.currentStep' | translate }}</th>
            <th>{{ 'applications.dueDate' | translate }}</th>
            <th>{{ 'applications.sla' | translate }}</th>
            @if (!isManager()) {
              <th>{{ 'applications.manager' | translate }}</th>
            }
            <th>{{ 'applications.receivedAt' | translate }}</th>
            <th>{{ 'applications.status' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (a of table.data; track a.id) {
            <tr class="row" (click)="open(a)" [attr.data-testid]="'application-' + a.id">
              <td>
                {{ a.customer.name }}
                <div class="muted">{{ a.customer.accountNo }}</div>
              </td>
              <td>{{ 'applicationType.' + a.type | translate }}</td>
              <td>{{ (zh() ? a.currentStepName : a.currentStepNameEn) ?? '—' }}</td>
              <td>{{ a.dueDate ?? '—' }}</td>
              <td>
                @if (a.status === 'open') {
                  <crm-sla-tag [sla]="a.sla" />
                }
              </td>
              @if (!isManager()) {
                <td>{{ a.accountManager?.displayName }}</td>
              }
              <td>{{ a.receivedAt | date: 'yyyy-MM-dd' }}</td>
              <td>{{ 'applicationStatus.' + a.status | translate }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .row {
      cursor: pointer;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class ApplicationListPage {
  private readonly api = inject(LifecycleApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  protected readonly statuses = ['open', 'completed', 'cancelled'];
  protected readonly slaStates = SLA_STATES;
  protected readonly types = APPLICATION_TYPES;
  protected readonly list = pagedList({
    filters: {
      status: { default: 'open', allowed: this.statuses },
      sla: { allowed: SLA_STATES },
      type: { allowed: APPLICATION_TYPES },
    },
    fetch: (query) => this.api.list(query),
  });
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');

  open(a: ApplicationListItem): void {
    void this.router.navigate(['/applications', a.id]);
  }
}
