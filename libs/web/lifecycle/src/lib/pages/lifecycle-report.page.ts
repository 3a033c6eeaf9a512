import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslateService } from '@ngx-translate/core';
import { addCalendarDays, chinaDate, LifecycleReport } from '@crm/shared/domain';
import { LanguageService, Loader } from '@crm/web/core';
import { FIGURES_PAGE, Stat, TableColumn } from '@crm/web/ui';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { LifecycleApi } from '../lifecycle.api';
import { byManagerChart, complianceByMonthChart, overallRate, stepDurationChart } from '../report-charts';

/** Leadership: the time-limit compliance rate by month and manager, working days per step, open work at risk. */
@Component({
  selector: 'crm-lifecycle-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FIGURES_PAGE, FormsModule, NzDatePickerModule],
  templateUrl: './lifecycle-report.page.html',
  styles: `
    .toolbar {
      margin-bottom: 16px;
    }
  `,
})
export class LifecycleReportPage {
  private readonly api = inject(LifecycleApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly report = signal<LifecycleReport | null>(null);
  /** The report's load: a skeleton until it is there, why it failed with a retry. */
  protected readonly loader = new Loader();
  protected readonly managerColumns: TableColumn<LifecycleReport['byManager'][number]>[] = [
    { key: 'manager', label: 'applications.manager', value: (row) => row.manager.displayName },
    { key: 'completed', label: 'report.completed', kind: 'number' },
    { key: 'compliant', label: 'report.compliant', kind: 'number' },
    { key: 'rate', label: 'report.rate', kind: 'percent' },
    { key: 'commitmentRate', label: 'report.commitmentRate', kind: 'percent' },
    { key: 'overdueNow', label: 'sla.overdue', kind: 'number' },
    { key: 'warningNow', label: 'sla.warning', kind: 'number' },
  ];
  protected readonly range = signal<Date[]>([]);
  private readonly t = (key: string) => this.translate.instant(key) as string;
  protected readonly rate = computed(() => (this.report() ? overallRate(this.report() as LifecycleReport) : null));
  protected readonly kpis = computed((): Stat[] => {
    const byManager = this.report()?.byManager ?? [];
    return [
      {
        title: 'report.overallRate',
        value: Math.round((this.rate() ?? 0) * 1000) / 10,
        suffix: '%',
        testId: 'kpi-rate',
      },
      {
        title: 'report.completedTotal',
        value: this.report()?.byMonth.reduce((s, m) => s + m.completed, 0) ?? 0,
      },
      { title: 'report.overdueNow', value: byManager.reduce((s, m) => s + m.overdueNow, 0), colour: '#cf1322' },
      { title: 'report.warningNow', value: byManager.reduce((s, m) => s + m.warningNow, 0), colour: '#d48806' },
    ];
  });
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

  private load(): Promise<void> {
    const [from, to] = this.range();
    return this.loader.run(
      () => this.api.report(from ? chinaDate(from) : undefined, to ? addCalendarDays(chinaDate(to), 1) : undefined),
      (report) => this.report.set(report),
    );
  }
}
