import { provideCustomerTab } from '@crm/web/core';

/** The customer page's history tab: timeline and change history. */
export const provideHistoryCustomerTab = () =>
  provideCustomerTab({
    key: 'history',
    order: 70,
    loadComponent: () => import('./lib/components/customer-history').then((m) => m.CustomerHistory),
  });
