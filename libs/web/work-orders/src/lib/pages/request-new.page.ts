import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { WorkOrderChannel, WorkOrderTopic, WorkOrderType } from '@crm/shared/domain';
import { ShownError, shownError } from '@crm/web/core';
import { ErrorAlert } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { topicsFor } from '../order-rules';
import { WorkOrderNames } from '../work-order-names';
import { WorkOrdersApi } from '../work-orders.api';

type CustomerOption = { id: string; name: string; accountNo: string };

/** Records a request: the customer found by name or account number, channel, type, topic, summary and contact. */
@Component({
  selector: 'crm-request-new-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    ErrorAlert,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzFormModule,
    NzGridModule,
    NzInputModule,
    NzSelectModule,
  ],
  templateUrl: './request-new.page.html',
  styles: `
    nz-select,
    nz-date-picker {
      width: 100%;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .error {
      margin-bottom: 16px;
    }
  `,
})
export class RequestNewPage implements OnInit {
  /** Query parameter: the customer to record the request for (from the customer page). */
  readonly customerId = input<string>();
  private readonly api = inject(WorkOrdersApi);
  private readonly router = inject(Router);
  protected readonly names = inject(WorkOrderNames);
  protected readonly customers = signal<CustomerOption[]>([]);
  protected readonly searching = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<ShownError | null>(null);
  protected readonly customer = signal<string | null>(null);
  protected readonly type = signal<WorkOrderType | null>(null);
  protected readonly topics = computed(() => topicsFor(this.type(), this.names.reference()));
  protected channel: WorkOrderChannel | null = 'hotline_95598';
  protected topic: WorkOrderTopic | null = null;
  protected summary = '';
  protected receivedAt: Date | null = new Date();
  protected externalRef = '';
  protected contactName = '';
  protected contactPhone = '';
  protected readonly noFuture = (d: Date) => d.getTime() > Date.now();

  async ngOnInit(): Promise<void> {
    const id = this.customerId();
    if (id) {
      const customer = await this.api.customer(id);
      this.customers.set([customer]);
      this.customer.set(customer.id);
    }
  }

  /** The message the API gave for a field, shown under it. */
  protected fieldError(field: string): string | null {
    return this.error()?.details.find((d) => d.field === field)?.message ?? null;
  }

  protected async search(text: string): Promise<void> {
    const search = text.trim();
    if (search.length < 2) return;
    this.searching.set(true);
    try {
      this.customers.set(await this.api.customers(search));
    } finally {
      this.searching.set(false);
    }
  }

  protected chooseType(type: WorkOrderType | null): void {
    this.type.set(type);
    if (!topicsFor(type, this.names.reference()).some((t) => t.code === this.topic)) this.topic = null;
  }

  protected async submit(): Promise<void> {
    const customerId = this.customer();
    if (!customerId) {
      this.error.set({ message: '', details: [{ field: 'customer', message: 'requests.customerRequired' }] });
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const order = await this.api.create(customerId, {
        channel: this.channel as WorkOrderChannel,
        type: this.type() as WorkOrderType,
        topic: this.topic,
        summary: this.summary,
        receivedAt: this.receivedAt?.toISOString(),
        externalRef: this.externalRef.trim() || null,
        contactName: this.contactName.trim() || null,
        contactPhone: this.contactPhone.trim() || null,
      });
      await this.router.navigate(['/requests', order.id]);
    } catch (e) {
      this.error.set(shownError(e));
      if (!(e instanceof HttpErrorResponse)) throw e;
    } finally {
      this.busy.set(false);
    }
  }
}
