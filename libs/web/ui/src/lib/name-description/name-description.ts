import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzInputModule } from 'ng-zorro-antd/input';

/** The name (required, up to 100 characters) and description (up to 1000) at the top of an editor. */
@Component({
  selector: 'crm-name-description',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzInputModule],
  template: `
    <label class="crm-field">
      <span class="crm-field-label required">{{ nameLabel() | translate }}</span>
      <input
        nz-input
        [(ngModel)]="name"
        maxlength="100"
        [nzStatus]="nameInvalid() ? 'error' : ''"
        [attr.data-testid]="testIdPrefix() + '-name'"
      />
    </label>
    <label class="crm-field">
      <span class="crm-field-label">{{ descriptionLabel() | translate }}</span>
      <textarea
        nz-input
        [(ngModel)]="description"
        rows="2"
        maxlength="1000"
        [attr.data-testid]="testIdPrefix() + '-description'"
      ></textarea>
    </label>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class NameDescription {
  readonly name = model.required<string>();
  readonly description = model.required<string>();
  /** The i18n keys of the labels. */
  readonly nameLabel = input.required<string>();
  readonly descriptionLabel = input.required<string>();
  readonly nameInvalid = input(false);
  /** The test ids are `<testIdPrefix>-name` and `-description`. */
  readonly testIdPrefix = input.required<string>();
}
