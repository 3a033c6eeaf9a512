import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { CalendarStatusStore } from '@crm/web/core';

/** For admins: a banner while this year's holidays, or from November next year's, are not loaded, with a link to enter them. */
@Component({
  selector: 'crm-calendar-reminder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, NzAlertModule],
  templateUrl: './calendar-reminder.html',
  styles: `
    .reminder {
      margin-bottom: 16px;
    }
  `,
})
export class CalendarReminder implements OnInit {
  protected readonly store = inject(CalendarStatusStore);

  ngOnInit(): void {
    void this.store.refresh();
  }
}
