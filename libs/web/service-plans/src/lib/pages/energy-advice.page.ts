import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { EnergyAdvice } from '@crm/shared/domain';
import { Loader } from '@crm/web/core';
import { Chart, DisplayPipe, RecordStatus } from '@crm/web/ui';
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
  imports: [DisplayPipe, RouterLink, TranslatePipe, Chart, RecordStatus, NzButtonModule, NzIconModule, NzTableModule],
  templateUrl: './energy-advice.page.html',
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
  /** The report's load: not found (not the user's customer), why it failed, and its retry. */
  protected readonly loader = new Loader({ record: true });
  protected readonly chart = computed(() => {
    const a = this.advice();
    const t = (key: string) => this.translate.instant(`servicePlans.advice.${key}`) as string;
    return a ? energyChart(a, { kwh: 'kWh', powerFactor: t('powerFactor'), target: t('target') }) : {};
  });

  ngOnInit(): void {
    void this.loader.run(
      () => this.api.energyAdvice(this.id()),
      (advice) => this.advice.set(advice),
    );
  }

  protected print(): void {
    window.print();
  }
}
