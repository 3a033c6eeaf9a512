import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Customer, CUSTOMER_STAGES, Industry, VOLTAGE_LEVELS_KV } from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList } from '@crm/web/core';
import { FilterBar } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CustomersApi, Manager, Region } from '../customers.api';
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
    FilterBar,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzDropDownModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './customer-list.page.html',
  styles: `
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
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  protected readonly stages = CUSTOMER_STAGES;
  protected readonly voltages = VOLTAGE_LEVELS_KV.map(String);
  protected readonly allColumns = LIST_COLUMNS;
  protected readonly stageColours = STAGE_COLOURS;
  protected readonly list = pagedList({
    filters: { search: {}, stage: {}, voltageKv: {}, industry: {}, region: {}, managerId: {} },
    sort: 'accountNo',
    sorts: Object.values(SORTABLE),
    fetch: (query) => this.api.list(query),
  });
  protected readonly industries = signal<Industry[]>([]);
  protected readonly regions = signal<Region[]>([]);
  protected readonly managers = signal<Manager[]>([]);
  protected readonly columns = signal<Column[]>(this.savedColumns());
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly canCreate = computed(() => this.auth.user()?.role !== 'marketing');
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');

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

  sortField(column: Column): string | undefined {
    return SORTABLE[column];
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
