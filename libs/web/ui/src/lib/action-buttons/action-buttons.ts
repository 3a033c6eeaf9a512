import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';

/**
 * A record's actions as a row of buttons (a finding's rectify/dismiss, a request's steps): each labelled
 * `labelPrefix + action`, with test id `testIdPrefix + action`, primary except the `plain` one; `picked` says which.
 */
@Component({
  selector: 'crm-action-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzButtonModule],
  template: `
    @for (a of actions(); track a) {
      <button
        nz-button
        [nzType]="a === plain() ? 'default' : 'primary'"
        (click)="picked.emit(a)"
        [attr.data-testid]="testIdPrefix() + a"
      >
        {{ labelPrefix() + a | translate }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class ActionButtons<A extends string> {
  readonly actions = input.required<readonly A[]>();
  /** The i18n key of an action's label, less the action. */
  readonly labelPrefix = input.required<string>();
  /** The test id of an action's button, less the action. */
  readonly testIdPrefix = input.required<string>();
  /** The action shown as a plain (not primary) button, if any. */
  readonly plain = input<A | null>(null);
  readonly picked = output<A>();
}
