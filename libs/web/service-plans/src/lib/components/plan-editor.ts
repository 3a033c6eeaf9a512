import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { SaveAction } from '@crm/web/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  messageText,
  PlanService,
  planServicesProblems,
  PlanTemplate,
  Recurrence,
  RECURRENCE_EVERY,
  SERVICE_KINDS,
} from '@crm/shared/domain';
import { Field, FormActions, IconButton, NameDescription } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import {
  newService,
  problemsByField,
  RecurrenceEvery,
  RecurrencePart,
  recurrenceParts,
  recurrenceValue,
  switchRecurrence,
} from '../plan-form';
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
    Field,
    FormActions,
    IconButton,
    NameDescription,
    FormsModule,
    TranslatePipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
  ],
  templateUrl: './plan-editor.html',
  styles: `
    .form {
      max-width: 640px;
    }
    .duration {
      width: 200px;
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
  `,
})
export class PlanEditor {
  /** The template to edit; null for a new one. */
  readonly plan = input<PlanTemplate | null>(null);
  readonly saved = output<PlanTemplate>();
  readonly cancelled = output<void>();
  private readonly api = inject(ServicePlansApi);
  private readonly translate = inject(TranslateService);
  protected readonly kinds = SERVICE_KINDS;
  protected readonly everies = RECURRENCE_EVERY;
  protected readonly maxServices = MAX_SERVICES;
  protected readonly recurrenceParts = recurrenceParts;
  protected readonly recurrenceValue = recurrenceValue;

  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly durationMonths = signal<number | null>(null);
  /** The services as typed: possibly incomplete (an emptied number is null), which `problems` reports. */
  protected readonly services = signal<PlanService[]>([]);
  /** The save; its error, the API's last refusal, describes the template as it was sent, so any change clears it. */
  protected readonly action = new SaveAction();
  /** Each field's first problem: found as typed, or reported by the API. */
  protected readonly problems = computed(() =>
    problemsByField([...planServicesProblems(this.services()), ...(this.action.error()?.details ?? [])]),
  );
  protected readonly canSave = computed(
    () => this.name().trim() !== '' && !this.problems().size && !this.action.saving(),
  );

  constructor() {
    effect(() => {
      const plan = this.plan();
      this.name.set(plan?.name ?? '');
      // A seeded description is shown in the reader's language; saving it makes it this text.
      this.description.set(
        plan ? messageText(this.translate, { message: plan.description, code: plan.descriptionCode }) : '',
      );
      this.durationMonths.set(plan?.durationMonths ?? null);
      this.services.set(
        plan ? plan.services.map((s) => ({ ...s, recurrence: { ...s.recurrence } })) : [newService([])],
      );
      this.action.error.set(null);
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

  protected patchRecurrence(index: number, field: RecurrencePart['field'], value: number | null): void {
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
    const fields = {
      name: this.name().trim(),
      description: this.description().trim(),
      durationMonths: this.durationMonths(),
      services: this.services(),
    };
    const id = this.plan()?.id;
    await this.action.run(async () =>
      this.saved.emit(id ? await this.api.updatePlan(id, fields) : await this.api.createPlan(fields)),
    );
  }

  private setServices(services: PlanService[]): void {
    this.services.set(services);
    this.action.error.set(null);
  }
}
