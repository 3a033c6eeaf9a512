import { ChangeDetectionStrategy, Component, computed, effect, inject, OnInit, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  chinaDate,
  currentKpiPeriod,
  kpiDefinition,
  KPI_SECTIONS,
  KpiView,
  MANAGER_LEAGUE_SORT_FIELDS,
  ManagerLeagueRow,
  PersonRef,
} from '@crm/shared/domain';
import { AuthStore, LanguageService, Loader, pagedList, ReferenceApi, Region } from '@crm/web/core';
import { ErrorAlert, LIST_PAGE, ListFilter, managerFilter, TableColumn } from '@crm/web/ui';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { cockpitPeriod, dateOfMonth, isFutureMonth, monthOf } from '../cockpit-query';
import { KpiRefresh } from '../components/kpi-refresh';
import { KpiTile } from '../components/kpi-tile';
import { KpiQuery, KpisApi } from '../kpis.api';

/** Managers a page of the league table shows; a company has fewer, so the table is one page. */
const LEAGUE_PAGE_SIZE = 100;

/**
 * The leadership cockpit (issue 16): every KPI of the month as a tile, by section, for a region and an account
 * manager, with the time its figures were computed (the current month's refreshed every 5 minutes, and on demand by
 * leadership and admins), and the account managers' league table; the month, region, manager and the table's sort live in the URL.
 * Leadership's home (`/leadership`); admins and marketing open it at `/kpis`.
 */
@Component({
  selector: 'crm-cockpit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LIST_PAGE,
    FormsModule,
    ErrorAlert,
    KpiRefresh,
    KpiTile,
    NzDatePickerModule,
    NzEmptyModule,
    NzGridModule,
    NzIconModule,
    NzSkeletonModule,
    NzSpinModule,
  ],
  templateUrl: './cockpit.page.html',
  styles: `
    .section {
      margin: 8px 0 12px;
      font-size: 16px;
      font-weight: 600;
    }
    .tiles {
      margin-bottom: 8px;
    }
    .tiles > div {
      margin-bottom: 16px;
    }
    .computed {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      align-self: center;
    }
    nz-month-picker {
      width: 140px;
    }
    :host ::ng-deep tr.chosen > td {
      background: #e6f4ff;
      font-weight: 600;
    }
  `,
})
export class CockpitPage implements OnInit {
  private readonly api = inject(KpisApi);
  private readonly reference = inject(ReferenceApi);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthStore);
  protected readonly current = currentKpiPeriod(chinaDate(new Date()));
  /** Leadership and admins may refresh the current month's figures. */
  protected readonly canRefresh = computed(() => ['leader', 'admin'].includes(this.auth.user()?.role ?? ''));

  /** The league table; its filters (month, region, manager) are the cockpit's, all in the URL. */
  protected readonly list = pagedList({
    filters: { period: { default: this.current }, region: {}, managerId: {} },
    pageSize: LEAGUE_PAGE_SIZE,
    sort: 'displayName',
    sorts: MANAGER_LEAGUE_SORT_FIELDS,
    fetch: async ({ page, pageSize, sort, ...filters }) => {
      const { period, region } = this.kpiQuery(filters);
      const rows = await this.api.league({ period, region, sort });
      return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
    },
  });
  protected readonly period = computed(() => cockpitPeriod(this.list.filters().period, this.current));
  protected readonly month = computed(() => dateOfMonth(this.period()));
  protected readonly future = (month: Date) => isFutureMonth(month, this.current);

  protected readonly view = signal<KpiView | null>(null);
  /** The tiles' load: whether it runs, why it failed, and its retry. */
  protected readonly loader = new Loader();
  protected readonly loading = this.loader.loading;
  protected readonly error = this.loader.error;
  /** The tiles by section, in the catalogue's order. */
  protected readonly sections = computed(() => {
    const items = this.view()?.items ?? [];
    return KPI_SECTIONS.map((section) => ({
      section,
      tiles: items
        .map((item) => ({ item, definition: kpiDefinition(item.code) }))
        .filter((tile) => tile.definition?.section === section),
    })).filter((s) => s.tiles.length);
  });

  private readonly regions = signal<Region[]>([]);
  private readonly managers = signal<PersonRef[]>([]);
  protected readonly filters = computed((): ListFilter[] => {
    const zh = this.language.current() === 'zh-CN';
    return [
      {
        key: 'region',
        placeholder: 'kpis.region',
        options: this.regions().map((r) => ({ value: r.nameZh, label: zh ? r.nameZh : r.nameEn })),
        testId: 'kpi-filter-region',
      },
      managerFilter('kpis.manager', this.managers(), 'kpi-filter-manager'),
    ];
  });

  protected readonly leagueColumns: TableColumn<ManagerLeagueRow>[] = [
    { key: 'displayName', label: 'kpis.league.manager', sort: 'displayName' },
    { key: 'customers', label: 'kpis.league.customers', kind: 'number', sort: 'customers' },
    { key: 'workload', label: 'kpis.league.workload', kind: 'number', sort: 'workload' },
    { key: 'overdueWork', label: 'kpis.league.overdueWork', kind: 'number', sort: 'overdueWork' },
    { key: 'complianceRate', label: 'kpis.league.complianceRate', kind: 'percent', sort: 'complianceRate' },
    {
      key: 'satisfaction',
      label: 'kpis.league.satisfaction',
      kind: 'number',
      digits: 2,
      sort: 'satisfaction',
    },
    { key: 'openFindings', label: 'kpis.league.openFindings', kind: 'number', sort: 'openFindings' },
  ];
  /**
   * The league keeps every manager of the region, for comparison; the manager the cockpit is filtered by is
   * highlighted (and marked `data-chosen`).
   */
  protected readonly leagueRow = {
    attrs: (r: ManagerLeagueRow) => ({
      'data-testid': `league-row-${r.manager.id}`,
      'data-chosen': String(r.manager.id === this.list.filters().managerId),
    }),
    class: (r: ManagerLeagueRow) => (r.manager.id === this.list.filters().managerId ? 'chosen' : ''),
  };

  constructor() {
    // The tiles follow the filters (not the table's sort or page).
    effect(() => {
      const filters = this.list.filters();
      untracked(() => void this.load(this.kpiQuery(filters)));
    });
  }

  ngOnInit(): void {
    void this.reference.regions().then((regions) => this.regions.set(regions));
    void this.reference.managers().then((managers) => this.managers.set(managers));
  }

  pickMonth(month: Date | null): void {
    this.list.setFilters({ period: month ? monthOf(month) : this.current });
  }

  private kpiQuery(filters: { period?: string; region?: string; managerId?: string }): KpiQuery {
    return {
      period: cockpitPeriod(filters.period, this.current),
      region: filters.region,
      managerId: filters.managerId,
    };
  }

  private load(query: KpiQuery): Promise<void> {
    return this.loader.run(
      () => this.api.view(query),
      (view) => this.view.set(view),
    );
  }
}
