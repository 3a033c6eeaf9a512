import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { EnergyAdvice } from '@crm/shared/domain';
import { Chart } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { energyChart } from '../energy-chart';
import { ServicePlansApi } from '../service-plans.api';

/**
 * The one-page energy-efficiency advice an advice task hands the customer: power factor against the
 * tariff's target, load factor and demand against capacity over the last 12 months, and what to do.
 * Printable: the print button prints this page alone.
 */
@Component({
  selector: 'crm-energy-advice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, PercentPipe, RouterLink, TranslatePipe, Chart, NzButtonModule, NzIconModule, NzTableModule],
  template: `
    @if (advice(); as a) {
      <div class="report" data-testid="energy-advice">
        <div class="actions">
          <a nz-button [routerLink]="['/customers', a.customer.id]">{{ 'servicePlans.advice.back' | translate }}</a>
          <button nz-button nzType="primary" (click)="print()" data-testid="print-advice">
            <nz-icon nzType="printer" /> {{ 'servicePlans.advice.print' | translate }}
          </button>
        </div>
        <h1>{{ 'servicePlans.advice.title' | translate }}</h1>
        <p class="who">
          {{ a.customer.name }} · {{ a.customer.accountNo }} · {{ 'servicePlans.advice.capacity' | translate }}
          {{ a.customer.contractCapacityKva === null ? '—' : (a.customer.contractCapacityKva | number) + ' kVA' }} ·
          {{ a.from ?? '—' }} – {{ a.to ?? '—' }}
        </p>
        <div class="figures">
          <div>
            <span>{{ 'servicePlans.advice.averagePowerFactor' | translate }}</span>
            <strong>{{ a.averagePowerFactor ?? '—' }}</strong>
            <em>{{ 'servicePlans.advice.target' | translate }} {{ a.powerFactorTarget }}</em>
          </div>
          <div>
            <span>{{ 'servicePlans.advice.monthsBelow' | translate }}</span>
            <strong>{{ a.monthsBelowTarget }}</strong>
          </div>
          <div>
            <span>{{ 'servicePlans.advice.loadFactor' | translate }}</span>
            <strong>{{ a.averageLoadFactor === null ? '—' : (a.averageLoadFactor | percent: '1.0-0') }}</strong>
          </div>
          <div>
            <span>{{ 'servicePlans.advice.demandToCapacity' | translate }}</span>
            <strong>{{ a.demandToCapacity === null ? '—' : (a.demandToCapacity | percent: '1.0-0') }}</strong>
            <em>{{ a.peakDemandKw | number: '1.0-0' }} kW</em>
          </div>
        </div>
        <h2>{{ 'servicePlans.advice.recommendations' | translate }}</h2>
        <ul class="advice" data-testid="advice-items">
          @for (code of a.advice; track code) {
            <li>{{ 'servicePlans.advice.code.' + code | translate }}</li>
          }
        </ul>
        @if (a.months.length) {
          <crm-chart [options]="chart()" height="260px" />
          <nz-table [nzData]="a.months" [nzShowPagination]="false" nzSize="small" [nzFrontPagination]="false">
            <thead>
              <tr>
                <th>{{ 'servicePlans.advice.month' | translate }}</th>
                <th nzAlign="right">kWh</th>
                <th nzAlign="right">{{ 'servicePlans.advice.maxDemand' | translate }} (kW)</th>
                <th nzAlign="right">{{ 'servicePlans.advice.powerFactor' | translate }}</th>
                <th nzAlign="right">{{ 'servicePlans.advice.loadFactor' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (m of a.months; track m.period) {
                <tr>
                  <td>{{ m.period }}</td>
                  <td nzAlign="right">{{ m.kwh | number: '1.0-0' }}</td>
                  <td nzAlign="right">{{ m.maxDemandKw | number: '1.0-0' }}</td>
                  <td nzAlign="right" [class.below]="m.belowTarget">{{ m.powerFactor }}</td>
                  <td nzAlign="right">{{ m.loadFactor === null ? '—' : (m.loadFactor | percent: '1.0-0') }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        }
      </div>
    }
  `,
  styles: `
    .report {
      max-width: 900px;
      margin: 0 auto;
      background: #fff;
      padding: 24px 32px;
    }
    .actions {
      display: flex;
      justify-content: space-between;
      margin-bottom: 8px;
    }
    .who {
      color: rgba(0, 0, 0, 0.65);
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(4, 1fr);
      gap: 12px;
      margin: 16px 0;
    }
    .figures div {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px 12px;
      display: flex;
      flex-direction: column;
    }
    .figures span,
    .figures em {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      font-style: normal;
    }
    .figures strong {
      font-size: 22px;
    }
    .below {
      color: #cf1322;
      font-weight: 600;
    }
    @media print {
      .actions {
        display: none;
      }
      .report {
        padding: 0;
      }
    }
  `,
})
export class EnergyAdvicePage implements OnInit {
  /** The customer's id, from the route. */
  readonly id = input.required<string>();
  private readonly api = inject(ServicePlansApi);
  private readonly translate = inject(TranslateService);
  protected readonly advice = signal<EnergyAdvice | null>(null);
  protected readonly chart = computed(() => {
    const a = this.advice();
    const t = (key: string) => this.translate.instant(`servicePlans.advice.${key}`) as string;
    return a ? energyChart(a, { kwh: 'kWh', powerFactor: t('powerFactor'), target: t('target') }) : {};
  });

  ngOnInit(): void {
    void this.api.energyAdvice(this.id()).then((a) => this.advice.set(a));
  }

  protected print(): void {
    window.print();
  }
}
