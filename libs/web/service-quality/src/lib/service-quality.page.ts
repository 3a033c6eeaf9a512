import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import {
  addCalendarDays,
  chinaDate,
  lastTwelveMonths,
  WorkOrderFigure,
  WorkOrderFilter,
  WorkOrderManagerFigures,
  WorkOrderOnTimeRate,
  WorkOrderReference,
  WorkOrderReport,
} from '@crm/shared/domain';
import { LanguageService, Loader } from '@crm/web/core';
import { FIGURES_PAGE, Stat, TableColumn } from '@crm/web/ui';
import type { ECElementEvent } from 'echarts/core';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { ServiceQualityApi } from './service-quality.api';
import { reportCharts, withListFilters } from './service-quality-charts';

/** The requests list, which reads its filters from the URL. */
const REQUESTS = '/requests';

const percent = (rate: number | null) => (rate === null ? '—' : Math.round(rate * 1000) / 10);

const link = (filter: WorkOrderFilter) => ({ path: REQUESTS, queryParams: { ...filter } });

/** A share as a percentage card, opening the orders that missed it. */
const rateStat = (title: string, rate: number | null, missed: WorkOrderFigure, testId: string): Stat => ({
  title,
  value: percent(rate),
  suffix: rate === null ? '' : '%',
  link: link(missed.filter),
  testId,
});

/** A count of orders that should be none, red while there are some. */
const alarmStat = (title: string, figure: WorkOrderFigure, testId: string): Stat => ({
  title,
  value: figure.count,
  colour: figure.count ? '#cf1322' : undefined,
  link: link(figure.filter),
  testId,
});

/** A date of the range picker (a local calendar day) as YYYY-MM-DD, and back (noon, clear of any zone shift). */
const dayOf = (date: Date) => formatDate(date, 'yyyy-MM-dd', 'en');
const dateOf = (day: string) => new Date(`${day}T12:00:00`);

/**
 * Leadership's service quality (issue 14): volume by channel, type and topic per month, contact and resolution
 * on-time rates, complaints per 10,000 customers, satisfaction overall and by manager, repeat contacts,
 * escalations and contradictions. Every card, bar and count opens the requests list filtered to its orders.
 */
@Component({
  selector: 'crm-service-quality-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FIGURES_PAGE, FormsModule, RouterLink, NzDatePickerModule],
  templateUrl: './service-quality.page.html',
  styles: `
    .toolbar {
      margin-bottom: 16px;
    }
    .rate {
      white-space: nowrap;
    }
  `,
})
export class ServiceQualityPage {
  private readonly api = inject(ServiceQualityApi);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly requests = REQUESTS;
  protected readonly report = signal<WorkOrderReport | null>(null);
  /** The report's load: a skeleton until it is there, why it failed with a retry. */
  protected readonly loader = new Loader();
  private readonly reference = signal<WorkOrderReference | null>(null);
  protected readonly range = signal<Date[]>([]);

  private readonly t = (key: string, params?: Record<string, unknown>) => this.translate.instant(key, params) as string;

  /** The name of a channel, type or topic in the current language. */
  private nameOf(kind: keyof WorkOrderReference): (code: string) => string {
    const zh = this.language.current() === 'zh-CN';
    const names = this.reference()?.[kind] ?? [];
    return (code) => {
      const found = names.find((n) => n.code === code);
      return found ? (zh ? found.nameZh : found.nameEn) : code;
    };
  }

  protected readonly stats = computed((): Stat[] => {
    const r = this.report();
    if (!r) return [];
    return [
      { title: 'serviceQuality.orders', value: r.orders.count, link: link(r.orders.filter), testId: 'sq-orders' },
      rateStat('serviceQuality.contactOnTime', r.contactOnTime.rate, r.contactOnTime.late, 'sq-contact-on-time'),
      rateStat(
        'serviceQuality.resolutionOnTime',
        r.resolutionOnTime.rate,
        r.resolutionOnTime.late,
        'sq-resolution-on-time',
      ),
      {
        title: 'serviceQuality.complaintsPer10000',
        value: r.complaintsPer10000Customers ?? '—',
        link: link(r.complaints.filter),
        testId: 'sq-complaints',
      },
      {
        title: 'serviceQuality.satisfaction',
        value: r.satisfaction.average ?? '—',
        suffix: r.satisfaction.average === null ? '' : ' / 5',
        link: link(r.satisfaction.rated.filter),
        testId: 'sq-satisfaction',
      },
      rateStat('serviceQuality.repeatContact', r.repeatContact.rate, r.repeatContact.urged, 'sq-repeat'),
      alarmStat('serviceQuality.escalated', r.escalated, 'sq-escalated'),
      alarmStat('serviceQuality.contradicted', r.contradicted, 'sq-contradicted'),
    ];
  });

  // The charts read the language (through nameOf and t) so that they are rebuilt when it changes.
  protected readonly charts = computed(() => {
    const r = this.report();
    this.language.current();
    return r ? reportCharts(r, this.reference(), (kind) => this.nameOf(kind), this.t) : [];
  });

  protected readonly managerColumns: TableColumn<WorkOrderManagerFigures>[] = [
    { key: 'manager', label: 'serviceQuality.manager', value: (m) => m.manager.displayName },
    { key: 'orders', label: 'serviceQuality.orders', align: 'right' },
    { key: 'complaints', label: 'serviceQuality.complaints', align: 'right' },
    { key: 'contactOnTime', label: 'serviceQuality.contactOnTime', align: 'right' },
    { key: 'resolutionOnTime', label: 'serviceQuality.resolutionOnTime', align: 'right' },
    { key: 'satisfaction', label: 'serviceQuality.satisfaction', align: 'right' },
    { key: 'urged', label: 'serviceQuality.urged', align: 'right' },
    { key: 'escalated', label: 'serviceQuality.escalated', align: 'right' },
    { key: 'contradicted', label: 'serviceQuality.contradicted', align: 'right' },
  ];

  /** The table's columns of a count and of an on-time rate, each opening its orders. */
  protected readonly countColumns = ['orders', 'complaints', 'urged', 'escalated', 'contradicted'] as const;
  protected readonly onTimeColumns = ['contactOnTime', 'resolutionOnTime'] as const;

  constructor() {
    const period = lastTwelveMonths(chinaDate(new Date()));
    this.range.set([dateOf(period.from), dateOf(addCalendarDays(period.to, -1))]);
    void this.api.reference().then((reference) => this.reference.set(reference));
    void this.load();
  }

  setRange(range: Date[]): void {
    if (range.length !== 2) return;
    this.range.set(range);
    void this.load();
  }

  /** A click on a bar: the requests list filtered to its orders. */
  openItem(event: ECElementEvent): void {
    const filter = (event.data as { filter?: WorkOrderFilter } | null)?.filter;
    if (filter) void this.router.navigate([REQUESTS], { queryParams: filter });
  }

  /** The share met of an on-time rate, for a table cell. */
  protected rateText(rate: WorkOrderOnTimeRate): string {
    return rate.rate === null ? '—' : `${percent(rate.rate)}%`;
  }

  private load(): Promise<void> {
    const [from, last] = this.range();
    // Every figure links to the requests list, whose URL holds China dates with the last day included.
    return this.loader.run(
      () => this.api.report(dayOf(from), addCalendarDays(dayOf(last), 1)),
      (report) => this.report.set(withListFilters(report)),
    );
  }
}
