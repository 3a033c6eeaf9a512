import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** Whether a calendar day is a working day (blue) or a holiday (red). */
@Component({
  selector: 'crm-day-kind-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzTagModule],
  template: `<nz-tag [nzColor]="working() ? 'blue' : 'red'">{{
    (working() ? 'calendar.working' : 'calendar.holiday') | translate
  }}</nz-tag>`,
})
export class DayKindTag {
  readonly working = input.required<boolean>();
}
