import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { ShownError, shownError } from '@crm/web/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import {
  PlanService,
  PlanTemplate,
  planServicesProblems,
  Recurrence,
  RECURRENCE_EVERY,
  SERVICE_KINDS,
} from '@crm/shared/domain';
import { ErrorAlert } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { newService, problemsByField, RecurrenceEvery, switchRecurrence } from '../plan-form';
import { ServicePlansApi } from '../service-plans.api';

const MAX_SERVICES = 20;

/**
 * Creates a plan template or edits one: its name, description, duration and its services, each with a key, a
 * kind, when it recurs and how many days ahead it shows. Checked as it is typed (the rules the API applies),
 * and the API's refusal is shown with its details.
 */
@Component({
  selector: 'crm-plan-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorAlert,
    FormsModule,
    TranslatePipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
  ],
  template: `
    <div class="form" data-testid="plan-editor">
      <label class="field">
        <span class="label required">{{ 'servicePlans.name' | translate }}</span>
        <input
          nz-input
          [ngModel]="name()"
          (ngModelChange)="name.set($event); error.set(null)"
          maxlength="100"
          [nzStatus]="problem('name') ? 'error' : ''"
          data-testid="plan-name"
        />
      </label>
      <label class="field">
        <span class="label">{{ 'servicePlans.description' | translate }}</span>
        <textarea
          nz-input
          rows="2"
          maxlength="1000"
          [ngModel]="description()"
          (ngModelChange)="description.set($event); error.set(null)"
          data-testid="plan-description"
        ></textarea>
      </label>
      <div class="field">
        <label class="label" for="durationMonths">{{ 'servicePlans.durationMonths' | translate }}</label>
        <nz-input-number
          id="durationMonths"
          class="duration"
          [ngModel]="durationMonths()"
          (ngModelChange)="durationMonths.set($event); error.set(null)"
          [nzMin]="1"
          [nzMax]="120"
          [nzPrecision]="0"
          [nzPlaceHolder]="'servicePlans.untilUnenrolled' | translate"
          data-testid="plan-duration"
        />
        <span class="hint">{{ 'servicePlans.durationHint' | translate }}</span>
      </div>
    </div>

    <h4>{{ 'servicePlans.services' | translate }}</h4>
    <table class="services" data-testid="plan-services">
      <thead>
        <tr>
          <th>{{ 'servicePlans.serviceKey' | translate }}</th>
          <th>{{ 'servicePlans.kindLabel' | translate }}</th>
          <th>{{ 'servicePlans.recurrenceLabel' | translate }}</th>
          <th>{{ 'servicePlans.leadDays' | translate }}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (s of services(); track $index; let i = $index) {
          @let at = 'services[' + i + ']';
          <tr data-testid="plan-service">
            <td>
              <input
                nz-input
                [ngModel]="s.key"
                (ngModelChange)="patch(i, { key: $event })"
                [nzStatus]="problem(at + '.key') ? 'error' : ''"
                data-testid="service-key"
              />
              <div class="problem">{{ problem(at + '.key') | translate }}</div>
            </td>
            <td>
              <nz-select
                class="kind"
                [ngModel]="s.kind"
                (ngModelChange)="patch(i, { kind: $event })"
                [nzStatus]="problem(at + '.kind') ? 'error' : ''"
                data-testid="service-kind"
              >
                @for (k of kinds; track k) {
                  <nz-option [nzValue]="k" [nzLabel]="'servicePlans.kind.' + k | translate" />
                }
              </nz-select>
              <div class="problem">{{ problem(at + '.kind') | translate }}</div>
            </td>
            <td>
              <div class="recurrence">
                <nz-select
                  class="every"
                  [ngModel]="s.recurrence.every"
                  (ngModelChange)="setEvery(i, $event)"
                  data-testid="service-every"
                >
                  @for (e of everies; track e) {
                    <nz-option [nzValue]="e" [nzLabel]="'servicePlans.every.' + e | translate" />
                  }
                </nz-select>
                @if (s.recurrence.every === 'bill') {
                  <nz-input-number
                    [ngModel]="s.recurrence.daysBefore"
                    (ngModelChange)="patchRecurrence(i, 'daysBefore', $event)"
                    [nzMin]="0"
                    [nzMax]="60"
                    [nzPrecision]="0"
                    [nzStatus]="problem(at + '.recurrence.daysBefore') ? 'error' : ''"
                    data-testid="service-days-before"
                  />
                  <span>{{ 'servicePlans.daysBeforeBill' | translate }}</span>
                } @else {
                  @if (s.recurrence.every === 'year') {
                    <nz-input-number
                      [ngModel]="s.recurrence.month"
                      (ngModelChange)="patchRecurrence(i, 'month', $event)"
                      [nzMin]="1"
                      [nzMax]="12"
                      [nzPrecision]="0"
                      [nzStatus]="problem(at + '.recurrence.month') ? 'error' : ''"
                      data-testid="service-month"
                    />
                    <span>{{ 'servicePlans.monthUnit' | translate }}</span>
                  }
                  <nz-input-number
                    [ngModel]="s.recurrence.day"
                    (ngModelChange)="patchRecurrence(i, 'day', $event)"
                    [nzMin]="1"
                    [nzMax]="28"
                    [nzPrecision]="0"
                    [nzStatus]="problem(at + '.recurrence.day') ? 'error' : ''"
                    data-testid="service-day"
                  />
                  <span>{{ 'servicePlans.dayUnit' | translate }}</span>
                }
              </div>
              <div class="problem">
                {{
                  problem(at + '.recurrence.every') ||
                    problem(at + '.recurrence.month') ||
                    problem(at + '.recurrence.day') ||
                    problem(at + '.recurrence.daysBefore') | translate
                }}
              </div>
            </td>
            <td>
              <nz-input-number
                [ngModel]="s.leadDays"
                (ngModelChange)="patch(i, { leadDays: $event })"
                [nzMin]="0"
                [nzMax]="90"
                [nzPrecision]="0"
                [nzStatus]="problem(at + '.leadDays') ? 'error' : ''"
                data-testid="service-lead-days"
              />
              <div class="problem">{{ problem(at + '.leadDays') | translate }}</div>
            </td>
            <td>
              <button
                nz-button
                nzType="text"
                nzDanger
                (click)="remove(i)"
                [attr.aria-label]="'servicePlans.removeService' | translate"
                data-testid="remove-service"
              >
                <nz-icon nzType="delete" />
              </button>
            </td>
          </tr>
        }
      </tbody>
    </table>
    <div class="problem">{{ problem('services') | translate }}</div>
    <button
      nz-button
      nzType="dashed"
      (click)="add()"
      [disabled]="services().length >= maxServices"
      data-testid="add-service"
    >
      <nz-icon nzType="plus" />{{ 'servicePlans.addService' | translate }}
    </button>

    @if (error(); as err) {
      <crm-error-alert class="error" [error]="err" data-testid="plan-error" />
    }

    <div class="actions">
      <button
        nz-button
        nzType="primary"
        (click)="save()"
        [nzLoading]="saving()"
        [disabled]="!canSave()"
        data-testid="plan-save"
      >
        {{ 'servicePlans.save' | translate }}
      </button>
      <button nz-button (click)="cancelled.emit()">{{ 'servicePlans.cancel' | translate }}</button>
    </div>
  `,
  styles: `
    .form {
      max-width: 640px;
    }
    .field {
      display: block;
      margin-bottom: 12px;
    }
    .label {
      display: block;
      margin-bottom: 4px;
    }
    .required::before {
      content: '* ';
      color: #ff4d4f;
    }
    .duration {
      width: 200px;
    }
    .hint {
      margin-left: 12px;
      color: rgba(0, 0, 0, 0.45);
    }
    .services {
      width: 100%;
      margin-bottom: 8px;
    }
    .services th {
      text-align: left;
      font-weight: 500;
      padding: 4px;
    }
    .services td {
      vertical-align: top;
      padding: 4px;
    }
    .kind {
      width: 160px;
    }
    .every {
      width: 110px;
    }
    .recurrence {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .problem {
      color: #ff4d4f;
      font-size: 12px;
    }
    .error {
      margin-top: 16px;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 16px;
    }
  `,
})
export class PlanEditor {
  /** The template to edit; null for a new one. */
  readonly plan = input<PlanTemplate | null>(null);
  readonly saved = output<PlanTemplate>();
  readonly cancelled = output<void>();
  private readonly api = inject(ServicePlansApi);
  protected readonly kinds = SERVICE_KINDS;
  protected readonly everies = RECURRENCE_EVERY;
  protected readonly maxServices = MAX_SERVICES;

  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly durationMonths = signal<number | null>(null);
  /** The services as typed: possibly incomplete (an emptied number is null), which `problems` reports. */
  protected readonly services = signal<PlanService[]>([]);
  protected readonly saving = signal(false);
  /** The API's last refusal; it describes the template as it was sent, so any change clears it. */
  protected readonly error = signal<ShownError | null>(null);
  /** Each field's first problem: found as typed, or reported by the API. */
  protected readonly problems = computed(() =>
    problemsByField([...planServicesProblems(this.services()), ...(this.error()?.details ?? [])]),
  );
  protected readonly canSave = computed(() => this.name().trim() !== '' && !this.problems().size && !this.saving());

  constructor() {
    effect(() => {
      const plan = this.plan();
      this.name.set(plan?.name ?? '');
      this.description.set(plan?.description ?? '');
      this.durationMonths.set(plan?.durationMonths ?? null);
      this.services.set(
        plan ? plan.services.map((s) => ({ ...s, recurrence: { ...s.recurrence } })) : [newService([])],
      );
      this.error.set(null);
    });
  }

  /**
   * The problem of a field in words; its translation goes by the field's last part (`…recurrence.day` → day).
   * Empty when the field has none.
   */
  protected problem(field: string): string {
    return this.problems().has(field) ? `servicePlans.problem.${field.slice(field.lastIndexOf('.') + 1)}` : '';
  }

  protected patch(index: number, change: Partial<PlanService>): void {
    this.setServices(this.services().map((s, i) => (i === index ? { ...s, ...change } : s)));
  }

  protected setEvery(index: number, every: RecurrenceEvery): void {
    const service = this.services()[index];
    this.patch(index, { recurrence: switchRecurrence(service.recurrence, every) });
  }

  protected patchRecurrence(index: number, field: 'day' | 'month' | 'daysBefore', value: number | null): void {
    const service = this.services()[index];
    this.patch(index, { recurrence: { ...service.recurrence, [field]: value } as Recurrence });
  }

  protected add(): void {
    this.setServices([...this.services(), newService(this.services())]);
  }

  protected remove(index: number): void {
    this.setServices(this.services().filter((_, i) => i !== index));
  }

  protected async save(): Promise<void> {
    if (!this.canSave()) return;
    this.saving.set(true);
    this.error.set(null);
    const fields = {
      name: this.name().trim(),
      description: this.description().trim(),
      durationMonths: this.durationMonths(),
      services: this.services(),
    };
    const id = this.plan()?.id;
    try {
      this.saved.emit(id ? await this.api.updatePlan(id, fields) : await this.api.createPlan(fields));
    } catch (e) {
      this.error.set(shownError(e));
    } finally {
      this.saving.set(false);
    }
  }

  private setServices(services: PlanService[]): void {
    this.services.set(services);
    this.error.set(null);
  }
}
