import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CREDIT_RATINGS, CreditListEntry, CreditRating, CreditSummary, Page } from '@crm/shared/domain';
import { LanguageService, Loader, PagedList, pagedList } from '@crm/web/core';
import {
  CellDef,
  Chart,
  DataTable,
  DisplayPipe,
  FilterBar,
  LoadStatus,
  Stat,
  StatCards,
  TableColumn,
} from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { blacklistedFor, blacklistedTotal, ratingChartOption, ratingTagColour, totalArrears } from '../credit-charts';
import { ScoringApi } from '../scoring.api';

type CreditList = 'blacklist' | 'downgrades';

type CreditListState = PagedList<'rating' | 'region', Page<CreditListEntry>>;

/** One of the page's lists: the blacklist, or the customers whose rating fell (previous → current). */
@Component({
  selector: 'crm-credit-list-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, CellDef, DataTable, NzTagModule],
  templateUrl: './credit-list-table.html',
  styles: `
    .arrow {
      margin-right: 8px;
    }
  `,
})
export class CreditListTable {
  readonly list = input.required<CreditList>();
  readonly state = input.required<CreditListState>();
  protected readonly ratingColour = ratingTagColour;
  protected readonly columns: TableColumn<CreditListEntry>[] = [
    { key: 'accountNo', label: 'creditRisk.accountNo', value: (e) => e.customer.accountNo },
    {
      key: 'name',
      label: 'creditRisk.name',
      kind: 'link',
      value: (e) => e.customer.name,
      link: (e) => ['/customers', e.customer.id],
    },
    { key: 'region', label: 'creditRisk.region', value: (e) => e.customer.region },
    { key: 'manager', label: 'creditRisk.manager', value: (e) => e.manager?.displayName },
    { key: 'score', label: 'creditRisk.score', kind: 'number', digits: 2 },
    { key: 'rating', label: 'creditRisk.rating' },
    { key: 'blacklistReason', label: 'creditRisk.blacklistReason' },
    { key: 'arrears', label: 'creditRisk.arrears', kind: 'money' },
    { key: 'arrearsDays', label: 'creditRisk.arrearsDays', kind: 'number' },
  ];
}

/**
 * Leaders and admins (account managers: their own customers, scoped by the API): customers and arrears per
 * credit rating, the blacklist (theft or rating C) and the customers whose rating fell since the run before.
 */
@Component({
  selector: 'crm-credit-risk-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DisplayPipe,
    FormsModule,
    TranslatePipe,
    Chart,
    CreditListTable,
    FilterBar,
    LoadStatus,
    StatCards,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTabsModule,
    NzTagModule,
  ],
  templateUrl: './credit-risk-page.html',
})
export class CreditRiskPage implements OnInit {
  private readonly api = inject(ScoringApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  protected readonly ratings = CREDIT_RATINGS;
  protected rating: CreditRating | null = null;
  protected region = '';

  protected readonly summary = signal<CreditSummary | null>(null);
  protected readonly summaryLoad = new Loader();
  protected readonly blacklist = this.creditList('blacklist');
  protected readonly downgrades = this.creditList('downgrades');

  protected readonly stats = computed((): Stat[] => [
    {
      title: 'creditRisk.blacklisted',
      value: blacklistedTotal(this.summary()),
      colour: '#cf1322',
      testId: 'credit-blacklisted',
    },
    {
      title: 'creditRisk.blacklistedTheft',
      value: blacklistedFor(this.summary(), 'theft'),
      testId: 'credit-blacklisted-theft',
    },
    {
      title: 'creditRisk.blacklistedRatingC',
      value: blacklistedFor(this.summary(), 'rating_c'),
      testId: 'credit-blacklisted-rating-c',
    },
    {
      title: 'creditRisk.downgraded',
      value: this.summary()?.downgraded ?? 0,
      colour: '#d48806',
      testId: 'credit-downgraded',
    },
  ]);
  protected readonly arrears = computed(() => totalArrears(this.summary()));
  // Reads the language so that the series names are rebuilt when it changes.
  protected readonly chart = computed(() => {
    this.language.current();
    return ratingChartOption(this.summary(), (key) => this.translate.instant(key) as string);
  });

  ngOnInit(): void {
    void this.loadSummary();
  }

  /** Applies the rating and region filters to the summary and both lists, from their first page. */
  apply(): void {
    const filter = { rating: this.rating ?? undefined, region: this.region.trim() || undefined };
    this.blacklist.setFilters(filter);
    this.downgrades.setFilters(filter);
    void this.loadSummary();
  }

  private creditList(list: CreditList): CreditListState {
    return pagedList({
      filters: { rating: {}, region: {} },
      url: false,
      fetch: (query) => this.api.creditList(list, query),
    });
  }

  private loadSummary(): Promise<void> {
    return this.summaryLoad.run(
      () => this.api.creditSummary(this.blacklist.filters()),
      (summary) => this.summary.set(summary),
    );
  }
}
