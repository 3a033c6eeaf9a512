import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { WorkOrderListItem } from '@crm/shared/domain';
import { DisplayPipe, SlaTag, TABLE, TableList, TableRow } from '@crm/web/ui';
import { requestColumns } from '../request-columns';
import { WorkOrderNames } from '../work-order-names';
import { RequestFlags } from './request-flags';

/** A server-paged table of requests: each clock's due moment under its state in colour; a row opens the order. */
@Component({
  selector: 'crm-request-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TABLE, DisplayPipe, NgTemplateOutlet, TranslatePipe, RequestFlags, SlaTag],
  templateUrl: './request-table.html',
  styles: `
    :host {
      display: block;
    }
    .summary {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      min-width: 160px;
    }
  `,
})
export class RequestTable {
  readonly list = input.required<TableList<WorkOrderListItem>>();
  readonly withCustomer = input(true);
  readonly testId = input('requests');
  protected readonly names = inject(WorkOrderNames);
  protected readonly columns = computed(() => requestColumns(this.withCustomer()));
  protected readonly row: TableRow<WorkOrderListItem> = {
    attrs: (o) => ({ 'data-testid': `request-${o.id}` }),
    link: (o) => ['/requests', o.id],
  };
}
