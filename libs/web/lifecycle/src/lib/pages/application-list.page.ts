import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { APPLICATION_TYPES, ApplicationListItem, SLA_STATES } from '@crm/shared/domain';
import { AuthStore, LanguageService } from '@crm/web/core';
import { SlaTag } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LifecycleApi } from '../lifecycle.api';

/** The applications list: open ones first, most urgent first, coloured by SLA. */
@Component({
  selector: 'crm-application-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, TranslatePipe, SlaTag, NzCardModule, NzSelectModule, NzTableModule],
  template: `
    <nz-card [nzTitle]="'applications.title' | translate">
      <div class="filters">
        <nz-select
          [ngModel]="status()"
          (ngModelChange)="status.set($event); load(1)"
          nzAllowClear
          [nzPlaceHolder]="'applications.status' | translate"
          data-testid="filter-status"
        >
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'applicationStatus.' + s | translate" />
          }
        </nz-select>
        <nz-select
          [ngModel]="sla()"
          (ngModelChange)="sla.set($event); load(1)"
          nzAllowClear
          [nzPlaceHolder]="'applications.sla' | translate"
          data-testid="filter-sla"
        >
          @for (s of slaStates; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'sla.' + s | translate" />
          }
        </nz-select>
        <nz-select
          [ngModel]="type()"
          (ngModelChange)="type.set($event); load(1)"
          nzAllowClear
          [nzPlaceHolder]="'applications.type' | translate"
          data-testid="filter-type"
        >
          @for (t of types; track t) {
            <nz-option [nzValue]="t" [nzLabel]="'applicationType.' + t | translate" />
          }
        </nz-select>
      </div>
      <nz-table
        #table
        [nzData]="items()"
        [nzFrontPagination]="false"
        [nzTotal]="total()"
        [nzPageIndex]="page()"
        [nzPageSize]="pageSize()"
        [nzLoading]="loading()"
        (nzPageIndexChange)="load($event)"
        (nzPageSizeChange)="pageSize.set($event); load(1)"
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
    .filters {
      display: flex;
      gap: 12px;
      margin-bottom: 16px;
    }
    .filters nz-select {
      width: 180px;
    }
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
  protected readonly status = signal<string | null>('open');
  protected readonly sla = signal<string | null>(null);
  protected readonly type = signal<string | null>(null);
  protected readonly items = signal<ApplicationListItem[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(20);
  protected readonly loading = signal(false);
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');

  constructor() {
    void this.load(1);
  }

  async load(page: number): Promise<void> {
    this.loading.set(true);
    try {
      const result = await this.api.list({
        status: this.status() ?? undefined,
        sla: this.sla() ?? undefined,
        type: this.type() ?? undefined,
        page,
        pageSize: this.pageSize(),
      });
      this.items.set(result.items);
      this.total.set(result.total);
      this.page.set(page);
    } finally {
      this.loading.set(false);
    }
  }

  open(a: ApplicationListItem): void {
    void this.router.navigate(['/applications', a.id]);
  }
}
