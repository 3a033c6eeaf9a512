import { DatePipe } from '@angular/common';
import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditEntry, Page } from '@crm/shared/domain';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
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
    NzCardModule,
    NzDatePickerModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <nz-card [nzTitle]="'audit.title' | translate">
      <div class="filters">
        <nz-select
          [(ngModel)]="method"
          (ngModelChange)="load(1)"
          nzAllowClear
          [nzPlaceHolder]="'audit.method' | translate"
        >
          @for (m of methods; track m) {
            <nz-option [nzValue]="m" [nzLabel]="m" />
          }
        </nz-select>
        <input
          nz-input
          class="path"
          [(ngModel)]="path"
          (keyup.enter)="load(1)"
          [placeholder]="'audit.pathPrefix' | translate"
        />
        <nz-range-picker [(ngModel)]="range" (ngModelChange)="load(1)" />
      </div>
      <nz-table
        #t
        [nzData]="items()"
        [nzFrontPagination]="false"
        [nzTotal]="total()"
        [nzPageIndex]="page()"
        [nzPageSize]="50"
        (nzPageIndexChange)="load($event)"
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
    .filters {
      display: flex;
      gap: 8px;
      margin-bottom: 16px;
    }
    .filters nz-select {
      width: 140px;
    }
    .path {
      width: 240px;
    }
    .id {
      font-family: monospace;
      font-size: 12px;
    }
  `,
})
export class AuditLogPage implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly methods = ['POST', 'PUT', 'PATCH', 'DELETE'];
  protected readonly items = signal<AuditEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly colour = statusColour;
  protected method: string | null = null;
  protected path = '';
  protected range: Date[] = [];

  ngOnInit(): void {
    void this.load(1);
  }

  async load(page: number): Promise<void> {
    let params = new HttpParams().set('page', page).set('pageSize', 50);
    if (this.method) params = params.set('method', this.method);
    if (this.path) params = params.set('path', this.path);
    if (this.range[0]) params = params.set('from', this.range[0].toISOString());
    if (this.range[1]) params = params.set('to', this.range[1].toISOString());
    const result = await firstValueFrom(this.http.get<Page<AuditEntry>>('/api/audit', { params }));
    this.items.set(result.items);
    this.total.set(result.total);
    this.page.set(page);
  }
}
