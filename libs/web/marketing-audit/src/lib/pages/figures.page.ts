import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { AuditFigures } from '@crm/shared/domain';
import { LanguageService, Loader } from '@crm/web/core';
import { FIGURES_PAGE, Stat, TableColumn } from '@crm/web/ui';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { AuditRulesStore } from '../audit-rules.store';
import { perRuleChart, trendChart } from '../figures-charts';
import { MarketingAuditApi } from '../marketing-audit.api';
import { SortedRows } from '../sorted-rows';

/** The months the figures cover. */
const MONTHS = 12;

type ManagerFigures = AuditFigures['byManager'][number];

/**
 * The audit figures (leadership, auditors, admins, marketing): findings per 100 customers, the share rectified on
 * time, repeat findings, open and overdue findings; per rule per 100 customers; per manager (sortable); per month
 * found, rectified and verified.
 */
@Component({
  selector: 'crm-marketing-audit-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FIGURES_PAGE, NzEmptyModule],
  templateUrl: './figures.page.html',
})
export class FiguresPage implements OnInit {
  private readonly api = inject(MarketingAuditApi);
  private readonly rules = inject(AuditRulesStore);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  protected readonly figures = signal<AuditFigures | null>(null);
  /** The figures' load: a skeleton until they are there, why it failed with a retry. */
  protected readonly loader = new Loader();
  protected readonly managers = new SortedRows<ManagerFigures>(computed(() => this.figures()?.byManager ?? []));

  protected readonly stats = computed((): Stat[] => {
    const f = this.figures();
    if (!f) return [];
    const open = f.byRule.reduce((n, r) => n + r.open, 0);
    const overdue = f.byRule.reduce((n, r) => n + r.overdue, 0);
    return [
      { title: 'marketingAudit.figures.per100', value: f.findingsPer100, testId: 'audit-per100' },
      {
        title: 'marketingAudit.figures.onTime',
        value: f.rectifiedOnTimePercent ?? '—',
        suffix: f.rectifiedOnTimePercent === null ? '' : '%',
        testId: 'audit-on-time',
      },
      { title: 'marketingAudit.figures.repeat', value: f.repeatFindings, testId: 'audit-repeat' },
      {
        title: 'marketingAudit.figures.openOverdue',
        value: `${open} / ${overdue}`,
        colour: overdue ? '#cf1322' : undefined,
        testId: 'audit-open-overdue',
      },
    ];
  });

  // The charts read the language so that they are drawn again when it changes.
  /** Some rule has found something: otherwise the per-rule chart would be an empty frame. */
  protected readonly hasFindings = computed(() => (this.figures()?.byRule ?? []).some((r) => r.findings > 0));
  protected readonly ruleChart = computed(() => {
    this.language.current();
    const f = this.figures();
    return f ? perRuleChart(f, (code) => this.rules.name(code)) : {};
  });
  protected readonly monthChart = computed(() => {
    this.language.current();
    const f = this.figures();
    const t = (key: string) => this.translate.instant(`marketingAudit.figures.${key}`) as string;
    return f ? trendChart(f, { found: t('found'), rectified: t('rectified'), verified: t('verified') }) : {};
  });

  protected readonly managerColumns: TableColumn<ManagerFigures>[] = [
    { key: 'managerName', label: 'marketingAudit.manager', sort: 'managerName' },
    { key: 'customers', label: 'marketingAudit.figures.customers', kind: 'number', sort: 'customers' },
    { key: 'findings', label: 'marketingAudit.figures.findings', kind: 'number', sort: 'findings' },
    { key: 'per100', label: 'marketingAudit.figures.per100', kind: 'number', digits: 2, sort: 'per100' },
    { key: 'open', label: 'marketingAudit.figures.open', kind: 'number', sort: 'open' },
    { key: 'overdue', label: 'marketingAudit.figures.overdue', kind: 'number', sort: 'overdue' },
  ];

  ngOnInit(): void {
    this.rules.load();
    void this.loader.run(
      () => this.api.figures(MONTHS),
      (figures) => this.figures.set(figures),
    );
  }
}
