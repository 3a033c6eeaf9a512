import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { chinaDate, lastClosedKpiPeriod, MonthlyReportSummary, shiftKpiPeriod } from '@crm/shared/domain';
import { AuthStore, shownError, ShownError } from '@crm/web/core';
import { DataTable, ErrorAlert, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { MonthlyReportApi } from '../monthly-report.api';

/** How many closed months the generate form offers. */
const MONTHS_OFFERED = 24;

/**
 * The kept monthly reports (leadership, admins, marketing), newest first, each opening its printable report;
 * leadership and admins generate a closed month, or regenerate one, from here.
 */
@Component({
  selector: 'crm-monthly-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, DataTable, ErrorAlert, NzButtonModule, NzCardModule, NzSelectModule],
  templateUrl: './reports.page.html',
  styles: `
    .generate {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .generate nz-select {
      width: 160px;
    }
  `,
})
export class ReportsPage implements OnInit {
  private readonly api = inject(MonthlyReportApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly translate = inject(TranslateService);
  protected readonly reports = signal<MonthlyReportSummary[] | null>(null);
  protected readonly canGenerate = computed(() => ['leader', 'admin'].includes(this.auth.user()?.role ?? ''));
  protected readonly months = Array.from({ length: MONTHS_OFFERED }, (_, i) =>
    shiftKpiPeriod(lastClosedKpiPeriod(chinaDate(new Date())), i),
  );
  protected readonly period = signal(this.months[0]);
  protected readonly kept = computed(() => this.reports()?.some((r) => r.period === this.period()) ?? false);
  protected readonly generating = signal(false);
  protected readonly error = signal<ShownError | null>(null);

  protected readonly columns: TableColumn<MonthlyReportSummary>[] = [
    { key: 'period', label: 'monthlyReport.month', kind: 'link', link: (r) => ['/kpis/reports', r.period] },
    { key: 'generatedAt', label: 'monthlyReport.generatedAt', kind: 'datetime' },
    {
      key: 'generatedBy',
      label: 'monthlyReport.generatedBy',
      value: (r) => r.generatedBy?.displayName ?? (this.translate.instant('monthlyReport.byJob') as string),
    },
    { key: 'regenerations', label: 'monthlyReport.regenerations', kind: 'number' },
    { key: 'regeneratedAt', label: 'monthlyReport.regeneratedAt', kind: 'datetime' },
  ];
  protected readonly row = { attrs: (r: MonthlyReportSummary) => ({ 'data-testid': `report-${r.period}` }) };

  ngOnInit(): void {
    void this.api.list().then((r) => this.reports.set(r));
  }

  protected async generate(): Promise<void> {
    this.generating.set(true);
    this.error.set(null);
    try {
      const report = await this.api.generate(this.period());
      await this.router.navigate(['/kpis/reports', report.period]);
    } catch (e) {
      this.error.set(shownError(e));
    } finally {
      this.generating.set(false);
    }
  }
}
