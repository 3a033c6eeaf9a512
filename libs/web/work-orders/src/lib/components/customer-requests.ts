import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { pagedList } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { WorkOrdersApi } from '../work-orders.api';
import { RequestTable } from './request-table';

/** A customer's requests, newest first, with the button that records a new one; for the customer page. */
@Component({
  selector: 'crm-customer-requests',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, RequestTable, NzButtonModule, NzIconModule],
  templateUrl: './customer-requests.html',
  styles: `
    .bar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 16px;
    }
  `,
})
export class CustomerRequests {
  readonly customerId = input.required<string>();
  private readonly api = inject(WorkOrdersApi);
  protected readonly list = pagedList({
    filters: {},
    url: false,
    pageSize: 10,
    sort: '-receivedAt',
    fetch: (query) => this.api.list({ ...query, customerId: this.customerId() }),
  });
}
