import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  Signal,
  TemplateRef,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NgModel, ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';

/** What a form field edits with: a text box, a password box, a number, a choice of `options`, or free tags. */
export type FieldKind = 'text' | 'password' | 'number' | 'select' | 'tags';

/** One choice of a `select` field; `label` is shown as is (translate it first). */
export interface FieldOption {
  value: unknown;
  label: string;
}

/** The options of `values`, each labelled by the i18n key `prefix + value` in the current language. */
export function translatedOptions(values: readonly string[], prefix: string): Signal<FieldOption[]> {
  const translate = inject(TranslateService);
  const langChange = toSignal(translate.onLangChange);
  return computed(() => {
    langChange();
    return values.map((value) => ({ value, label: translate.instant(prefix + value) }));
  });
}

/**
 * One labelled field of a reactive form (inside a `nz-form`): the label, the input bound to `control`,
 * and the control's error tip while it is invalid. Put `nz-col [nzSpan]` on it to lay it out in a row.
 */
@Component({
  selector: 'crm-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, NzFormModule, NzInputModule, NzInputNumberModule, NzSelectModule],
  templateUrl: './form-field.html',
  styles: `
    :host {
      display: block;
    }
  `,
})
export class FormField {
  readonly control = input.required<AbstractControl>();
  /** The i18n key of the label. */
  readonly label = input.required<string>();
  /** The input's id, which the label points at. */
  readonly inputId = input.required<string>();
  readonly kind = input<FieldKind>('text');
  readonly required = input(false, { transform: booleanAttribute });
  readonly options = input<FieldOption[]>([]);
  /** The i18n key of a `select` field's prompt while nothing is chosen. */
  readonly placeholder = input<string>();
  /** Lets a `select` field filter its options by typing. */
  readonly search = input(false, { transform: booleanAttribute });
  readonly min = input(Number.MIN_SAFE_INTEGER);
  readonly errorTip = input<string | TemplateRef<{ $implicit: AbstractControl | NgModel }>>();
  /** The i18n key of a hint below the input. */
  readonly extra = input<string>();
  readonly autocomplete = input<string>();
  readonly testId = input<string>();
  protected readonly formControl = computed(() => this.control() as FormControl);
}
