import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { WorkOrderListItem } from '@crm/shared/domain';
import { CellDef, DataTable, SlaTag, TableList, TableRow } from '@crm/web/ui';
import { requestColumns } from '../request-columns';
import { WorkOrderNames } from '../work-order-names';
import { RequestFlags } from './request-flags';

/** A server-paged table of requests: each clock's due moment under its state in colour; a row opens the order. */
@Component({
  selector: 'crm-request-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, TranslatePipe, CellDef, DataTable, RequestFlags, SlaTag],
  template: `
    <crm-data-table [list]="list()" [columns]="columns()" [row]="row" size="small" [attr.data-testid]="testId()">
      <ng-template crmCell="receivedAt" let-o>
        <span class="nowrap">{{ o.receivedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
      </ng-template>
      <ng-template crmCell="customer" let-o>
        {{ o.customer.name }}
        <div class="muted">{{ o.customer.accountNo }}</div>
      </ng-template>
      <ng-template crmCell="type" let-o>
        {{ names.type(o.type) }}
        @if (o.topic) {
          · {{ names.topic(o.topic) }}
        }
        <div class="muted">
          {{ names.channel(o.channel) }}
          @if (o.externalRef) {
            · {{ o.externalRef }}
          }
        </div>
      </ng-template>
      <ng-template crmCell="summary" let-o>
        <span class="summary" [title]="o.summary">{{ o.summary }}</span>
      </ng-template>
      <ng-template crmCell="state" let-o>
        <div class="nowrap">{{ 'requests.states.' + o.state | translate }}</div>
        <crm-request-flags [order]="o" />
      </ng-template>
      <ng-template crmCell="owner" let-o>
        <span class="nowrap">{{ o.owner?.displayName ?? '—' }}</span>
      </ng-template>
      <ng-template crmCell="contactDueAt" let-o>
        @if (o.contactClock; as c) {
          <crm-sla-tag [sla]="c.state" />
          <div class="nowrap muted">{{ c.dueAt | date: 'MM-dd HH:mm' }}</div>
        } @else {
          —
        }
      </ng-template>
      <ng-template crmCell="resolveDueAt" let-o>
        @if (o.resolutionClock; as c) {
          <crm-sla-tag [sla]="c.state" />
          <div class="nowrap muted">{{ c.dueAt | date: 'MM-dd HH:mm' }}</div>
        } @else {
          —
        }
      </ng-template>
    </crm-data-table>
  `,
  styles: `
    :host {
      display: block;
    }
    .nowrap {
      white-space: nowrap;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
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
