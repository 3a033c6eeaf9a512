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
  template: `
    @if (store.status(); as s) {
      @if (s.remindYear; as year) {
        <nz-alert class="reminder" nzType="warning" nzShowIcon [nzMessage]="message" data-testid="calendar-reminder" />
        <ng-template #message>
          {{ (year === s.currentYear ? 'calendar.reminderCurrent' : 'calendar.reminderNext') | translate: { year } }}
          <a routerLink="/calendar" [queryParams]="{ year, notice: 1 }" data-testid="calendar-reminder-link">
            {{ 'calendar.reminderLink' | translate: { year } }}
          </a>
        </ng-template>
      }
    }
  `,
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
