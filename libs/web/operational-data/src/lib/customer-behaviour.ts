import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { BillView, ConsumptionMonth, OperationalSummary, ViolationView } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { Chart, DisplayPipe, TABLE, TableColumn } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { billState, consumptionChart } from './consumption-chart';

const STATE_COLOURS = { paid: 'green', late: 'orange', outstanding: 'red' } as const;

/** A customer's behaviour for the customer page: 24-month consumption and demand, bills, arrears, violations. */
@Component({
  selector: 'crm-customer-behaviour',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TABLE,
    DisplayPipe,
    TranslatePipe,
    Chart,
    NzCardModule,
    NzGridModule,
    NzStatisticModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './customer-behaviour.html',
  styles: `
    .kpis {
      margin-bottom: 16px;
    }
    h4 {
      margin-top: 16px;
    }
  `,
})
export class CustomerBehaviour {
  readonly customerId = input.required<string>();
  private readonly http = inject(HttpClient);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly consumption = signal<ConsumptionMonth[]>([]);
  protected readonly bills = signal<BillView[]>([]);
  protected readonly billsDesc = computed(() => [...this.bills()].reverse());
  protected readonly billColumns: TableColumn<BillView>[] = [
    { key: 'period', label: 'behaviour.period' },
    { key: 'amount', label: 'behaviour.amount', kind: 'money' },
    { key: 'dueDate', label: 'behaviour.dueDate', kind: 'date' },
    { key: 'paidAmount', label: 'behaviour.paid', kind: 'money' },
    { key: 'paidAt', label: 'behaviour.paidAt', kind: 'date' },
    { key: 'daysLate', label: 'behaviour.daysLate', kind: 'number', value: (b) => b.daysLate || null },
    { key: 'outstanding', label: 'behaviour.outstanding', kind: 'money', value: (b) => b.outstanding || null },
    { key: 'state', label: '' },
  ];
  protected readonly violations = signal<ViolationView[]>([]);
  protected readonly summary = signal<OperationalSummary | null>(null);
  protected readonly chart = computed(() => {
    this.language.current();
    return consumptionChart(this.consumption(), (key) => this.translate.instant(key));
  });
  protected readonly state = billState;

  constructor() {
    effect(() => void this.load(this.customerId()));
  }

  colour(bill: BillView): string {
    return STATE_COLOURS[billState(bill)];
  }

  private async load(id: string): Promise<void> {
    const get = <T>(path: string) => firstValueFrom(this.http.get<T>(`/api/customers/${id}/${path}`));
    const [consumption, bills, violations, summary] = await Promise.all([
      get<ConsumptionMonth[]>('consumption'),
      get<BillView[]>('bills'),
      get<ViolationView[]>('violations'),
      get<OperationalSummary>('operational-summary'),
    ]);
    this.consumption.set(consumption);
    this.bills.set(bills);
    this.violations.set(violations);
    this.summary.set(summary);
  }
}
