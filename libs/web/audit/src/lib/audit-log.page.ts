import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AuditEntry, Page } from '@crm/shared/domain';
import { httpParams, pagedList } from '@crm/web/core';
import { LIST_PAGE, ListFilter, TableColumn } from '@crm/web/ui';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
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
  imports: [LIST_PAGE, FormsModule, NzDatePickerModule, NzTagModule],
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
  private readonly methods = ['POST', 'PUT', 'PATCH', 'DELETE'];
  protected readonly filters: ListFilter[] = [{ key: 'method', placeholder: 'audit.method', options: this.methods }];
  protected readonly colour = statusColour;
  protected readonly list = pagedList({
    filters: { method: { allowed: this.methods }, path: {}, from: {}, to: {} },
    searchKey: 'path',
    pageSize: 50,
    fetch: (query) => firstValueFrom(this.http.get<Page<AuditEntry>>('/api/audit', { params: httpParams(query) })),
  });
  protected readonly columns: TableColumn<AuditEntry>[] = [
    { key: 'at', label: 'audit.at', kind: 'datetime' },
    { key: 'user', label: 'audit.user', value: (e) => e.user?.displayName },
    { key: 'method', label: 'audit.method' },
    { key: 'path', label: 'audit.path' },
    { key: 'status', label: 'audit.status' },
    { key: 'requestId', label: 'audit.requestId' },
    { key: 'durationMs', label: 'audit.durationMs', kind: 'number' },
  ];
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
