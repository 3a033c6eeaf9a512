import { NgComponentOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal, Type } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  Contact,
  Customer,
  Industry,
  PersonRef,
  ROLES_MAINTAINING_CUSTOMERS,
  ROLES_THAT_HAND_OVER,
} from '@crm/shared/domain';
import {
  AuthStore,
  CUSTOMER_TABS,
  CustomerContext,
  CustomerTab,
  LanguageService,
  Loader,
  ReferenceApi,
  SaveAction,
} from '@crm/web/core';
import { DataTable, Handover, HandoverDialog, RECORD_PAGE, TableColumn } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CustomerForm, CustomerFormValue } from '../components/customer-form';
import { CustomersApi } from '../customers.api';
import { STAGE_COLOURS } from '../stage-colours';

/**
 * One customer in tabs: the overview (profile, contacts, owner; edit and hand over) and whatever tabs the feature
 * libraries provide (applications, plans, usage, scores, history…), each loaded when first opened; `?tab=` keeps it.
 */
@Component({
  selector: 'crm-customer-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RECORD_PAGE,
    NgComponentOutlet,
    CustomerForm,
    DataTable,
    HandoverDialog,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzTagModule,
    NzTabsModule,
  ],
  providers: [CustomerContext],
  templateUrl: './customer-detail.page.html',
  styles: `
    .heading {
      margin: 0;
      font-size: 18px;
    }
    .heading .crm-muted {
      font-size: 14px;
      font-weight: normal;
    }
  `,
})
export class CustomerDetailPage implements OnInit {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(CustomersApi);
  private readonly reference = inject(ReferenceApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly context = inject(CustomerContext);
  protected readonly customer = this.context.customer;
  protected readonly contactColumns: TableColumn<Contact>[] = [
    { key: 'name', label: 'contact.name' },
    { key: 'role', label: 'contact.role' },
    { key: 'phone', label: 'contact.phone' },
    { key: 'email', label: 'contact.email' },
  ];
  protected readonly tabs = [...(inject(CUSTOMER_TABS, { optional: true }) ?? [])].sort((a, b) => a.order - b.order);
  private readonly tabParam = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  /** The open tab's index: 0 is the overview, then `tabs` in order. */
  protected readonly tabIndex = computed(() => this.tabs.findIndex((t) => t.key === this.tabParam().get('tab')) + 1);
  /** The components of the tabs opened so far. */
  protected readonly components = signal<Record<string, Type<unknown>>>({});
  protected readonly industries = signal<Industry[]>([]);
  /** The customer's load: not found, why it failed, and its retry. */
  protected readonly loader = new Loader({ record: true });
  protected readonly editing = signal(false);
  protected readonly conflict = signal(false);
  protected readonly handingOver = signal(false);
  protected readonly managers = signal<PersonRef[]>([]);
  protected readonly handover = new SaveAction();
  protected readonly stageColours = STAGE_COLOURS;
  protected readonly canEdit = computed(
    () => this.auth.hasRole(ROLES_MAINTAINING_CUSTOMERS) && this.customer()?.stage !== 'closed',
  );
  protected readonly canHandOver = computed(
    () => this.auth.hasRole(ROLES_THAT_HAND_OVER) && this.customer()?.stage !== 'closed',
  );
  protected readonly industryName = computed(() => {
    const industry = this.industries().find((i) => i.code === this.customer()?.industry);
    return industry
      ? `${industry.code} ${this.language.current() === 'zh-CN' ? industry.nameZh : industry.nameEn}`
      : this.customer()?.industry;
  });
  protected readonly save = (value: CustomerFormValue): Promise<Customer> => this.saveChanges(value);

  ngOnInit(): void {
    const open = this.tabs[this.tabIndex() - 1];
    if (open) void this.loadTab(open);
    this.context.reloadWith(() => void this.load());
    void this.load();
    void this.reference.industries().then((i) => this.industries.set(i));
  }

  /** Opens a tab: into the URL (so a reload stays on it), and loads its component the first time. */
  selectTab(index: number): void {
    const tab = this.tabs[index - 1];
    if (index !== this.tabIndex())
      void this.router.navigate([], {
        queryParams: { tab: tab ? tab.key : null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    if (tab) void this.loadTab(tab);
  }

  load(): Promise<void> {
    return this.loader.run(
      () => this.api.get(this.id()),
      (customer) => {
        this.customer.set(customer);
        this.conflict.set(false);
      },
    );
  }

  onSaved(customer: Customer): void {
    this.customer.set(customer);
    this.editing.set(false);
  }

  async startHandover(): Promise<void> {
    this.handover.error.set(null);
    const current = this.customer()?.accountManager?.id;
    this.managers.set((await this.reference.managers()).filter((m) => m.id !== current));
    this.handingOver.set(true);
  }

  async handOver(handover: Handover): Promise<void> {
    await this.handover.run(async () => {
      this.customer.set(await this.api.handover(this.id(), { ...handover, version: this.customer()?.version }));
      this.handingOver.set(false);
    });
  }

  private async loadTab(tab: CustomerTab): Promise<void> {
    if (this.components()[tab.key]) return;
    const component = await tab.loadComponent();
    this.components.update((loaded) => ({ ...loaded, [tab.key]: component }));
  }

  private async saveChanges(value: CustomerFormValue): Promise<Customer> {
    const current = this.customer() as Customer;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- neither can change through an edit
    const { accountNo, managerId, ...fields } = value;
    try {
      return await this.api.update(current.id, { ...fields, version: current.version });
    } catch (e) {
      if (e instanceof HttpErrorResponse && e.status === 409) this.conflict.set(true);
      throw e;
    }
  }
}
