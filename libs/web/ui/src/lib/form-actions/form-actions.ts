import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { ErrorAlert } from '../error-alert/error-alert';
import { SaveButton } from '../save-button/save-button';
import { SaveState } from '../save-state';

/** The end of an editor: the save's error (if any), then the save (saying why when it is disabled) and cancel buttons. */
@Component({
  selector: 'crm-form-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorAlert, NzButtonModule, SaveButton],
  templateUrl: './form-actions.html',
  styles: `
    :host {
      display: block;
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
export class FormActions {
  /** The save: the save button spins while it runs, its error shows. */
  readonly action = input.required<SaveState>();
  readonly canSave = input(true, { transform: booleanAttribute });
  /** The i18n key of why the save is disabled, shown on hover. */
  readonly disabledReason = input('common.fillRequired');
  /** The i18n keys of the buttons' labels. */
  readonly saveLabel = input('common.save');
  readonly cancelLabel = input('common.cancel');
  /** The test ids are `<testIdPrefix>-save`, `-cancel` and `-error`. */
  readonly testIdPrefix = input.required<string>();
  readonly save = output<void>();
  readonly cancelled = output<void>();
}
