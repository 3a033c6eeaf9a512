import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  APPLICATION_TYPES,
  ApplicationListItem,
  ApplicationType,
  ROLES_WORKING_APPLICATIONS,
} from '@crm/shared/domain';
import { AuthStore, CustomerContext, LanguageService, SaveAction } from '@crm/web/core';
import { DIALOG_FORM, TABLE } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { applicationColumns } from '../application-columns';
import { ApplicationSla } from './application-sla';
import { LifecycleApi } from '../lifecycle.api';

/** A customer's applications, with the button that starts a new one; for the customer page. */
@Component({
  selector: 'crm-customer-applications',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DIALOG_FORM,
    TABLE,
    RouterLink,
    TranslatePipe,
    ApplicationSla,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzInputNumberModule,
    NzSelectModule,
  ],
  templateUrl: './customer-applications.html',
  styles: `
    nz-select {
      width: 100%;
    }
  `,
})
export class CustomerApplications {
  readonly customerId = input.required<string>();
  /** The customer page's customer: its stage hides the button on closed customers; a start may change it. */
  private readonly context = inject(CustomerContext);
  private readonly stage = computed(() => this.context.customer()?.stage);
  private readonly api = inject(LifecycleApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  protected readonly types = APPLICATION_TYPES;
  protected readonly items = signal<ApplicationListItem[]>([]);
  protected readonly creating = signal(false);
  protected readonly action = new SaveAction();
  private readonly column = applicationColumns(() => this.language.current() === 'zh-CN');
  protected readonly columns = [
    this.column.type,
    this.column.status,
    this.column.currentStep,
    this.column.dueDate,
    this.column.sla,
    this.column.receivedAt,
  ];
  protected readonly canStart = computed(
    () => this.auth.hasRole(ROLES_WORKING_APPLICATIONS) && this.stage() !== 'closed',
  );
  protected type: ApplicationType | null = null;
  protected requestedCapacityKva: number | null = null;
  protected dualSupply = false;
  protected newOwnerName = '';
  protected receivedAt: Date | null = null;
  protected readonly noFuture = (d: Date) => d.getTime() > Date.now();

  constructor() {
    effect(() => void this.load(this.customerId()));
  }

  async load(customerId: string): Promise<void> {
    this.items.set((await this.api.list({ customerId, page: 1, pageSize: 100 })).items);
  }

  startNew(): void {
    this.type = null;
    this.requestedCapacityKva = null;
    this.dualSupply = false;
    this.newOwnerName = '';
    this.receivedAt = null;
    this.action.error.set(null);
    this.creating.set(true);
  }

  async create(): Promise<void> {
    const type = this.type;
    if (!type) return;
    await this.action.run(async () => {
      await this.api.create(this.customerId(), {
        type,
        requestedCapacityKva: this.requestedCapacityKva ?? undefined,
        dualSupply: this.dualSupply || undefined,
        newOwnerName: this.newOwnerName || undefined,
        receivedAt: this.receivedAt?.toISOString(),
      });
      this.creating.set(false);
      await this.load(this.customerId());
      this.context.changed();
    });
  }
}
