import { booleanAttribute, ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** A text button showing only an icon, named for screen readers by its label; listen to its `(click)`. */
@Component({
  selector: 'crm-icon-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzButtonModule, NzIconModule],
  template: `<button
    nz-button
    nzType="text"
    [nzDanger]="danger()"
    [attr.aria-label]="label() | translate"
    [attr.data-testid]="testId()"
  >
    <nz-icon [nzType]="icon()" />
  </button>`,
})
export class IconButton {
  /** The ng-zorro icon. */
  readonly icon = input.required<string>();
  /** The i18n key of what the button does. */
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly danger = input(false, { transform: booleanAttribute });
}
