import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { WorkOrderChannel, WorkOrderTopic, WorkOrderType } from '@crm/shared/domain';
import { SaveAction } from '@crm/web/core';
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

/**
 * One field of the form: its control, the i18n keys of its label and hint, its width and test id; a field with
 * `options` is a choice among them (`placeholder` the i18n key of its prompt), one without them a text box. An `own`
 * field has an input of its own in the page's template (the customer search, a date picker, the topic, a text area).
 */
interface RequestField {
  name: keyof RequestNewPage['form']['controls'];
  label: string;
  span: number;
  required?: boolean;
  extra?: string;
  options?: { value: string; label: string }[];
  placeholder?: string;
  own?: boolean;
  testId: string;
}

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
  private readonly translate = inject(TranslateService);
  protected readonly names = inject(WorkOrderNames);
  protected readonly customers = signal<CustomerOption[]>([]);
  protected readonly searching = signal(false);
  /** The save; its error shows what the API says of no field of the form. */
  protected readonly action = new SaveAction();
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
  protected readonly type = toSignal(this.form.controls.type.valueChanges, { initialValue: null });
  protected readonly topics = computed(() => topicsFor(this.type(), this.names.reference()));
  /** The form's fields in order, each a column `span` of 24 wide on a wide screen; the topic only for types with topics. */
  protected readonly fields = computed((): RequestField[] => [
    {
      name: 'customer',
      label: 'requests.customer',
      span: 12,
      required: true,
      extra: 'requests.customerHint',
      own: true,
      testId: 'request-customer',
    },
    { name: 'receivedAt', label: 'requests.receivedAt', span: 12, own: true, testId: 'request-received' },
    {
      name: 'channel',
      label: 'requests.channel',
      span: 8,
      required: true,
      options: this.names.options('channels'),
      testId: 'request-channel',
    },
    {
      name: 'type',
      label: 'requests.type',
      span: 8,
      required: true,
      options: this.names.options('types'),
      placeholder: 'requests.chooseType',
      testId: 'request-type',
    },
    ...(this.topics().length
      ? [
          {
            name: 'topic',
            label: 'requests.topic',
            span: 8,
            required: this.type() === 'complaint',
            own: true,
            testId: 'request-topic',
          } as const,
        ]
      : []),
    { name: 'summary', label: 'requests.summary', span: 24, required: true, own: true, testId: 'request-summary' },
    { name: 'externalRef', label: 'requests.externalRef', span: 8, testId: 'request-external' },
    { name: 'contactName', label: 'requests.contactName', span: 8, testId: 'request-contact-name' },
    { name: 'contactPhone', label: 'requests.contactPhone', span: 8, testId: 'request-contact-phone' },
  ]);
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

  /** The message under a field: the API's for it, or that the customer is missing. */
  protected fieldError(field: RequestField['name']): string {
    const errors = this.form.controls[field].errors;
    return errors?.['server'] ?? (errors?.['required'] ? this.translate.instant('requests.customerRequired') : '');
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
    await this.action.run(
      async () => {
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
      },
      (e) => {
        this.showFieldErrors();
        if (!(e instanceof HttpErrorResponse)) throw e;
      },
    );
  }

  protected cancel(): void {
    void this.router.navigate(['/requests']);
  }

  /** Puts each of the API's field messages under its field; the rest stay above the buttons. */
  private showFieldErrors(): void {
    const error = this.action.error();
    if (!error?.details.length) return;
    const unmatched = error.details.filter(({ field, message }) => {
      const control = this.form.get(field);
      control?.markAsTouched();
      control?.setErrors({ server: message });
      return !control;
    });
    this.action.error.set(unmatched.length ? { message: error.message, details: unmatched } : null);
  }
}
