import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { pagedList } from '@crm/web/core';
import { MarketingAuditApi } from '../marketing-audit.api';
import { FindingTable } from './finding-table';

/** A customer's audit findings, those due first; for the customer page. */
@Component({
  selector: 'crm-customer-findings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FindingTable],
  templateUrl: './customer-findings.html',
})
export class CustomerFindings {
  readonly customerId = input.required<string>();
  private readonly api = inject(MarketingAuditApi);
  protected readonly list = pagedList({
    filters: {},
    url: false,
    pageSize: 10,
    sort: 'dueOn',
    fetch: (query) => this.api.findings({ ...query, customerId: this.customerId() }),
  });
}
