import { Role, ROLE_HOME, ROLES } from '@crm/shared/domain';

export interface NavItem {
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: string;
  roles: readonly Role[];
  /** Active only on exactly its path (its sub-pages belong to another item). */
  exact?: boolean;
}

/** The side navigation; each role sees the items that name it, its home page first. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: ROLE_HOME.marketing, label: 'nav.marketing', icon: 'appstore', roles: ['marketing'] },
  { path: ROLE_HOME.leader, label: 'nav.leadership', icon: 'dashboard', roles: ['leader'] },
  { path: ROLE_HOME.admin, label: 'nav.admin', icon: 'setting', roles: ['admin'] },
  /** The auditor's home page: the workbench, which admins and leadership open too (its figures are an item of their own). */
  {
    path: ROLE_HOME.auditor,
    label: 'nav.marketingAudit',
    icon: 'audit',
    roles: ['auditor', 'admin', 'leader'],
    exact: true,
  },
  /** The KPI cockpit, leadership's home page, for admins and marketing (active on the cockpit only: the monthly reports below it are an item of their own). */
  { path: '/kpis', label: 'nav.kpis', icon: 'dashboard', roles: ['admin', 'marketing'], exact: true },
  /** The account manager's home page: their day, of their own tasks (other roles have none: it is not offered to them). */
  { path: ROLE_HOME.account_manager, label: 'nav.myDay', icon: 'schedule', roles: ['account_manager'] },
  { path: '/customers', label: 'nav.customers', icon: 'team', roles: ROLES },
  { path: '/applications', label: 'nav.applications', icon: 'file-done', roles: ROLES },
  { path: '/segments', label: 'nav.segments', icon: 'cluster', roles: ROLES },
  { path: '/requests', label: 'nav.requests', icon: 'customer-service', roles: ROLES },
  { path: '/plans', label: 'nav.plans', icon: 'carry-out', roles: ROLES },
  /** Every service task in scope, with the drill's filters; account managers keep their day (and may open it). */
  { path: '/tasks', label: 'nav.tasks', icon: 'field-time', roles: ['leader', 'admin', 'marketing'] },
  { path: '/vip', label: 'nav.vip', icon: 'crown', roles: ROLES },
  {
    path: '/credit-risk',
    label: 'nav.creditRisk',
    icon: 'safety-certificate',
    roles: ['leader', 'admin', 'account_manager'],
  },
  { path: '/lifecycle-report', label: 'nav.lifecycleReport', icon: 'line-chart', roles: ['leader', 'admin'] },
  {
    path: '/service-quality',
    label: 'nav.serviceQuality',
    icon: 'customer-service',
    roles: ['leader', 'marketing', 'admin'],
  },
  {
    path: '/marketing-audit/figures',
    label: 'nav.auditFigures',
    icon: 'pie-chart',
    roles: ['leader', 'auditor', 'admin', 'marketing'],
  },
  {
    path: '/kpis/reports',
    label: 'nav.monthlyReport',
    icon: 'printer',
    roles: ['leader', 'admin', 'marketing'],
  },
  { path: '/workload', label: 'nav.workload', icon: 'bar-chart', roles: ['leader', 'admin'] },
  { path: '/scoring-model', label: 'nav.scoringModel', icon: 'sliders', roles: ['leader', 'admin'] },
  { path: '/calendar', label: 'nav.calendar', icon: 'calendar', roles: ['admin'] },
  { path: '/import', label: 'nav.import', icon: 'upload', roles: ['admin'] },
  { path: '/users', label: 'nav.users', icon: 'user', roles: ['admin'] },
  { path: '/audit', label: 'nav.audit', icon: 'audit', roles: ['admin'] },
  { path: '/change-history', label: 'nav.changeHistory', icon: 'history', roles: ['admin', 'leader'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
