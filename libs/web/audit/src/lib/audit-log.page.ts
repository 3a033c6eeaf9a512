import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditEntry, Page } from '@crm/shared/domain';
import { httpParams, pagedList } from '@crm/web/core';
import { FilterBar } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';

/** Colour of an HTTP status: 2xx green, 4xx orange, 5xx red. */
export function statusColour(status: number): string {
  return status >= 500 ? 'red' : status >= 400 ? 'orange' : 'green';
}

/** Admins browse the append-only audit log of every write. */
@Component({
  selector: 'crm-audit-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    TranslatePipe,
    FilterBar,
    NzCardModule,
    NzDatePickerModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <nz-card [nzTitle]="'audit.title' | translate">
      <crm-filter-bar
        [searchHint]="'audit.pathPrefix' | translate"
        [search]="list.searchText()"
        (searchChange)="list.typeSearch($event)"
        [error]="list.error()"
        (retry)="list.retry()"
      >
        <nz-select
          [ngModel]="list.query().method ?? null"
          (ngModelChange)="list.setFilters({ method: $event })"
          nzAllowClear
          [nzPlaceHolder]="'audit.method' | translate"
        >
          @for (m of methods; track m) {
            <nz-option [nzValue]="m" [nzLabel]="m" />
          }
        </nz-select>
        <nz-range-picker [ngModel]="range()" (ngModelChange)="pickRange($event)" />
      </crm-filter-bar>
      <nz-table
        #t
        [nzData]="list.items()"
        [nzFrontPagination]="false"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzLoading]="list.loading()"
        (nzPageIndexChange)="list.setPage($event)"
        nzSize="small"
        data-testid="audit"
      >
        <thead>
          <tr>
            <th>{{ 'audit.at' | translate }}</th>
            <th>{{ 'audit.user' | translate }}</th>
            <th>{{ 'audit.method' | translate }}</th>
            <th>{{ 'audit.path' | translate }}</th>
            <th>{{ 'audit.status' | translate }}</th>
            <th>{{ 'audit.requestId' | translate }}</th>
            <th>ms</th>
          </tr>
        </thead>
        <tbody>
          @for (e of t.data; track e.id) {
            <tr>
              <td>{{ e.at | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
              <td>{{ e.user?.displayName ?? '—' }}</td>
              <td>{{ e.method }}</td>
              <td>{{ e.path }}</td>
              <td>
                <nz-tag [nzColor]="colour(e.status)">{{ e.status }}</nz-tag>
              </td>
              <td class="id">{{ e.requestId }}</td>
              <td>{{ e.durationMs }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .id {
      font-family: monospace;
      font-size: 12px;
    }
  `,
})
export class AuditLogPage {
  private readonly http = inject(HttpClient);
  protected readonly methods = ['POST', 'PUT', 'PATCH', 'DELETE'];
  protected readonly colour = statusColour;
  protected readonly list = pagedList({
    filters: { method: { allowed: this.methods }, path: {}, from: {}, to: {} },
    searchKey: 'path',
    pageSize: 50,
    fetch: (query) => firstValueFrom(this.http.get<Page<AuditEntry>>('/api/audit', { params: httpParams(query) })),
  });
  protected readonly range = computed(() => {
    const { from, to } = this.list.query();
    return from && to ? [new Date(from), new Date(to)] : [];
  });

  protected pickRange(range: Date[] | null): void {
    this.list.setFilters(
      range?.length === 2
        ? { from: range[0].toISOString(), to: range[1].toISOString() }
        : { from: undefined, to: undefined },
    );
  }
}
