import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CREDIT_RATINGS, CreditRating, Page } from '@crm/shared/domain';
import { LanguageService, PagedList, pagedList } from '@crm/web/core';
import { Chart, FilterBar } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { blacklistedFor, blacklistedTotal, ratingChartOption, ratingTagColour, totalArrears } from '../credit-charts';
import { CreditListEntry, CreditSummary, ScoringApi } from '../scoring.api';

type CreditList = 'blacklist' | 'downgrades';

type CreditListState = PagedList<'rating' | 'region', Page<CreditListEntry>>;

/** One of the page's lists: the blacklist, or the customers whose rating fell (previous → current). */
@Component({
  selector: 'crm-credit-list-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RouterLink, TranslatePipe, NzTableModule, NzTagModule],
  template: `
    <nz-table
      #t
      [nzData]="state().items()"
      [nzFrontPagination]="false"
      [nzTotal]="state().total()"
      [nzPageIndex]="state().page()"
      [nzPageSize]="state().pageSize()"
      [nzLoading]="state().loading()"
      (nzPageIndexChange)="state().setPage($event)"
      nzSize="small"
    >
      <thead>
        <tr>
          <th>{{ 'creditRisk.accountNo' | translate }}</th>
          <th>{{ 'creditRisk.name' | translate }}</th>
          <th>{{ 'creditRisk.region' | translate }}</th>
          <th>{{ 'creditRisk.manager' | translate }}</th>
          <th nzAlign="right">{{ 'creditRisk.score' | translate }}</th>
          <th>{{ 'creditRisk.rating' | translate }}</th>
          <th>{{ 'creditRisk.blacklistReason' | translate }}</th>
          <th nzAlign="right">{{ 'creditRisk.arrears' | translate }}</th>
          <th nzAlign="right">{{ 'creditRisk.arrearsDays' | translate }}</th>
        </tr>
      </thead>
      <tbody>
        @for (e of t.data; track e.customer.id) {
          <tr>
            <td>{{ e.customer.accountNo }}</td>
            <td>
              <a [routerLink]="['/customers', e.customer.id]">{{ e.customer.name }}</a>
            </td>
            <td>{{ e.customer.region }}</td>
            <td>{{ e.manager?.displayName ?? '—' }}</td>
            <td nzAlign="right">{{ e.score | number: '1.2-2' }}</td>
            <td>
              @if (list() === 'downgrades' && e.previousRating) {
                <nz-tag [nzColor]="ratingColour(e.previousRating)">{{ e.previousRating }}</nz-tag>
                <span class="arrow">→</span>
              }
              <nz-tag [nzColor]="ratingColour(e.rating)">{{ e.rating }}</nz-tag>
            </td>
            <td>
              @if (e.blacklistReason) {
                <nz-tag nzColor="red">{{ 'creditRisk.reason.' + e.blacklistReason | translate }}</nz-tag>
              } @else {
                —
              }
            </td>
            <td nzAlign="right">{{ e.arrears | number: '1.2-2' }}</td>
            <td nzAlign="right">{{ e.arrearsDays }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
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
}

/**
 * Leaders and admins (account managers: their own customers, scoped by the API): customers and arrears per
 * credit rating, the blacklist (theft or rating C) and the customers whose rating fell since the run before.
 */
@Component({
  selector: 'crm-credit-risk-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    FormsModule,
    TranslatePipe,
    Chart,
    CreditListTable,
    FilterBar,
    NzButtonModule,
    NzCardModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzStatisticModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
  ],
  template: `
    <crm-filter-bar [error]="blacklist.error() ?? downgrades.error()" (retry)="blacklist.retry(); downgrades.retry()">
      <nz-select
        [(ngModel)]="rating"
        (ngModelChange)="apply()"
        nzAllowClear
        [nzPlaceHolder]="'creditRisk.rating' | translate"
        data-testid="credit-filter-rating"
      >
        @for (r of ratings; track r) {
          <nz-option [nzValue]="r" [nzLabel]="r" />
        }
      </nz-select>
      <input
        nz-input
        class="region"
        [(ngModel)]="region"
        (keyup.enter)="apply()"
        [placeholder]="'creditRisk.region' | translate"
        data-testid="credit-filter-region"
      />
      <button nz-button nzType="primary" (click)="apply()" data-testid="credit-filter-apply">
        <nz-icon nzType="search" />{{ 'creditRisk.apply' | translate }}
      </button>
    </crm-filter-bar>

    <div nz-row [nzGutter]="16" class="block">
      <div nz-col [nzXs]="12" [nzLg]="6">
        <nz-card>
          <nz-statistic
            [nzTitle]="'creditRisk.blacklisted' | translate"
            [nzValue]="blacklisted()"
            [nzValueStyle]="{ color: '#cf1322' }"
            data-testid="credit-blacklisted"
          />
        </nz-card>
      </div>
      <div nz-col [nzXs]="12" [nzLg]="6">
        <nz-card>
          <nz-statistic
            [nzTitle]="'creditRisk.blacklistedTheft' | translate"
            [nzValue]="theft()"
            data-testid="credit-blacklisted-theft"
          />
        </nz-card>
      </div>
      <div nz-col [nzXs]="12" [nzLg]="6">
        <nz-card>
          <nz-statistic
            [nzTitle]="'creditRisk.blacklistedRatingC' | translate"
            [nzValue]="ratingC()"
            data-testid="credit-blacklisted-rating-c"
          />
        </nz-card>
      </div>
      <div nz-col [nzXs]="12" [nzLg]="6">
        <nz-card>
          <nz-statistic
            [nzTitle]="'creditRisk.downgraded' | translate"
            [nzValue]="downgraded()"
            [nzValueStyle]="{ color: '#d48806' }"
            data-testid="credit-downgraded"
          />
        </nz-card>
      </div>
    </div>

    <nz-card [nzTitle]="'creditRisk.byRating' | translate" [nzExtra]="arrearsTotal" class="block">
      <crm-chart [options]="chart()" height="320px" data-testid="credit-ratings-chart" />
    </nz-card>
    <ng-template #arrearsTotal>
      {{ 'creditRisk.totalArrears' | translate }}: {{ arrears() | number: '1.2-2' }}
    </ng-template>

    <nz-card>
      <nz-tabs>
        <nz-tab [nzTitle]="blacklistTitle">
          <ng-template #blacklistTitle>
            {{ 'creditRisk.blacklistTab' | translate }} ({{ blacklist.total() }})
          </ng-template>
          <crm-credit-list-table
            list="blacklist"
            [state]="blacklist"
            data-testid="credit-blacklist"
          />
        </nz-tab>
        <nz-tab [nzTitle]="downgradesTitle">
          <ng-template #downgradesTitle>
            {{ 'creditRisk.downgradesTab' | translate }} ({{ downgrades.total() }})
          </ng-template>
          <crm-credit-list-table
            list="downgrades"
            [state]="downgrades"
            data-testid="credit-downgrades"
          />
        </nz-tab>
      </nz-tabs>
    </nz-card>
  `,
  styles: `
    .block {
      margin-bottom: 16px;
    }
  `,
})
export class CreditRiskPage implements OnInit {
  private readonly api = inject(ScoringApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  protected readonly ratings = CREDIT_RATINGS;
  protected rating: CreditRating | null = null;
  protected region = '';

  protected readonly summary = signal<CreditSummary | null>(null);
  protected readonly blacklist = this.creditList('blacklist');
  protected readonly downgrades = this.creditList('downgrades');

  protected readonly blacklisted = computed(() => blacklistedTotal(this.summary()));
  protected readonly theft = computed(() => blacklistedFor(this.summary(), 'theft'));
  protected readonly ratingC = computed(() => blacklistedFor(this.summary(), 'rating_c'));
  protected readonly downgraded = computed(() => this.summary()?.downgraded ?? 0);
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

  private summaryRequest = 0;

  private async loadSummary(): Promise<void> {
    const request = ++this.summaryRequest;
    try {
      const summary = await this.api.creditSummary(this.blacklist.filters());
      if (request === this.summaryRequest) this.summary.set(summary);
    } catch {
      // The global error handler has shown the message.
    }
  }
}
