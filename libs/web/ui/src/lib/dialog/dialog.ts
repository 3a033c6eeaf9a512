import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzModalModule } from 'ng-zorro-antd/modal';

/**
 * A dialog that asks for something and confirms it: the title, why the last try failed (if it did), the fields
 * the caller puts inside, and OK / cancel. Shown while it is there: wrap it in `@if`.
 */
@Component({
  selector: 'crm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzModalModule],
  templateUrl: './dialog.html',
  styles: `
    .error {
      display: block;
      margin-bottom: 12px;
    }
  `,
})
export class Dialog {
  /** The title, as shown. */
  readonly title = input.required<string>();
  /** Why the last try failed, as shown. */
  readonly error = input<string | null>(null);
  readonly errorTestId = input<string>();
  readonly busy = input(false, { transform: booleanAttribute });
  readonly canConfirm = input(true, { transform: booleanAttribute });
  /** The OK button's label, as shown; the language's "OK" without it. */
  readonly okText = input<string>();
  /** Marks OK as destructive (a cancellation). */
  readonly danger = input(false, { transform: booleanAttribute });
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
}
