import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ErrorDetail } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';

/** An error a page shows next to its form: the server's message and each field it names. */
@Component({
  selector: 'crm-error-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule],
  template: `
    <nz-alert
      nzType="error"
      nzShowIcon
      [nzCloseable]="closeable()"
      (nzOnClose)="closed.emit()"
      [nzMessage]="error().message"
      [nzDescription]="details"
    />
    <ng-template #details>
      @if (error().details.length) {
        <ul class="details">
          @for (d of error().details; track $index) {
            <li>
              <code>{{ d.field }}</code> — {{ d.message }}
            </li>
          }
        </ul>
      }
    </ng-template>
  `,
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
  readonly error = input.required<{ message: string; details: readonly ErrorDetail[] }>();
  readonly closeable = input(false);
  readonly closed = output<void>();
}
