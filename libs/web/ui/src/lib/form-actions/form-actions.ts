import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorDetail } from '@crm/shared/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { ErrorAlert } from '../error-alert/error-alert';

/** The end of an editor: the save's error (if any), then the save and cancel buttons. */
@Component({
  selector: 'crm-form-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorAlert, NzButtonModule],
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
  readonly error = input<{ message: string; details: readonly ErrorDetail[] } | null>(null);
  readonly saving = input(false, { transform: booleanAttribute });
  readonly canSave = input(true, { transform: booleanAttribute });
  /** The i18n keys of the buttons' labels. */
  readonly saveLabel = input.required<string>();
  readonly cancelLabel = input.required<string>();
  /** The test ids are `<testIdPrefix>-save`, `-cancel` and `-error`. */
  readonly testIdPrefix = input.required<string>();
  readonly save = output<void>();
  readonly cancelled = output<void>();
}
