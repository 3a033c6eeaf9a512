import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { CLOCK_UNITS, WorkOrderLimitView } from '@crm/shared/domain';
import { AuthStore, SaveAction } from '@crm/web/core';
import { ErrorAlert, DisplayPipe } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { amountKey } from '../order-rules';
import { WorkOrderNames } from '../work-order-names';
import { LimitChange, WorkOrdersApi } from '../work-orders.api';

/** The time-limit table of requests: every role reads it, an admin edits a row in place. */
@Component({
  selector: 'crm-request-limits-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DisplayPipe,
    FormsModule,
    TranslatePipe,
    ErrorAlert,
    NzButtonModule,
    NzCardModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTableModule,
  ],
  templateUrl: './request-limits.page.html',
  styles: `
    :host ::ng-deep .ant-table-wrapper {
      overflow-x: auto;
    }
    .limit {
      display: flex;
      gap: 4px;
    }
    .limit nz-select {
      width: 120px;
    }
    .actions {
      display: flex;
      gap: 4px;
    }
  `,
})
export class RequestLimitsPage implements OnInit {
  private readonly api = inject(WorkOrdersApi);
  private readonly auth = inject(AuthStore);
  protected readonly names = inject(WorkOrderNames);
  protected readonly units = CLOCK_UNITS;
  protected readonly amountKey = amountKey;
  /** The two clocks of a row and the fields of their limit in a change. */
  protected readonly clocks = [
    { key: 'contact', amount: 'contactAmount', unit: 'contactUnit' },
    { key: 'resolution', amount: 'resolutionAmount', unit: 'resolutionUnit' },
  ] as const;
  protected readonly rows = signal<WorkOrderLimitView[]>([]);
  protected readonly loading = signal(true);
  protected readonly canEdit = computed(() => this.auth.user()?.role === 'admin');
  /** The row being edited and its values. */
  protected readonly editing = signal<string | null>(null);
  protected draft: LimitChange | null = null;
  protected readonly action = new SaveAction();

  async ngOnInit(): Promise<void> {
    try {
      this.rows.set(await this.api.limits());
    } finally {
      this.loading.set(false);
    }
  }

  protected edit(row: WorkOrderLimitView): void {
    this.action.error.set(null);
    this.draft = {
      contactAmount: row.contact.amount,
      contactUnit: row.contact.unit,
      resolutionAmount: row.resolution.amount,
      resolutionUnit: row.resolution.unit,
      resolutionStartsAt: row.resolutionStartsAt,
    };
    this.editing.set(row.id);
  }

  protected async save(row: WorkOrderLimitView): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    await this.action.run(async () => {
      const saved = await this.api.updateLimit(row.id, draft);
      this.rows.update((rows) => rows.map((r) => (r.id === saved.id ? saved : r)));
      this.editing.set(null);
    });
  }
}
