import { provideCustomerTab } from '@crm/web/core';

/** The customer page's usage and bills tab: consumption, bills, payments, violations. */
export const provideUsageCustomerTab = () =>
  provideCustomerTab({
    key: 'usage',
    order: 50,
    loadComponent: () => import('./lib/customer-behaviour').then((m) => m.CustomerBehaviour),
  });
