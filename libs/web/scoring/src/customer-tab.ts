import { provideCustomerTab } from '@crm/web/core';

/** The customer page's scores tab: VIP value and credit, with their history. */
export const provideScoresCustomerTab = () =>
  provideCustomerTab({
    key: 'scores',
    order: 60,
    loadComponent: () => import('./lib/components/customer-scores').then((m) => m.CustomerScoresCard),
  });
