import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { WorkOrderListItem } from '@crm/shared/domain';
import { pagedList } from '@crm/web/core';
import { CellDef, DataTable, SlaTag, TableRow } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { requestColumns } from '../request-columns';
import { WorkOrderNames } from '../work-order-names';
import { WorkOrdersApi } from '../work-orders.api';
import { RequestFlags } from './request-flags';

/** A customer's requests, newest first, with the button that records a new one; for the customer page. */
@Component({
  selector: 'crm-customer-requests',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, CellDef, DataTable, RequestFlags, SlaTag, NzButtonModule, NzIconModule],
  template: `
    <div class="bar">
      <a
        nz-button
        nzType="primary"
        routerLink="/requests/new"
        [queryParams]="{ customerId: customerId() }"
        data-testid="customer-new-request"
      >
        <nz-icon nzType="plus" />{{ 'requests.new' | translate }}
      </a>
    </div>
    <crm-data-table [list]="list" [columns]="columns" [row]="row" size="small" data-testid="customer-requests">
      <ng-template crmCell="summary" let-o
        ><span class="summary">{{ o.summary }}</span></ng-template
      >
      <ng-template crmCell="sla" let-o><crm-sla-tag [sla]="o.sla" /></ng-template>
      <ng-template crmCell="flags" let-o><crm-request-flags [order]="o" /></ng-template>
    </crm-data-table>
  `,
  styles: `
    .bar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 16px;
    }
    .summary {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
  `,
})
export class CustomerRequests {
  readonly customerId = input.required<string>();
  private readonly api = inject(WorkOrdersApi);
  private readonly names = inject(WorkOrderNames);
  protected readonly list = pagedList({
    filters: {},
    url: false,
    pageSize: 10,
    sort: '-receivedAt',
    fetch: (query) => this.api.list({ ...query, customerId: this.customerId() }),
  });
  protected readonly columns = requestColumns(this.names, false);
  protected readonly row: TableRow<WorkOrderListItem> = {
    attrs: (o) => ({ 'data-testid': `request-${o.id}` }),
    link: (o) => ['/requests', o.id],
  };
}
