import { WorkOrderListItem } from '@crm/shared/domain';
import { TableColumn } from '@crm/web/ui';

/**
 * The columns of a requests table (their cells are `crm-request-table`'s templates); `withCustomer` false on the
 * customer page.
 */
export function requestColumns(withCustomer: boolean): TableColumn<WorkOrderListItem>[] {
  return [
    { key: 'receivedAt', label: 'requests.receivedAt', sort: 'receivedAt' },
    ...(withCustomer ? [{ key: 'customer', label: 'requests.customer' }] : []),
    { key: 'type', label: 'requests.typeAndChannel' },
    { key: 'summary', label: 'requests.summary' },
    { key: 'state', label: 'requests.state' },
    { key: 'owner', label: 'requests.owner' },
    { key: 'contactDueAt', label: 'requests.contactDueAt', sort: 'contactDueAt' },
    { key: 'resolveDueAt', label: 'requests.resolveDueAt', sort: 'resolveDueAt' },
  ];
}
