import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { ErrorAlert } from '../error-alert/error-alert';
import { SaveButton } from '../save-button/save-button';
import { SaveState } from '../save-state';

/**
 * The one dialog of the web kit: it asks for a few values and saves (or confirms) them. It shows the title, the
 * save's error (if any, with the fields it names) above the projected fields, then the cancel and save buttons (a
 * disabled save says why on hover).
 * Shown while it is there: wrap it in `@if`. A click outside does not close it.
 */
@Component({
  selector: 'crm-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorAlert, NzButtonModule, NzModalModule, SaveButton],
  templateUrl: './form-dialog.html',
  styles: `
    .save {
      display: inline-block;
      margin-inline-start: 8px;
    }
  `,
})
export class FormDialog {
  /** The title, as shown. */
  readonly title = input.required<string>();
  /** The save: the save button spins while it runs, its error shows. */
  readonly action = input.required<SaveState>();
  readonly canSave = input(true, { transform: booleanAttribute });
  /** The i18n key of why the save is disabled, shown on hover. */
  readonly disabledReason = input('common.fillRequired');
  /** A red save button, for a step that cannot be undone. */
  readonly danger = input(false, { transform: booleanAttribute });
  /** The i18n keys of the buttons' labels. */
  readonly saveLabel = input('common.save');
  readonly cancelLabel = input('common.cancel');
  /** The test ids are `<testIdPrefix>-save` and `-error`. */
  readonly testIdPrefix = input.required<string>();
  readonly save = output<void>();
  readonly closed = output<void>();
}
