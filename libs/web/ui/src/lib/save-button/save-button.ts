import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { SaveState } from '../save-state';

/** A form's save button: it spins while the save runs and, while disabled, says why on hover. */
@Component({
  selector: 'crm-save-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzButtonModule, NzTooltipModule],
  templateUrl: './save-button.html',
})
export class SaveButton {
  readonly action = input.required<SaveState>();
  readonly canSave = input(true, { transform: booleanAttribute });
  /** The i18n key of why the save is disabled. */
  readonly disabledReason = input('common.fillRequired');
  /** A red button, for a step that cannot be undone. */
  readonly danger = input(false, { transform: booleanAttribute });
  /** The i18n key of the label. */
  readonly label = input('common.save');
  /** The test ids are `<testIdPrefix>-save` and `-why-not`. */
  readonly testIdPrefix = input.required<string>();
  readonly save = output<void>();
}
