import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, OnInit, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { AuthStore, LanguageService, pagedList } from '@crm/web/core';
import { Chart, FilterBar } from '@crm/web/ui';
import { Industry, PersonRef, VIP_TIERS } from '@crm/shared/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ScoreDelta } from '../components/score-delta';
import { concentrationChart, TIER_COLOURS, tierChart } from '../score-charts';
import { ratingTagColour } from '../credit-charts';
import { Region, ScoringApi, VipSummary } from '../scoring.api';

const PAGE_SIZE = 50;

/**
 * Leadership's VIP list: customers ranked by VIP score with the change since the run before, filtered by tier,
 * region and manager; the tier distribution and the revenue concentration; export to CSV or Excel.
 * Account managers see their own customers (the API scopes the list).
 */
@Component({
  selector: 'crm-vip-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    Chart,
    FilterBar,
    ScoreDelta,
    NzButtonModule,
    NzCardModule,
    NzDropDownModule,
    NzGridModule,
    NzIconModule,
    NzSelectModule,
    NzStatisticModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    @if (summary(); as s) {
      <div nz-row [nzGutter]="16" class="charts">
        <div nz-col [nzSpan]="8">
          <nz-card [nzTitle]="'vip.tiers' | translate">
            <crm-chart [options]="tiers()" height="240px" data-testid="vip-tier-chart" />
          </nz-card>
        </div>
        <div nz-col [nzSpan]="8">
          <nz-card [nzTitle]="'vip.concentration' | translate">
            <crm-chart [options]="concentration()" height="240px" data-testid="vip-concentration" />
          </nz-card>
        </div>
        <div nz-col [nzSpan]="8">
          <nz-card [nzTitle]="'vip.run' | translate">
            <nz-statistic [nzTitle]="'vip.customers' | translate" [nzValue]="s.customers" />
            <nz-statistic
              class="revenue"
              [nzTitle]="'vip.revenue' | translate"
              [nzValue]="(s.revenue / 10000 | number: '1.0-0') ?? ''"
              [nzSuffix]="'vip.tenThousandYuan' | translate"
            />
            <p class="hint">
              @if (s.computedAt) {
                {{
                  'vip.computedAt'
                    | translate: { at: s.computedAt.slice(0, 16).replace('T', ' '), version: s.modelVersion }
                }}
              } @else {
                {{ 'vip.noRun' | translate }}
              }
            </p>
          </nz-card>
        </div>
      </div>
    }

    <nz-card [nzTitle]="'vip.title' | translate" [nzExtra]="exportMenu">
      <crm-filter-bar [error]="list.error()" (retry)="list.retry()">
        <nz-select
          [ngModel]="list.query().tier ?? null"
          (ngModelChange)="list.setFilters({ tier: $event })"
          nzAllowClear
          [nzPlaceHolder]="'vip.tier' | translate"
          data-testid="vip-filter-tier"
        >
          @for (tier of tiersList; track tier) {
            <nz-option [nzValue]="tier" [nzLabel]="'scores.tier.' + tier | translate" />
          }
        </nz-select>
        <nz-select
          [ngModel]="list.query().region ?? null"
          (ngModelChange)="list.setFilters({ region: $event })"
          nzAllowClear
          nzShowSearch
          [nzPlaceHolder]="'vip.region' | translate"
          data-testid="vip-filter-region"
        >
          @for (r of regions(); track r.code) {
            <nz-option [nzValue]="r.nameZh" [nzLabel]="language.current() === 'en' ? r.nameEn : r.nameZh" />
          }
        </nz-select>
        <nz-select
          [ngModel]="list.query().industry ?? null"
          (ngModelChange)="list.setFilters({ industry: $event })"
          nzAllowClear
          nzShowSearch
          [nzPlaceHolder]="'vip.industry' | translate"
          data-testid="vip-filter-industry"
        >
          @for (i of industries(); track i.code) {
            <nz-option
              [nzValue]="i.code"
              [nzLabel]="i.code + ' ' + (language.current() === 'en' ? i.nameEn : i.nameZh)"
            />
          }
        </nz-select>
        @if (!isManager()) {
          <nz-select
            [ngModel]="list.query().managerId ?? null"
            (ngModelChange)="list.setFilters({ managerId: $event })"
            nzAllowClear
            nzShowSearch
            [nzPlaceHolder]="'vip.manager' | translate"
            data-testid="vip-filter-manager"
          >
            @for (m of managers(); track m.id) {
              <nz-option [nzValue]="m.id" [nzLabel]="m.displayName" />
            }
          </nz-select>
        }
      </crm-filter-bar>
      <nz-table
        #t
        [nzData]="list.items()"
        [nzFrontPagination]="false"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzLoading]="list.loading()"
        (nzPageIndexChange)="list.setPage($event)"
        nzSize="small"
        data-testid="vip-list"
      >
        <thead>
          <tr>
            <th nzWidth="70px">{{ 'vip.rank' | translate }}</th>
            <th>{{ 'vip.customer' | translate }}</th>
            <th>{{ 'vip.region' | translate }}</th>
            <th>{{ 'vip.manager' | translate }}</th>
            <th nzAlign="right">{{ 'vip.revenue12' | translate }}</th>
            <th nzAlign="right">{{ 'vip.score' | translate }}</th>
            <th>{{ 'vip.change' | translate }}</th>
            <th>{{ 'vip.tier' | translate }}</th>
            <th>{{ 'vip.rating' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of t.data; track e.customer.id) {
            <tr>
              <td>{{ e.rank }}</td>
              <td>
                <a [routerLink]="['/customers', e.customer.id]">{{ e.customer.name }}</a>
                <div class="account">{{ e.customer.accountNo }}</div>
              </td>
              <td>{{ e.customer.region }}</td>
              <td>{{ e.manager?.displayName ?? '—' }}</td>
              <td nzAlign="right">{{ e.revenue12Months | number: '1.0-0' }}</td>
              <td nzAlign="right">
                <strong>{{ e.score | number: '1.2-2' }}</strong>
              </td>
              <td><crm-score-delta [delta]="e.delta" /></td>
              <td>
                <nz-tag [nzColor]="tierColours[e.tier]">{{ 'scores.tier.' + e.tier | translate }}</nz-tag>
              </td>
              <td>
                <nz-tag [nzColor]="ratingColour(e.creditRating)">{{ e.creditRating }}</nz-tag>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>

    <ng-template #exportMenu>
      <button nz-button nz-dropdown [nzDropdownMenu]="formats" data-testid="vip-export">
        <nz-icon nzType="download" />{{ 'vip.export' | translate }}
      </button>
      <nz-dropdown-menu #formats="nzDropdownMenu">
        <ul nz-menu>
          <li nz-menu-item (click)="download('csv')" data-testid="vip-export-csv">CSV</li>
          <li nz-menu-item (click)="download('xlsx')" data-testid="vip-export-xlsx">Excel (.xlsx)</li>
        </ul>
      </nz-dropdown-menu>
    </ng-template>
  `,
  styles: `
    .charts {
      margin-bottom: 16px;
    }
    .account,
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
  private readonly translate = inject(TranslateService);
  private readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService);
  protected readonly tiersList = VIP_TIERS;
  protected readonly tierColours = TIER_COLOURS;
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
  private readonly t = (key: string) => this.translate.instant(key) as string;
  protected readonly tiers = computed(() => {
    this.language.current();
    const s = this.summary();
    return s ? tierChart(s, this.t) : {};
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
    void this.api.regions().then((r) => this.regions.set(r));
    void this.api.industries().then((i) => this.industries.set(i));
    if (!this.isManager()) void this.api.managers().then((m) => this.managers.set(m));
  }

  async download(format: 'csv' | 'xlsx'): Promise<void> {
    const blob = await this.api.exportVip(this.list.filters(), format);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `vip-list.${format}`;
    link.click();
    URL.revokeObjectURL(url);
  }
}
