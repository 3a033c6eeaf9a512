import { WorkOrderListItem } from '@crm/shared/domain';
import { TableColumn } from '@crm/web/ui';
import { WorkOrderNames } from './work-order-names';

/** The columns of a requests table; `withCustomer` false on the customer page. */
export function requestColumns(names: WorkOrderNames, withCustomer: boolean): TableColumn<WorkOrderListItem>[] {
  return [
    { key: 'receivedAt', label: 'requests.receivedAt', kind: 'datetime', sort: 'receivedAt' },
    ...(withCustomer
      ? [
          {
            key: 'customer',
            label: 'requests.customer',
            value: (o: WorkOrderListItem) => o.customer.name,
            detail: (o: WorkOrderListItem) => o.customer.accountNo,
          },
        ]
      : []),
    {
      key: 'type',
      label: 'requests.type',
      value: (o) => names.type(o.type),
      detail: (o) => names.topic(o.topic),
    },
    {
      key: 'channel',
      label: 'requests.channel',
      value: (o) => names.channel(o.channel),
      detail: (o) => o.externalRef,
    },
    { key: 'summary', label: 'requests.summary', width: '240px' },
    { key: 'state', label: 'requests.state', kind: 'enum', labels: 'requests.states.' },
    { key: 'owner', label: 'requests.owner', value: (o) => o.owner?.displayName },
    { key: 'contactDueAt', label: 'requests.contactDueAt', kind: 'datetime', sort: 'contactDueAt' },
    { key: 'resolveDueAt', label: 'requests.resolveDueAt', kind: 'datetime', sort: 'resolveDueAt' },
    { key: 'sla', label: 'requests.sla' },
    { key: 'flags', label: '' },
  ];
}
