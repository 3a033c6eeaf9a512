import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  ViewEncapsulation,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  formatReportChange,
  formatReportValue,
  kpiDefinition,
  kpiImproved,
  meetsKpiTarget,
  MonthlyReport,
  monthlyReportSections,
  REPORT_REGION_HEADERS,
  REPORT_REGION_KPIS,
  REPORT_SECTION_NAMES,
  reportChange,
  ReportLang,
} from '@crm/shared/domain';
import { saveFile, shownError, ShownError } from '@crm/web/core';
import { Chart, ErrorAlert, LanguageSwitch } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { MonthlyReportApi, ReportTexts } from '../monthly-report.api';
import { kpiTrendChart } from '../report-charts';
import { reportDateTime, reportMonth, reportText } from '../report-texts';

/**
 * One month's report, printable on A4: a cover (the month, when and by whom it was generated, and when it was
 * regenerated), a page per section (its KPIs with value, target, previous month and change, and each KPI's twelve
 * months as an SVG chart), a page with the manager league table and a page with the main KPIs by region. Its texts are Chinese by default whatever the
 * UI language, with a switch to English; Print and an .xlsx download. Styles are global (`@page` cannot be scoped),
 * each under `.crm-monthly-report`.
 */
@Component({
  selector: 'crm-monthly-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, TranslatePipe, Chart, ErrorAlert, LanguageSwitch, NzButtonModule, NzIconModule],
  templateUrl: './report.page.html',
  styles: `
    @page {
      size: A4;
      margin: 14mm 12mm;
    }
    .crm-monthly-report .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 16px;
    }
    .crm-monthly-report .paper {
      max-width: 186mm;
      margin: 0 auto;
      background: #fff;
    }
    .crm-monthly-report .sheet {
      padding: 24px;
      border-bottom: 1px dashed #d9d9d9;
    }
    .crm-monthly-report .cover {
      min-height: 240mm;
      display: flex;
      flex-direction: column;
      justify-content: center;
      text-align: center;
      gap: 12px;
    }
    .crm-monthly-report .cover h1 {
      font-size: 30px;
      margin: 0;
    }
    .crm-monthly-report .cover .month {
      font-size: 24px;
      font-weight: 600;
    }
    .crm-monthly-report .regenerated {
      color: #d48806;
      font-weight: 600;
    }
    .crm-monthly-report h2 {
      font-size: 20px;
      border-bottom: 2px solid #1677ff;
      padding-bottom: 4px;
    }
    .crm-monthly-report table {
      width: 100%;
      border-collapse: collapse;
      font-size: 12px;
      margin-bottom: 16px;
    }
    .crm-monthly-report th,
    .crm-monthly-report td {
      border: 1px solid #d9d9d9;
      padding: 4px 6px;
    }
    .crm-monthly-report th {
      background: #fafafa;
      text-align: left;
    }
    .crm-monthly-report td.num {
      text-align: right;
      white-space: nowrap;
    }
    .crm-monthly-report .good {
      color: #389e0d;
    }
    .crm-monthly-report .bad {
      color: #cf1322;
    }
    .crm-monthly-report .charts {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 8px 16px;
    }
    .crm-monthly-report .charts > * {
      break-inside: avoid;
    }
    @media (max-width: 600px) {
      .crm-monthly-report .sheet {
        padding: 12px 4px;
      }
      .crm-monthly-report .charts {
        grid-template-columns: minmax(0, 1fr);
      }
      .crm-monthly-report .table-scroll {
        overflow-x: auto;
      }
    }
    @media print {
      nz-content:has(.crm-monthly-report) {
        margin: 0 !important;
      }
      .crm-monthly-report .toolbar {
        display: none;
      }
      .crm-monthly-report .paper {
        max-width: none;
      }
      .crm-monthly-report .sheet {
        padding: 0;
        border: 0;
        break-before: page;
      }
      .crm-monthly-report .sheet.cover {
        break-before: auto;
      }
    }
  `,
})
export class ReportPage {
  /** The month, from the route. */
  readonly period = input.required<string>();
  private readonly api = inject(MonthlyReportApi);
  protected readonly report = signal<MonthlyReport | null>(null);
  protected readonly error = signal<ShownError | null>(null);
  /** The report's language: Chinese unless switched, whatever the UI's. */
  protected readonly lang = signal<ReportLang>('zh-CN');
  private readonly texts = signal<ReportTexts | null>(null);
  protected readonly downloading = signal(false);

  protected readonly t = (key: string, params?: Record<string, string | number>) =>
    reportText(this.texts() ?? {}, `monthlyReport.paper.${key}`, params);

  protected readonly cover = computed(() => {
    const r = this.report();
    const lang = this.lang();
    if (!r || !this.texts()) return null;
    return {
      month: reportMonth(r.period, lang),
      generated: this.t('generatedOn', {
        at: reportDateTime(r.generatedAt, lang),
        by: r.generatedBy?.displayName ?? this.t('byJob'),
      }),
      regenerated: r.regeneratedAt
        ? this.t('regeneratedOn', {
            at: reportDateTime(r.regeneratedAt, lang),
            by: r.regeneratedBy?.displayName ?? this.t('byJob'),
            count: r.regenerations,
          })
        : null,
      computed: this.t('computedAt', { at: reportDateTime(r.kpis.computedAt, lang) }),
    };
  });

  protected readonly sections = computed(() => {
    const r = this.report();
    const lang = this.lang();
    if (!r || !this.texts()) return [];
    const zh = lang === 'zh-CN';
    return monthlyReportSections(r.kpis).map(({ section, items }) => ({
      section,
      title: zh ? REPORT_SECTION_NAMES[section].zh : REPORT_SECTION_NAMES[section].en,
      rows: items.map((item) => {
        const definition = kpiDefinition(item.code);
        const met = meetsKpiTarget(definition.direction, item.value, item.target);
        const improved = kpiImproved(definition.direction, item.value, item.previous);
        const name = zh ? definition.name.zh : definition.name.en;
        return {
          code: item.code,
          name,
          value: formatReportValue(item.unit, item.value, lang),
          target: formatReportValue(item.unit, item.target, lang),
          previous: formatReportValue(item.unit, item.previous, lang),
          change: formatReportChange(item.unit, reportChange(item.value, item.previous), lang),
          valueClass: met === null ? '' : met ? 'good' : 'bad',
          changeClass: improved === null ? '' : improved ? 'good' : 'bad',
          chart: kpiTrendChart(item, r.period, lang, { name, target: this.t('target') }),
        };
      }),
    }));
  });

  protected readonly league = computed(() => {
    const r = this.report();
    const lang = this.lang();
    return (r?.league ?? []).map((m) => ({
      id: m.manager.id,
      name: m.manager.displayName,
      customers: formatReportValue('count', m.customers, lang),
      workload: formatReportValue('count', m.workload, lang),
      overdueWork: formatReportValue('count', m.overdueWork, lang),
      complianceRate: formatReportValue('ratio', m.complianceRate, lang),
      satisfaction: formatReportValue('score', m.satisfaction, lang),
      openFindings: formatReportValue('count', m.openFindings, lang),
    }));
  });

  /** The per-region table: its KPI headers and a row per region, named in the report's language. */
  protected readonly regions = computed(() => {
    const r = this.report();
    const zh = this.lang() === 'zh-CN';
    const lang = this.lang();
    return {
      headers: REPORT_REGION_KPIS.map((code) => ({ code, text: REPORT_REGION_HEADERS[code][zh ? 'zh' : 'en'] })),
      rows: (r?.regions ?? []).map((region) => ({
        region: region.region,
        name: zh ? region.name.zh : region.name.en,
        values: REPORT_REGION_KPIS.map((code) => ({
          code,
          text: formatReportValue(kpiDefinition(code).unit, region.values[code], lang),
        })),
      })),
    };
  });

  constructor() {
    effect(() => {
      const period = this.period();
      this.error.set(null);
      this.api.report(period).then(
        (r) => this.report.set(r),
        (e) => this.error.set(shownError(e)),
      );
    });
    effect(() => {
      void this.api.texts(this.lang()).then((texts) => this.texts.set(texts));
    });
  }

  protected setLang(lang: string): void {
    this.lang.set(lang === 'en' ? 'en' : 'zh-CN');
  }

  protected print(): void {
    window.print();
  }

  protected async download(): Promise<void> {
    this.downloading.set(true);
    try {
      const name = this.lang() === 'en' ? 'monthly-report' : '月度报告';
      saveFile(`${name}-${this.period()}.xlsx`, await this.api.xlsx(this.period(), this.lang()));
    } finally {
      this.downloading.set(false);
    }
  }
}
