import { ChangeDetectionStrategy, Component, computed, effect, inject, OnInit, signal, untracked } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { AuthStore, LanguageService, pagedList, ReferenceApi, Region, saveFile } from '@crm/web/core';
import { Chart, ExportChoice, ExportMenu, LIST_PAGE, ListFilter, managerFilter, TableColumn } from '@crm/web/ui';
import {
  formatDecimal,
  formatInteger,
  Industry,
  PersonRef,
  VIP_TIERS,
  VipListEntry,
  VipSummary,
} from '@crm/shared/domain';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ScoreDelta } from '../components/score-delta';
import { concentrationChart, TIER_COLOURS, tierChart } from '../score-charts';
import { ratingTagColour } from '../credit-charts';
import { ScoringApi } from '../scoring.api';

const PAGE_SIZE = 50;

/**
 * Leadership's VIP list: customers ranked by VIP score with the change since the run before, filtered by tier,
 * region and manager; the tier distribution and the revenue concentration; export to CSV or Excel.
 * Account managers see their own customers (the API scopes the list).
 */
@Component({
  selector: 'crm-vip-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, Chart, ExportMenu, ScoreDelta, NzGridModule, NzStatisticModule, NzTagModule],
  templateUrl: './vip-list.page.html',
  styles: `
    .charts {
      margin-bottom: 16px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .revenue {
      margin-top: 16px;
    }
  `,
})
export class VipListPage implements OnInit {
  private readonly api = inject(ScoringApi);
  private readonly reference = inject(ReferenceApi);
  private readonly translate = inject(TranslateService);
  private readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService);
  protected readonly tierColours: Record<string, string> = TIER_COLOURS;
  protected readonly ratingColour = ratingTagColour;
  protected readonly list = pagedList({
    filters: { tier: { allowed: VIP_TIERS }, region: {}, industry: {}, managerId: {} },
    pageSize: PAGE_SIZE,
    fetch: (query) => this.api.vip(query),
  });
  protected readonly summary = signal<VipSummary | null>(null);
  protected readonly regions = signal<Region[]>([]);
  protected readonly managers = signal<PersonRef[]>([]);
  protected readonly industries = signal<Industry[]>([]);
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  private readonly zh = computed(() => this.language.current() !== 'en');
  protected readonly filters = computed((): ListFilter[] => [
    { key: 'tier', placeholder: 'vip.tier', options: VIP_TIERS, labels: 'scores.tier.', testId: 'vip-filter-tier' },
    {
      key: 'region',
      placeholder: 'vip.region',
      options: this.regions().map((r) => ({ value: r.nameZh, label: this.zh() ? r.nameZh : r.nameEn })),
      searchable: true,
      testId: 'vip-filter-region',
    },
    {
      key: 'industry',
      placeholder: 'vip.industry',
      options: this.industries().map((i) => ({ value: i.code, label: `${i.code} ${this.zh() ? i.nameZh : i.nameEn}` })),
      searchable: true,
      testId: 'vip-filter-industry',
    },
    ...(this.isManager() ? [] : [managerFilter('vip.manager', this.managers(), 'vip-filter-manager')]),
  ]);
  protected readonly columns: TableColumn<VipListEntry>[] = [
    { key: 'rank', label: 'vip.rank', width: '70px' },
    {
      key: 'customer',
      label: 'vip.customer',
      kind: 'link',
      value: (e) => e.customer.name,
      link: (e) => ['/customers', e.customer.id],
      detail: (e) => e.customer.accountNo,
    },
    { key: 'region', label: 'vip.region', value: (e) => e.customer.region },
    { key: 'manager', label: 'vip.manager', value: (e) => e.manager?.displayName },
    { key: 'revenue12Months', label: 'vip.revenue12', kind: 'number', digits: 0 },
    { key: 'score', label: 'vip.score', align: 'right' },
    { key: 'delta', label: 'vip.change' },
    { key: 'tier', label: 'vip.tier' },
    { key: 'rating', label: 'vip.rating' },
  ];
  private readonly t = (key: string) => this.translate.instant(key) as string;
  protected readonly tiers = computed(() => {
    this.language.current();
    const s = this.summary();
    return s ? tierChart(s, this.t) : {};
  });
  /** The twelve months' revenue in the reader's unit: 万元 in Chinese, million yuan in English. */
  protected readonly revenue = computed(() => {
    const s = this.summary();
    if (!s) return '';
    return this.zh() ? formatInteger(s.revenue / 10_000, 'zh-CN') : formatDecimal(s.revenue / 1_000_000, 'en', 1);
  });
  protected readonly concentration = computed(() => {
    this.language.current();
    const s = this.summary();
    return s ? concentrationChart(s, this.t) : {};
  });

  constructor() {
    effect(() => {
      const filter = this.list.filters();
      untracked(() => void this.api.vipSummary(filter).then((summary) => this.summary.set(summary)));
    });
  }

  ngOnInit(): void {
    void this.reference.regions().then((r) => this.regions.set(r));
    void this.reference.industries().then((i) => this.industries.set(i));
    if (!this.isManager()) void this.reference.managers().then((m) => this.managers.set(m));
  }

  async download(choice: ExportChoice): Promise<void> {
    saveFile(`vip-list.${choice.format}`, await this.api.exportVip(this.list.filters(), choice));
  }
}
