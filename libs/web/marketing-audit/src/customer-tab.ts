import { provideCustomerTab } from '@crm/web/core';

/** The customer page's audit tab: the customer's marketing-audit findings. */
export const provideAuditCustomerTab = () =>
  provideCustomerTab({
    key: 'audit',
    order: 65,
    loadComponent: () => import('./lib/components/customer-findings').then((m) => m.CustomerFindings),
  });
