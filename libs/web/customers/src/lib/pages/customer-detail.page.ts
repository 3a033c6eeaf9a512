import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ApiError, Customer, Industry, ROLES_THAT_HAND_OVER, TimelineEntry } from '@crm/shared/domain';
import { CustomerHistory } from '@crm/web/change-history';
import { AuthStore, LanguageService } from '@crm/web/core';
import { CustomerApplications } from '@crm/web/lifecycle';
import { CustomerBehaviour } from '@crm/web/operational-data';
import { CustomerScoresCard } from '@crm/web/scoring';
import { CustomerPlansCard } from '@crm/web/service-plans';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { CustomerForm, CustomerFormValue } from '../components/customer-form';
import { timelineLines } from '../components/timeline-text';
import { CustomersApi, Manager } from '../customers.api';
import { STAGE_COLOURS } from '../stage-colours';

/** One customer: profile, contacts, owner, scores, service plans, applications, timeline and change history; edit and hand over. */
@Component({
  selector: 'crm-customer-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    CustomerForm,
    CustomerApplications,
    CustomerBehaviour,
    CustomerScoresCard,
    CustomerPlansCard,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTabsModule,
    NzTimelineModule,
    CustomerHistory,
  ],
  templateUrl: './customer-detail.page.html',
  styles: `
    .block {
      margin-bottom: 16px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .field {
      margin-bottom: 12px;
    }
    .field label {
      display: block;
      margin-bottom: 4px;
    }
    nz-select {
      width: 100%;
    }
  `,
})
export class CustomerDetailPage implements OnInit {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(CustomersApi);
  private readonly auth = inject(AuthStore);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly customer = signal<Customer | null>(null);
  protected readonly timeline = signal<TimelineEntry[]>([]);
  protected readonly industries = signal<Industry[]>([]);
  protected readonly notFound = signal(false);
  protected readonly editing = signal(false);
  protected readonly conflict = signal(false);
  protected readonly handingOver = signal(false);
  protected readonly managers = signal<Manager[]>([]);
  protected readonly handoverError = signal<string | null>(null);
  protected readonly stageColours = STAGE_COLOURS;
  protected toManagerId: string | null = null;
  protected reason = '';
  protected readonly canEdit = computed(() => {
    const role = this.auth.user()?.role;
    return !!role && role !== 'marketing' && this.customer()?.stage !== 'closed';
  });
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
    void this.load();
    void this.api.industries().then((i) => this.industries.set(i));
  }

  async load(): Promise<void> {
    try {
      this.customer.set(await this.api.get(this.id()));
      this.conflict.set(false);
      this.timeline.set(await this.api.timeline(this.id()));
    } catch (e) {
      if (e instanceof HttpErrorResponse && (e.status === 404 || e.status === 400)) this.notFound.set(true);
      else throw e;
    }
  }

  lines(entry: TimelineEntry): string[] {
    return timelineLines(entry, (key, params) => this.translate.instant(key, params));
  }

  async onSaved(customer: Customer): Promise<void> {
    this.customer.set(customer);
    this.editing.set(false);
    this.timeline.set(await this.api.timeline(this.id()));
  }

  async startHandover(): Promise<void> {
    this.toManagerId = null;
    this.reason = '';
    this.handoverError.set(null);
    const current = this.customer()?.accountManager?.id;
    this.managers.set((await this.api.managers()).filter((m) => m.id !== current));
    this.handingOver.set(true);
  }

  async handOver(): Promise<void> {
    if (!this.toManagerId) return;
    try {
      this.customer.set(
        await this.api.handover(this.id(), {
          toManagerId: this.toManagerId,
          reason: this.reason,
          version: this.customer()?.version,
        }),
      );
      this.handingOver.set(false);
      this.timeline.set(await this.api.timeline(this.id()));
    } catch (e) {
      this.handoverError.set(
        (e instanceof HttpErrorResponse ? (e.error as Partial<ApiError>)?.message : null) ?? String(e),
      );
    }
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
