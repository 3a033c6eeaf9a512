import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Customer, CUSTOMER_STAGES, Industry, VOLTAGE_LEVELS_KV } from '@crm/shared/domain';
import { AuthStore, LanguageService } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CustomerQuery, CustomersApi, Manager, Region } from '../customers.api';
import { STAGE_COLOURS } from '../stage-colours';

export const LIST_COLUMNS = [
  'accountNo',
  'name',
  'voltageKv',
  'contractCapacityKva',
  'industry',
  'region',
  'stage',
  'importance',
  'manager',
  'phone',
  'updatedAt',
] as const;
type Column = (typeof LIST_COLUMNS)[number];
const DEFAULT_COLUMNS: Column[] = [
  'accountNo',
  'name',
  'voltageKv',
  'contractCapacityKva',
  'region',
  'stage',
  'manager',
  'updatedAt',
];
const COLUMNS_KEY = 'crm.customerColumns';
const SORTABLE: Partial<Record<Column, string>> = {
  accountNo: 'accountNo',
  name: 'name',
  voltageKv: 'voltageKv',
  contractCapacityKva: 'contractCapacityKva',
  updatedAt: 'updatedAt',
};

/** The customer list: server-side search, filters, sort and paging, kept in the URL; columns of the user's choice. */
@Component({
  selector: 'crm-customer-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzDropDownModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './customer-list.page.html',
  styles: `
    .filters {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 16px;
    }
    .filters nz-select {
      width: 160px;
    }
    .search {
      width: 280px;
    }
    .spacer {
      flex: 1;
    }
    .row {
      cursor: pointer;
    }
    .columns {
      padding: 8px 12px;
      display: flex;
      flex-direction: column;
      gap: 4px;
      background: #fff;
    }
  `,
})
export class CustomerListPage implements OnInit {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly stages = CUSTOMER_STAGES;
  protected readonly voltages = VOLTAGE_LEVELS_KV;
  protected readonly allColumns = LIST_COLUMNS;
  protected readonly stageColours = STAGE_COLOURS;
  protected readonly query = signal<CustomerQuery>({ page: 1, pageSize: 20, sort: 'accountNo' });
  protected readonly items = signal<Customer[]>([]);
  protected readonly total = signal(0);
  protected readonly totalExact = signal(true);
  protected readonly loading = signal(false);
  protected readonly industries = signal<Industry[]>([]);
  protected readonly regions = signal<Region[]>([]);
  protected readonly managers = signal<Manager[]>([]);
  protected readonly columns = signal<Column[]>(this.savedColumns());
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly canCreate = computed(() => this.auth.user()?.role !== 'marketing');
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');
  protected search = '';
  private searchTimer?: ReturnType<typeof setTimeout>;

  ngOnInit(): void {
    const subscription = this.route.queryParamMap.subscribe((params) => {
      const q: CustomerQuery = {
        search: params.get('search') ?? undefined,
        stage: params.get('stage') ?? undefined,
        voltageKv: params.get('voltageKv') ? Number(params.get('voltageKv')) : undefined,
        industry: params.get('industry') ?? undefined,
        region: params.get('region') ?? undefined,
        managerId: params.get('managerId') ?? undefined,
        sort: params.get('sort') ?? 'accountNo',
        page: Number(params.get('page') ?? 1),
        pageSize: Number(params.get('pageSize') ?? 20),
      };
      this.search = q.search ?? '';
      this.query.set(q);
      void this.load(q);
    });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
    void this.loadReference();
  }

  has(column: Column): boolean {
    return this.columns().includes(column);
  }

  toggleColumn(column: Column, shown: boolean): void {
    const next = this.allColumns.filter((c) => (c === column ? shown : this.columns().includes(c)));
    this.columns.set(next);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  }

  sortOrder(column: Column): 'ascend' | 'descend' | null {
    const sort = this.query().sort ?? '';
    const field = SORTABLE[column];
    if (!field) return null;
    return sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;
  }

  sortable(column: Column): boolean {
    return !!SORTABLE[column];
  }

  onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.navigate({ search: value.trim() || undefined, page: 1 }), 300);
  }

  filter(change: Partial<CustomerQuery>): void {
    this.navigate({ ...change, page: 1 });
  }

  onTableChange(params: NzTableQueryParams): void {
    const sorted = params.sort.find((s) => s.value);
    const field = sorted ? SORTABLE[sorted.key as Column] : undefined;
    const sort = field ? (sorted?.value === 'descend' ? `-${field}` : field) : this.query().sort;
    const q = this.query();
    if (params.pageIndex !== q.page || params.pageSize !== q.pageSize || sort !== q.sort) {
      this.navigate({ page: params.pageIndex, pageSize: params.pageSize, sort });
    }
  }

  industryName(code: string): string {
    const industry = this.industries().find((i) => i.code === code);
    return industry ? (this.zh() ? industry.nameZh : industry.nameEn) : code;
  }

  regionName(name: string): string {
    const region = this.regions().find((r) => r.nameZh === name);
    return region && !this.zh() ? region.nameEn : name;
  }

  open(customer: Customer): void {
    void this.router.navigate(['/customers', customer.id]);
  }

  private navigate(change: Partial<CustomerQuery>): void {
    const q = { ...this.query(), ...change };
    void this.router.navigate([], {
      queryParams: {
        ...q,
        voltageKv: q.voltageKv ?? null,
        page: q.page === 1 ? null : q.page,
        pageSize: q.pageSize === 20 ? null : q.pageSize,
      },
      queryParamsHandling: '',
    });
  }

  private async load(q: CustomerQuery): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.list(q);
      this.items.set(page.items);
      this.total.set(page.total);
      this.totalExact.set(page.totalExact);
    } finally {
      this.loading.set(false);
    }
  }

  private async loadReference(): Promise<void> {
    const [industries, regions] = await Promise.all([this.api.industries(), this.api.regions()]);
    this.industries.set(industries.filter((i) => /^\d{2}$/.test(i.code)));
    this.regions.set(regions);
    if (!this.isManager()) this.managers.set(await this.api.managers());
  }

  private savedColumns(): Column[] {
    try {
      const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as Column[] | null;
      return saved?.length ? saved.filter((c) => LIST_COLUMNS.includes(c)) : DEFAULT_COLUMNS;
    } catch {
      return DEFAULT_COLUMNS;
    }
  }
}
