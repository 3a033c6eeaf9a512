import { provideCustomerTab } from '@crm/web/core';

/** The customer page's tasks and plans tab: its service plans and their tasks. */
export const providePlansCustomerTab = () =>
  provideCustomerTab({
    key: 'plans',
    order: 40,
    loadComponent: () => import('./lib/components/customer-plans').then((m) => m.CustomerPlansCard),
  });
