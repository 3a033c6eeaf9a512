import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { WorkOrderChannel, WorkOrderTopic, WorkOrderType } from '@crm/shared/domain';
import { ShownError, shownError } from '@crm/web/core';
import { FormActions, FormField, FormItem } from '@crm/web/ui';
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
    ReactiveFormsModule,
    TranslatePipe,
    FormActions,
    FormField,
    FormItem,
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
  `,
})
export class RequestNewPage implements OnInit {
  /** Query parameter: the customer to record the request for (from the customer page). */
  readonly customerId = input<string>();
  private readonly api = inject(WorkOrdersApi);
  private readonly router = inject(Router);
  private readonly fb = inject(FormBuilder);
  protected readonly names = inject(WorkOrderNames);
  protected readonly customers = signal<CustomerOption[]>([]);
  protected readonly searching = signal(false);
  protected readonly busy = signal(false);
  /** The save's error when the API names no field of the form. */
  protected readonly error = signal<ShownError | null>(null);
  protected readonly form = this.fb.group({
    customer: this.fb.control<string | null>(null, Validators.required),
    receivedAt: this.fb.control<Date | null>(new Date()),
    channel: this.fb.control<WorkOrderChannel | null>('hotline_95598'),
    type: this.fb.control<WorkOrderType | null>(null),
    topic: this.fb.control<WorkOrderTopic | null>(null),
    summary: this.fb.nonNullable.control(''),
    externalRef: this.fb.nonNullable.control(''),
    contactName: this.fb.nonNullable.control(''),
    contactPhone: this.fb.nonNullable.control(''),
  });
  /** The plain text fields at the end of the form. */
  protected readonly textFields = [
    { name: 'externalRef', label: 'requests.externalRef', testId: 'request-external' },
    { name: 'contactName', label: 'requests.contactName', testId: 'request-contact-name' },
    { name: 'contactPhone', label: 'requests.contactPhone', testId: 'request-contact-phone' },
  ] as const;
  protected readonly channels = computed(() => this.names.options('channels'));
  protected readonly types = computed(() => this.names.options('types'));
  protected readonly type = toSignal(this.form.controls.type.valueChanges, { initialValue: null });
  protected readonly topics = computed(() => topicsFor(this.type(), this.names.reference()));
  protected readonly noFuture = (d: Date) => d.getTime() > Date.now();

  constructor() {
    this.form.controls.type.valueChanges.subscribe((type) => {
      const topic = this.form.controls.topic;
      if (!topicsFor(type, this.names.reference()).some((t) => t.code === topic.value)) topic.setValue(null);
    });
  }

  async ngOnInit(): Promise<void> {
    const id = this.customerId();
    if (id) {
      const customer = await this.api.customer(id);
      this.customers.set([customer]);
      this.form.controls.customer.setValue(customer.id);
    }
  }

  /** The API's message for a field, shown under it. */
  protected fieldError(field: keyof typeof this.form.controls): string {
    return this.form.controls[field].errors?.['server'] ?? '';
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

  protected async submit(): Promise<void> {
    const { customer, ...value } = this.form.getRawValue();
    if (!customer) {
      this.form.controls.customer.markAsTouched();
      this.form.controls.customer.updateValueAndValidity();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const order = await this.api.create(customer, {
        channel: value.channel as WorkOrderChannel,
        type: value.type as WorkOrderType,
        topic: value.topic,
        summary: value.summary,
        receivedAt: value.receivedAt?.toISOString(),
        externalRef: value.externalRef.trim() || null,
        contactName: value.contactName.trim() || null,
        contactPhone: value.contactPhone.trim() || null,
      });
      await this.router.navigate(['/requests', order.id]);
    } catch (e) {
      this.showError(shownError(e));
      if (!(e instanceof HttpErrorResponse)) throw e;
    } finally {
      this.busy.set(false);
    }
  }

  protected cancel(): void {
    void this.router.navigate(['/requests']);
  }

  /** Puts each of the API's field messages under its field; the rest go above the buttons. */
  private showError(error: ShownError): void {
    const unmatched = error.details.filter(({ field, message }) => {
      const control = this.form.get(field);
      control?.markAsTouched();
      control?.setErrors({ server: message });
      return !control;
    });
    if (!error.details.length || unmatched.length) this.error.set({ message: error.message, details: unmatched });
  }
}
