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
  templateUrl: './audit-log.page.html',
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
