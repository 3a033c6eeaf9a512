import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { AbstractControl, FormArray, FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  ApiError,
  Customer,
  IMPORTANCE_CLASSES,
  Industry,
  NewCustomer,
  PersonRef,
  REPAIR_AREAS,
  RepairArea,
  STAGES_WITHOUT_CAPACITY,
  TARIFF_CATEGORIES,
  VOLTAGE_LEVELS_KV,
} from '@crm/shared/domain';
import { LanguageService, ReferenceApi, Region } from '@crm/web/core';
import { FieldKind, FieldOption, FormField, translatedOptions } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { applyServerErrors, creditCodeValidator, errorMessage, phoneValidator } from './form-rules';

export type CustomerFormValue = Omit<NewCustomer, 'accountNo'> & { accountNo?: string };

/** One field of the form's grid: its control, label key, column span and how it is edited. */
interface CustomerField {
  name: Exclude<keyof CustomerForm['form']['controls'], 'contacts'>;
  label: string;
  span: number;
  kind?: FieldKind;
  required?: boolean;
  options?: FieldOption[];
  search?: boolean;
  extra?: string;
  testId?: string;
}

/**
 * The customer form, for creating (`customer` unset) and editing. Validators reuse the API's rules;
 * the server's `details` land on the matching fields. `save` is called with the form value and must
 * return the saved customer or throw the HTTP error.
 */
@Component({
  selector: 'crm-customer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    FormField,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
  ],
  templateUrl: './customer-form.html',
  styles: `
    .contact {
      display: grid;
      grid-template-columns: 1fr 1.2fr 1.4fr 1fr auto;
      gap: 8px;
      align-items: start;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
    .alert {
      margin-bottom: 16px;
    }
  `,
})
export class CustomerForm implements OnInit {
  readonly customer = input<Customer | null>(null);
  /** Admins and leaders choose the account manager of a new customer. */
  readonly chooseManager = input(false);
  readonly save = input.required<(value: CustomerFormValue) => Promise<Customer>>();
  readonly saved = output<Customer>();
  readonly cancelled = output<void>();
  private readonly reference = inject(ReferenceApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly tariffOptions = translatedOptions(TARIFF_CATEGORIES, 'tariff.');
  private readonly importanceOptions = translatedOptions(IMPORTANCE_CLASSES, 'importance.');
  private readonly areaOptions = translatedOptions(REPAIR_AREAS, 'repairArea.');
  protected readonly contactFields = ['name', 'phone', 'email', 'role'] as const;
  protected readonly industries = signal<Industry[]>([]);
  protected readonly regions = signal<Region[]>([]);
  protected readonly managers = signal<PersonRef[]>([]);
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');
  /** A new customer is applying, so its capacity may be left empty; a connected one must keep one. */
  protected readonly capacityRequired = computed(() => {
    const customer = this.customer();
    return !!customer && !STAGES_WITHOUT_CAPACITY.includes(customer.stage);
  });
  /** The grid's fields in order; the account number and the manager only when creating. */
  protected readonly fields = computed(() => {
    const zh = this.zh();
    const capacityRequired = this.capacityRequired();
    const fields: CustomerField[] = [
      { name: 'accountNo', label: 'customer.accountNo', span: 8, required: true, testId: 'field-accountNo' },
      {
        name: 'managerId',
        label: 'customer.manager',
        span: 8,
        kind: 'select',
        required: true,
        search: true,
        testId: 'field-managerId',
        options: this.managers().map((m) => ({ value: m.id, label: m.displayName })),
      },
      { name: 'name', label: 'customer.name', span: 16, required: true, testId: 'field-name' },
      { name: 'creditCode', label: 'customer.creditCode', span: 8, required: true, testId: 'field-creditCode' },
      {
        name: 'industry',
        label: 'customer.industry',
        span: 8,
        kind: 'select',
        required: true,
        search: true,
        testId: 'field-industry',
        options: this.industries().map((i) => ({ value: i.code, label: `${i.code} ${zh ? i.nameZh : i.nameEn}` })),
      },
      {
        name: 'voltageKv',
        label: 'customer.voltageKv',
        span: 4,
        kind: 'select',
        required: true,
        testId: 'field-voltageKv',
        options: VOLTAGE_LEVELS_KV.map((v) => ({ value: v, label: `${v} kV` })),
      },
      {
        name: 'contractCapacityKva',
        label: 'customer.capacity',
        span: 4,
        kind: 'number',
        required: capacityRequired,
        extra: capacityRequired ? undefined : 'customer.capacityHint',
        testId: 'field-capacity',
      },
      {
        name: 'tariffCategory',
        label: 'customer.tariffCategory',
        span: 8,
        kind: 'select',
        required: true,
        options: this.tariffOptions(),
      },
      {
        name: 'region',
        label: 'customer.region',
        span: 8,
        kind: 'select',
        required: true,
        search: true,
        testId: 'field-region',
        options: this.regions().map((r) => ({ value: r.nameZh, label: zh ? r.nameZh : r.nameEn })),
      },
      {
        name: 'importance',
        label: 'customer.importance',
        span: 8,
        kind: 'select',
        options: this.importanceOptions(),
      },
      {
        name: 'area',
        label: 'customer.area',
        span: 8,
        kind: 'select',
        required: true,
        testId: 'field-area',
        options: this.areaOptions(),
      },
      { name: 'address', label: 'customer.address', span: 16, required: true, testId: 'field-address' },
      { name: 'tags', label: 'customer.tags', span: 8, kind: 'tags' },
    ];
    const creating = !this.customer();
    return fields.filter(
      (f) => (f.name !== 'accountNo' || creating) && (f.name !== 'managerId' || (creating && this.chooseManager())),
    );
  });
  protected readonly form = this.fb.group({
    accountNo: ['', [Validators.required, Validators.pattern(/^\d{6,20}$/)]],
    managerId: [''],
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(100)]],
    creditCode: ['', [Validators.required, creditCodeValidator]],
    industry: ['', Validators.required],
    voltageKv: [10, Validators.required],
    // Empty until the customer is energised; required from then on (see ngOnInit).
    contractCapacityKva: this.fb.control<number | null>(null, Validators.min(1)),
    tariffCategory: ['large_industry', Validators.required],
    region: ['', [Validators.required, Validators.maxLength(50)]],
    address: ['', [Validators.required, Validators.maxLength(200)]],
    importance: ['none'],
    area: ['urban', Validators.required],
    tags: [[] as string[]],
    contacts: this.fb.array<FormGroup>([]),
  });

  get contacts(): FormArray<FormGroup> {
    return this.form.controls.contacts;
  }

  async ngOnInit(): Promise<void> {
    const customer = this.customer();
    if (customer) {
      this.form.controls.accountNo.disable();
      this.form.patchValue({ ...customer, managerId: '' });
      if (this.capacityRequired()) this.form.controls.contractCapacityKva.addValidators(Validators.required);
      customer.contacts.forEach((c) => this.addContact(c));
    } else {
      this.addContact();
      if (this.chooseManager()) this.form.controls.managerId.addValidators(Validators.required);
    }
    const [industries, regions] = await Promise.all([this.reference.industries(), this.reference.regions()]);
    this.industries.set(industries.filter((i) => /^\d{2}$/.test(i.code)));
    this.regions.set(regions);
    if (this.chooseManager() && !customer) this.managers.set(await this.reference.managers());
  }

  addContact(contact?: { name: string; phone: string; email?: string | null; role: string }): void {
    this.contacts.push(
      this.fb.group({
        name: [contact?.name ?? '', [Validators.required, Validators.maxLength(50)]],
        phone: [contact?.phone ?? '', [Validators.required, phoneValidator]],
        email: [contact?.email ?? '', [Validators.email, Validators.maxLength(100)]],
        role: [contact?.role ?? '', [Validators.required, Validators.maxLength(30)]],
      }),
    );
  }

  error(control: AbstractControl | null): string {
    return errorMessage(control, (key, params) => this.translate.instant(key, params));
  }

  async submit(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.markAll(this.form);
      return;
    }
    const raw = this.form.getRawValue();
    const value: CustomerFormValue = {
      ...raw,
      accountNo: this.customer() ? undefined : raw.accountNo,
      managerId: this.chooseManager() && !this.customer() ? raw.managerId : undefined,
      voltageKv: raw.voltageKv as NewCustomer['voltageKv'],
      tariffCategory: raw.tariffCategory as NewCustomer['tariffCategory'],
      importance: raw.importance as NewCustomer['importance'],
      area: raw.area as RepairArea,
      contacts: raw.contacts.map((c) => ({
        name: c['name'],
        phone: c['phone'],
        email: c['email'] || null,
        role: c['role'],
      })),
    };
    this.busy.set(true);
    try {
      this.saved.emit(await this.save()(value));
    } catch (e) {
      const body = e instanceof HttpErrorResponse ? (e.error as Partial<ApiError>) : null;
      const unmatched = body?.details ? applyServerErrors(this.form, body.details) : [];
      if (!body?.details || unmatched.length) {
        this.formError.set(
          unmatched.map((d) => d.message).join('; ') || body?.message || this.translate.instant('errors.unknown'),
        );
      }
      if (e instanceof HttpErrorResponse && e.status === 409) this.formError.set(body?.message ?? null);
    } finally {
      this.busy.set(false);
    }
  }

  private markAll(control: AbstractControl): void {
    control.markAsTouched();
    control.markAsDirty();
    control.updateValueAndValidity({ emitEvent: false });
    if (control instanceof FormGroup || control instanceof FormArray)
      Object.values(control.controls).forEach((c) => this.markAll(c));
  }
}
