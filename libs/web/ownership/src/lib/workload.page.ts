import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { HandoverPreview, HandoverResult, ManagerWorkload } from '@crm/shared/domain';
import { Loader, OWN_ERRORS, SaveAction } from '@crm/web/core';
import { Handover, HandoverDialog, LoadStatus, TABLE, TableColumn } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { firstValueFrom } from 'rxjs';

/** Each account manager's customers, capacity and open work, to rebalance; hand all of one manager's customers over. */
@Component({
  selector: 'crm-workload-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TABLE, RouterLink, TranslatePipe, HandoverDialog, LoadStatus, NzAlertModule, NzCardModule],
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
  `,
})
export class WorkloadPage implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly rows = signal<ManagerWorkload[]>([]);
  protected readonly loader = new Loader();
  protected readonly columns: TableColumn<ManagerWorkload>[] = [
    { key: 'manager', label: 'workload.manager' },
    { key: 'customers', label: 'workload.customers', kind: 'number' },
    { key: 'bar', label: '', width: '30%', phoneHidden: true },
    { key: 'totalCapacityKva', label: 'workload.capacity', kind: 'kva' },
    { key: 'openWork', label: 'workload.openWork', kind: 'number' },
    { key: 'handOver', label: '' },
  ];
  protected readonly max = computed(() => Math.max(1, ...this.rows().map((r) => r.customers)));
  protected readonly from = signal<ManagerWorkload | null>(null);
  /** The managers the customers may go to: all but the one they leave. */
  protected readonly targets = computed(() =>
    this.rows()
      .map((r) => r.manager)
      .filter((m) => m.id !== this.from()?.manager.id),
  );
  protected readonly moved = signal<number | null>(null);
  protected readonly handover = new SaveAction();
  /** What handing over all of `from`'s customers moves, shown before it is confirmed. */
  protected readonly preview = signal<HandoverPreview | null>(null);
  protected readonly previewLoad = new Loader();

  ngOnInit(): void {
    void this.load();
  }

  start(row: ManagerWorkload): void {
    this.handover.error.set(null);
    this.preview.set(null);
    this.from.set(row);
    void this.previewLoad.run(
      () =>
        firstValueFrom(this.http.get<HandoverPreview>(`/api/managers/${row.manager.id}/handover-preview`, OWN_ERRORS)),
      (preview) => this.preview.set(preview),
    );
  }

  async handOver(handover: Handover): Promise<void> {
    const from = this.from();
    if (!from) return;
    await this.handover.run(async () => {
      const result = await firstValueFrom(
        this.http.post<HandoverResult>(`/api/managers/${from.manager.id}/handover`, handover, OWN_ERRORS),
      );
      this.moved.set(result.moved);
      this.from.set(null);
      await this.load();
    });
  }

  private load(): Promise<void> {
    return this.loader.run(
      () => firstValueFrom(this.http.get<ManagerWorkload[]>('/api/managers/workload', OWN_ERRORS)),
      (rows) => this.rows.set(rows),
    );
  }
}
