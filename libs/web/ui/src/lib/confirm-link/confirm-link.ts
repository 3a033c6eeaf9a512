import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

/** A link that asks before it acts (removing a row of a table and the like): `confirmed` once the user agrees. */
@Component({
  selector: 'crm-confirm-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzPopconfirmModule],
  template: `<a nz-popconfirm [nzPopconfirmTitle]="question() | translate" (nzOnConfirm)="confirmed.emit()">{{
    label() | translate
  }}</a>`,
})
export class ConfirmLink {
  /** The link's i18n key. */
  readonly label = input.required<string>();
  /** The i18n key of the question it asks. */
  readonly question = input.required<string>();
  readonly confirmed = output<void>();
}
