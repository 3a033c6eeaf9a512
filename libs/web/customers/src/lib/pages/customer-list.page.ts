import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  CREDIT_RATINGS,
  Customer,
  CUSTOMER_EXACT_COUNT_LIMIT,
  CUSTOMER_STAGES,
  CustomerTotalKind,
  Industry,
  PersonRef,
  ROLES_MAINTAINING_CUSTOMERS,
  VOLTAGE_LEVELS_KV,
} from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList, ReferenceApi, Region } from '@crm/web/core';
import { LIST_PAGE, ListFilter, managerFilter, TableColumn, TableRow } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CustomersApi } from '../customers.api';
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
const SORTS = ['accountNo', 'name', 'voltageKv', 'contractCapacityKva', 'updatedAt'];

/** The customer list: server-side search, filters, sort and paging, kept in the URL; columns of the user's choice. */
@Component({
  selector: 'crm-customer-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, FormsModule, NzButtonModule, NzCheckboxModule, NzDropDownModule, NzIconModule, NzTagModule],
  templateUrl: './customer-list.page.html',
  styles: `
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
  private readonly reference = inject(ReferenceApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  protected readonly allColumns = LIST_COLUMNS;
  protected readonly stageColours = STAGE_COLOURS;
  protected readonly list = pagedList({
    filters: {
      search: {},
      stage: {},
      voltageKv: {},
      industry: {},
      region: {},
      managerId: {},
      inService: { allowed: ['true', 'false'] },
      creditRating: { allowed: CREDIT_RATINGS },
      blacklisted: { allowed: ['true', 'false'] },
    },
    sort: 'accountNo',
    sorts: SORTS,
    fetch: (query) => this.api.list(query),
  });
  /** How the total reads: exact, the planner's estimate ("about"), or more than the exact count's limit ("1,000+"). */
  protected readonly totalKey: Record<CustomerTotalKind, string> = {
    exact: 'customers.total',
    estimate: 'customers.totalAbout',
    atLeast: 'customers.totalAtLeast',
  };
  protected readonly exactCountLimit = CUSTOMER_EXACT_COUNT_LIMIT;
  protected readonly industries = signal<Industry[]>([]);
  protected readonly regions = signal<Region[]>([]);
  protected readonly managers = signal<PersonRef[]>([]);
  protected readonly columns = signal<Column[]>(this.savedColumns());
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly canCreate = computed(() => this.auth.hasRole(ROLES_MAINTAINING_CUSTOMERS));
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');
  protected readonly filters = computed((): ListFilter[] => [
    { key: 'stage', placeholder: 'customer.stage', options: CUSTOMER_STAGES, labels: 'stage.', testId: 'filter-stage' },
    { key: 'voltageKv', placeholder: 'customer.voltageKv', options: VOLTAGE_LEVELS_KV.map(String) },
    {
      key: 'industry',
      placeholder: 'customer.industry',
      options: this.industries().map((i) => ({ value: i.code, label: `${i.code} ${this.zh() ? i.nameZh : i.nameEn}` })),
      searchable: true,
    },
    {
      key: 'region',
      placeholder: 'customer.region',
      options: this.regions().map((r) => ({ value: r.nameZh, label: this.zh() ? r.nameZh : r.nameEn })),
    },
    ...(this.isManager() ? [] : [managerFilter('customer.manager', this.managers())]),
  ]);
  private readonly tableColumns: Record<Column, TableColumn<Customer>> = {
    accountNo: { key: 'accountNo', label: 'customers.column.accountNo', sort: 'accountNo' },
    name: {
      key: 'name',
      label: 'customers.column.name',
      kind: 'link',
      link: (c) => ['/customers', c.id],
      sort: 'name',
    },
    voltageKv: {
      key: 'voltageKv',
      label: 'customers.column.voltageKv',
      value: (c) => `${c.voltageKv} kV`,
      sort: 'voltageKv',
    },
    contractCapacityKva: {
      key: 'contractCapacityKva',
      label: 'customers.column.contractCapacityKva',
      kind: 'kva',
      sort: 'contractCapacityKva',
    },
    industry: { key: 'industry', label: 'customers.column.industry', value: (c) => this.industryName(c.industry) },
    region: { key: 'region', label: 'customers.column.region', value: (c) => this.regionName(c.region) },
    stage: { key: 'stage', label: 'customers.column.stage' },
    importance: { key: 'importance', label: 'customers.column.importance', kind: 'enum', labels: 'importance.' },
    manager: { key: 'manager', label: 'customers.column.manager', value: (c) => c.accountManager?.displayName },
    phone: { key: 'phone', label: 'customers.column.phone', value: (c) => c.contacts[0]?.phone },
    updatedAt: { key: 'updatedAt', label: 'customers.column.updatedAt', kind: 'date', sort: 'updatedAt' },
  };
  protected readonly shownColumns = computed(() =>
    LIST_COLUMNS.filter((c) => this.has(c)).map((c) => this.tableColumns[c]),
  );
  protected readonly row: TableRow<Customer> = {
    attrs: (c) => ({ 'data-testid': `customer-row-${c.accountNo}` }),
    link: (c) => ['/customers', c.id],
  };

  ngOnInit(): void {
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

  industryName(code: string): string {
    const industry = this.industries().find((i) => i.code === code);
    return industry ? (this.zh() ? industry.nameZh : industry.nameEn) : code;
  }

  regionName(name: string): string {
    const region = this.regions().find((r) => r.nameZh === name);
    return region && !this.zh() ? region.nameEn : name;
  }

  private async loadReference(): Promise<void> {
    const [industries, regions] = await Promise.all([this.reference.industries(), this.reference.regions()]);
    this.industries.set(industries.filter((i) => /^\d{2}$/.test(i.code)));
    this.regions.set(regions);
    if (!this.isManager()) this.managers.set(await this.reference.managers());
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
