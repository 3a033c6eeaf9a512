import { PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { addCalendarDays, chinaDate, LifecycleReport } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { Chart } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LifecycleApi } from '../lifecycle.api';
import { byManagerChart, complianceByMonthChart, overallRate, stepDurationChart } from '../report-charts';

/** Leadership: the time-limit compliance rate by month and manager, working days per step, open work at risk. */
@Component({
  selector: 'crm-lifecycle-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PercentPipe,
    FormsModule,
    TranslatePipe,
    Chart,
    NzCardModule,
    NzDatePickerModule,
    NzGridModule,
    NzStatisticModule,
    NzTableModule,
  ],
  template: `
    <div class="toolbar">
      <nz-range-picker [ngModel]="range()" (ngModelChange)="setRange($event)" data-testid="report-range" />
    </div>
    @if (report(); as r) {
      <div nz-row [nzGutter]="16" class="kpis">
        <div nz-col [nzSpan]="6">
          <nz-card
            ><nz-statistic
              [nzTitle]="'report.overallRate' | translate"
              [nzValue]="ratePercent()"
              nzSuffix="%"
              data-testid="kpi-rate"
          /></nz-card>
        </div>
        <div nz-col [nzSpan]="6">
          <nz-card><nz-statistic [nzTitle]="'report.completedTotal' | translate" [nzValue]="completed()" /></nz-card>
        </div>
        <div nz-col [nzSpan]="6">
          <nz-card
            ><nz-statistic
              [nzTitle]="'report.overdueNow' | translate"
              [nzValue]="overdue()"
              [nzValueStyle]="{ color: '#cf1322' }"
          /></nz-card>
        </div>
        <div nz-col [nzSpan]="6">
          <nz-card
            ><nz-statistic
              [nzTitle]="'report.warningNow' | translate"
              [nzValue]="warning()"
              [nzValueStyle]="{ color: '#d48806' }"
          /></nz-card>
        </div>
      </div>
      <nz-card [nzTitle]="'report.byMonth' | translate" class="block"
        ><crm-chart [options]="monthChart()" data-testid="chart-month"
      /></nz-card>
      <div nz-row [nzGutter]="16">
        <div nz-col [nzSpan]="12">
          <nz-card [nzTitle]="'report.byManager' | translate" class="block"
            ><crm-chart [options]="managerChart()"
          /></nz-card>
        </div>
        <div nz-col [nzSpan]="12">
          <nz-card [nzTitle]="'report.steps' | translate" class="block"><crm-chart [options]="stepChart()" /></nz-card>
        </div>
      </div>
      <nz-card [nzTitle]="'report.managerTable' | translate" class="block">
        <nz-table #m [nzData]="r.byManager" nzSize="small" [nzShowPagination]="false">
          <thead>
            <tr>
              <th>{{ 'applications.manager' | translate }}</th>
              <th>{{ 'report.completed' | translate }}</th>
              <th>{{ 'report.compliant' | translate }}</th>
              <th>{{ 'report.rate' | translate }}</th>
              <th>{{ 'report.commitmentRate' | translate }}</th>
              <th>{{ 'sla.overdue' | translate }}</th>
              <th>{{ 'sla.warning' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of m.data; track row.manager.id) {
              <tr>
                <td>{{ row.manager.displayName }}</td>
                <td>{{ row.completed }}</td>
                <td>{{ row.compliant }}</td>
                <td>{{ row.rate === null ? '—' : (row.rate | percent: '1.0-1') }}</td>
                <td>{{ row.commitmentRate === null ? '—' : (row.commitmentRate | percent: '1.0-1') }}</td>
                <td>{{ row.overdueNow }}</td>
                <td>{{ row.warningNow }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>
    }
  `,
  styles: `
    .toolbar {
      margin-bottom: 16px;
    }
    .kpis {
      margin-bottom: 16px;
    }
    .block {
      margin-bottom: 16px;
    }
  `,
})
export class LifecycleReportPage {
  private readonly api = inject(LifecycleApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly report = signal<LifecycleReport | null>(null);
  protected readonly range = signal<Date[]>([]);
  private readonly t = (key: string) => this.translate.instant(key) as string;
  protected readonly rate = computed(() => (this.report() ? overallRate(this.report() as LifecycleReport) : null));
  protected readonly ratePercent = computed(() => Math.round((this.rate() ?? 0) * 1000) / 10);
  protected readonly completed = computed(() => this.report()?.byMonth.reduce((s, m) => s + m.completed, 0) ?? 0);
  protected readonly overdue = computed(() => this.report()?.byManager.reduce((s, m) => s + m.overdueNow, 0) ?? 0);
  protected readonly warning = computed(() => this.report()?.byManager.reduce((s, m) => s + m.warningNow, 0) ?? 0);
  // Charts read the language so that their labels are rebuilt when it changes.
  protected readonly monthChart = computed(() => {
    this.language.current();
    return complianceByMonthChart(this.report() as LifecycleReport, this.t);
  });
  protected readonly managerChart = computed(() => {
    this.language.current();
    return byManagerChart(this.report() as LifecycleReport, this.t);
  });
  protected readonly stepChart = computed(() =>
    stepDurationChart(this.report() as LifecycleReport, this.t, this.language.current() === 'zh-CN'),
  );

  constructor() {
    void this.load();
  }

  setRange(range: Date[]): void {
    this.range.set(range);
    void this.load();
  }

  private async load(): Promise<void> {
    const [from, to] = this.range();
    this.report.set(
      await this.api.report(from ? chinaDate(from) : undefined, to ? addCalendarDays(chinaDate(to), 1) : undefined),
    );
  }
}
