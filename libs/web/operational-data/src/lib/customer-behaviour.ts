import { DecimalPipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { BillView, ConsumptionMonth, OperationalSummary, ViolationView } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { Chart } from '@crm/web/ui';
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
    DecimalPipe,
    TranslatePipe,
    Chart,
    NzCardModule,
    NzGridModule,
    NzStatisticModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <nz-card [nzTitle]="'behaviour.title' | translate" data-testid="behaviour">
      @if (summary(); as s) {
        <div nz-row [nzGutter]="16" class="kpis">
          <div nz-col [nzSpan]="6">
            <nz-statistic
              [nzTitle]="'behaviour.arrears' | translate"
              [nzValue]="s.arrears"
              nzPrefix="¥"
              data-testid="arrears"
            />
          </div>
          <div nz-col [nzSpan]="6">
            <nz-statistic [nzTitle]="'behaviour.kwh12' | translate" [nzValue]="s.kwh12Months" />
          </div>
          <div nz-col [nzSpan]="6">
            <nz-statistic [nzTitle]="'behaviour.lateBills' | translate" [nzValue]="s.lateBills12Months" />
          </div>
          <div nz-col [nzSpan]="6">
            <nz-statistic [nzTitle]="'behaviour.violations' | translate" [nzValue]="s.violations24Months" />
          </div>
        </div>
      }
      @if (consumption().length) {
        <crm-chart [options]="chart()" data-testid="consumption-chart" />
      }
      <nz-table #bills [nzData]="billsDesc()" nzSize="small" [nzPageSize]="12" data-testid="bills">
        <thead>
          <tr>
            <th>{{ 'behaviour.period' | translate }}</th>
            <th>{{ 'behaviour.amount' | translate }}</th>
            <th>{{ 'behaviour.dueDate' | translate }}</th>
            <th>{{ 'behaviour.paid' | translate }}</th>
            <th>{{ 'behaviour.paidAt' | translate }}</th>
            <th>{{ 'behaviour.daysLate' | translate }}</th>
            <th>{{ 'behaviour.outstanding' | translate }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (b of bills.data; track b.period) {
            <tr>
              <td>{{ b.period }}</td>
              <td>{{ b.amount | number: '1.2-2' }}</td>
              <td>{{ b.dueDate }}</td>
              <td>{{ b.paidAmount | number: '1.2-2' }}</td>
              <td>{{ b.paidAt ?? '—' }}</td>
              <td>{{ b.daysLate || '' }}</td>
              <td>{{ b.outstanding ? (b.outstanding | number: '1.2-2') : '' }}</td>
              <td>
                <nz-tag [nzColor]="colour(b)">{{ 'behaviour.state.' + state(b) | translate }}</nz-tag>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      @if (violations().length) {
        <h4>{{ 'behaviour.violationList' | translate }}</h4>
        <nz-table #v [nzData]="violations()" nzSize="small" [nzShowPagination]="false">
          <tbody>
            @for (x of v.data; track $index) {
              <tr>
                <td>{{ x.occurredOn }}</td>
                <td>
                  <nz-tag [nzColor]="x.kind === 'theft' ? 'red' : 'orange'">{{
                    'behaviour.kind.' + x.kind | translate
                  }}</nz-tag>
                </td>
                <td>{{ x.description }}</td>
                <td>¥{{ x.penalty | number: '1.2-2' }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
  `,
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
