import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * A labelled input of a template-driven form or dialog (inputs bound with `ngModel` or signals, checked by the
 * page as a whole): the label above whatever input is put inside, no validation state. A reactive form's field
 * has a control whose errors it shows: that is `crm-form-field`, or `crm-form-item` for an input it does not
 * offer; keeping both kinds lets small dialogs stay free of a form group.
 */
@Component({
  selector: 'crm-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  host: { class: 'crm-field' },
  template: `
    @if (label(); as label) {
      <label class="crm-field-label" [attr.for]="inputId() ?? null">
        {{ label | translate }}
        @if (unit(); as unit) {
          ({{ unit }})
        }
      </label>
    }
    <ng-content />
  `,
})
export class Field {
  /** The i18n key of the label; none for an input that labels itself (a checkbox). */
  readonly label = input<string>();
  /** The input's id, which the label points at. */
  readonly inputId = input<string>();
  /** The unit shown after the label, e.g. `kVA`. */
  readonly unit = input<string>();
}
