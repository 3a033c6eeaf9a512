import { provideCustomerTab } from '@crm/web/core';

/** The customer page's requests tab: the customer's work orders, and recording a new one. */
export const provideRequestsCustomerTab = () =>
  provideCustomerTab({
    key: 'requests',
    order: 30,
    loadComponent: () => import('./lib/components/customer-requests').then((m) => m.CustomerRequests),
  });
