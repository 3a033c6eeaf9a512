import { provideCustomerTab } from '@crm/web/core';

/** The customer page's applications tab: its connection applications, and starting one. */
export const provideApplicationsCustomerTab = () =>
  provideCustomerTab({
    key: 'applications',
    order: 20,
    loadComponent: () => import('./lib/components/customer-applications').then((m) => m.CustomerApplications),
  });
