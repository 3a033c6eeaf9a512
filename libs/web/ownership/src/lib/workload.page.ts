import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiError, HandoverResult, ManagerWorkload } from '@crm/shared/domain';
import { CellDef, DataTable, TableColumn } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { firstValueFrom } from 'rxjs';

/** Each account manager's customers, capacity and open work, to rebalance; hand all of one manager's customers over. */
@Component({
  selector: 'crm-workload-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    CellDef,
    DataTable,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
  ],
  templateUrl: './workload.page.html',
  styles: `
    .bar {
      height: 10px;
      background: #1677ff;
      border-radius: 2px;
    }
    .block {
      margin-bottom: 16px;
      display: block;
    }
    .full {
      width: 100%;
      margin-bottom: 12px;
    }
  `,
})
export class WorkloadPage implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly rows = signal<ManagerWorkload[]>([]);
  protected readonly columns: TableColumn<ManagerWorkload>[] = [
    { key: 'manager', label: 'workload.manager' },
    { key: 'customers', label: 'workload.customers', kind: 'number' },
    { key: 'bar', label: '', width: '30%' },
    { key: 'totalCapacityKva', label: 'workload.capacity', kind: 'kva' },
    { key: 'openWork', label: 'workload.openWork', kind: 'number' },
    { key: 'handOver', label: '' },
  ];
  protected readonly max = computed(() => Math.max(1, ...this.rows().map((r) => r.customers)));
  protected readonly from = signal<ManagerWorkload | null>(null);
  protected readonly targets = computed(() => this.rows().filter((r) => r.manager.id !== this.from()?.manager.id));
  protected readonly moved = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  protected toManagerId: string | null = null;
  protected reason = '';

  ngOnInit(): void {
    void this.load();
  }

  start(row: ManagerWorkload): void {
    this.toManagerId = null;
    this.reason = '';
    this.error.set(null);
    this.from.set(row);
  }

  async handOver(): Promise<void> {
    const from = this.from();
    if (!from || !this.toManagerId) return;
    try {
      const result = await firstValueFrom(
        this.http.post<HandoverResult>(
          `/api/managers/${from.manager.id}/handover`,
          { toManagerId: this.toManagerId, reason: this.reason },
          { headers: new HttpHeaders({ 'X-Handle-Errors': '1' }) },
        ),
      );
      this.moved.set(result.moved);
      this.from.set(null);
      await this.load();
    } catch (e) {
      this.error.set((e instanceof HttpErrorResponse ? (e.error as Partial<ApiError>)?.message : null) ?? String(e));
    }
  }

  private async load(): Promise<void> {
    this.rows.set(await firstValueFrom(this.http.get<ManagerWorkload[]>('/api/managers/workload')));
  }
}
