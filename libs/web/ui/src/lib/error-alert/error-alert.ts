import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CodedText, ErrorDetail } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { MessagePipe } from '../message/message.pipe';

/** What an error alert shows (a `ShownError` of @crm/web/core). */
export interface ShownErrorLike extends CodedText {
  details: readonly ErrorDetail[];
  /** The i18n key shown instead of `message`. */
  messageKey?: string;
}

/**
 * An error a page shows next to its form or list: the server's message (or, with `messageKey`, the text of that i18n
 * key: the server unreachable or failing), each field it names, and maybe a retry.
 */
@Component({
  selector: 'crm-error-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule, TranslatePipe, MessagePipe],
  templateUrl: './error-alert.html',
  styles: `
    :host {
      display: block;
    }
    .details {
      margin: 0;
      padding-left: 20px;
    }
  `,
})
export class ErrorAlert {
  readonly error = input.required<ShownErrorLike>();
  /** `warning` for problems found before sending. */
  readonly type = input<'error' | 'warning'>('error');
  /** The i18n key naming a detail's field, shown before the field's code; none shows the code alone. */
  readonly fieldLabel = input<(field: string) => string>();
  readonly closeable = input(false);
  /** Offers a retry button that emits `retry`. */
  readonly retryable = input(false);
  readonly closed = output<void>();
  readonly retry = output<void>();
}
