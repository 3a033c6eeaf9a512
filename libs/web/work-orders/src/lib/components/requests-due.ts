import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { WorkOrderListItem } from '@crm/shared/domain';
import { Loader } from '@crm/web/core';
import { ListCard, SlaTag, DisplayPipe } from '@crm/web/ui';
import { dueTodayOrOverdue, runningDue } from '../order-rules';
import { WorkOrderNames } from '../work-order-names';
import { WorkOrdersApi } from '../work-orders.api';

/** The most orders each clock state's look-up fetches. */
const FETCH = 50;

/**
 * "My day": the requests whose running clock (contact, then resolution) is due today or overdue, earliest first.
 * A clock due today is past 80 % of its limit, so the warning and overdue orders hold them all.
 */
@Component({
  selector: 'crm-requests-due',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DisplayPipe, RouterLink, TranslatePipe, ListCard, SlaTag],
  templateUrl: './requests-due.html',
  styles: `
    :host {
      display: block;
    }
  `,
})
export class RequestsDue implements OnInit {
  private readonly api = inject(WorkOrdersApi);
  protected readonly names = inject(WorkOrderNames);
  protected readonly orders = signal<WorkOrderListItem[]>([]);
  protected readonly load = new Loader();
  protected readonly due = runningDue;

  ngOnInit(): void {
    void this.load.run(
      () =>
        Promise.all(
          (['overdue', 'warning'] as const).map((sla) =>
            this.api.list({ sla, pageSize: FETCH, page: 1, sort: 'contactDueAt' }),
          ),
        ),
      (pages) =>
        this.orders.set(
          dueTodayOrOverdue(
            pages.flatMap((p) => p.items),
            new Date(),
          ),
        ),
    );
  }
}
