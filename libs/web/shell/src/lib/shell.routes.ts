import { Routes } from '@angular/router';
import { ROLE_HOME, ROLES } from '@crm/shared/domain';
import { authGuard, homeRedirectGuard, roleGuard } from '@crm/web/core';
import { RoleHomePage } from './home/role-home.page';
import { Shell } from './shell/shell';

const homeOf = (role: (typeof ROLES)[number]) => ROLE_HOME[role].slice(1);
/**
 * Each role's home: the account manager's is their day, of their own tasks (other roles have none, and are sent to
 * their own home); the auditor's is the
 * marketing-audit workbench; marketing staff's is the marketing home of the segments library; leadership's is the
 * KPI cockpit; admins land on a RoleHomePage.
 */
/** Everything behind the login: the shell and each role's pages. */
export const shellRoutes: Routes = [
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      { path: homeOf('admin'), canActivate: [roleGuard(['admin'])], component: RoleHomePage },
      {
        path: homeOf('marketing'),
        canActivate: [roleGuard(['marketing'])],
        loadComponent: () => import('@crm/web/segments').then((m) => m.MarketingHomePage),
      },
      {
        path: homeOf('leader'),
        canActivate: [roleGuard(['leader'])],
        loadComponent: () => import('@crm/web/kpis').then((m) => m.CockpitPage),
      },
      {
        path: 'kpis',
        canActivate: [roleGuard(['leader', 'admin', 'marketing'])],
        loadChildren: () => import('@crm/web/kpis').then((m) => m.kpisRoutes),
      },
      {
        path: homeOf('account_manager'),
        canActivate: [roleGuard(['account_manager'])],
        loadChildren: () => import('@crm/web/service-plans').then((m) => m.myDayRoutes),
      },
      { path: 'plans', loadChildren: () => import('@crm/web/service-plans').then((m) => m.plansRoutes) },
      { path: 'tasks', loadChildren: () => import('@crm/web/service-plans').then((m) => m.tasksRoutes) },
      {
        path: 'customers/:id/energy-advice',
        loadChildren: () => import('@crm/web/service-plans').then((m) => m.energyAdviceRoutes),
      },
      { path: 'customers', loadChildren: () => import('@crm/web/customers').then((m) => m.customersRoutes) },
      {
        path: 'workload',
        canActivate: [roleGuard(['leader', 'admin'])],
        loadComponent: () => import('@crm/web/ownership').then((m) => m.WorkloadPage),
      },
      {
        path: 'users',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () => import('@crm/web/users').then((m) => m.UsersPage),
      },
      {
        path: 'audit',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () => import('@crm/web/audit').then((m) => m.AuditLogPage),
      },
      {
        path: 'change-history',
        canActivate: [roleGuard(['admin', 'leader'])],
        loadComponent: () => import('@crm/web/change-history').then((m) => m.ChangeHistoryPage),
      },
      { path: 'vip', loadChildren: () => import('@crm/web/scoring').then((m) => m.vipRoutes) },
      { path: 'segments', loadChildren: () => import('@crm/web/segments').then((m) => m.segmentsRoutes) },
      {
        path: 'credit-risk',
        canActivate: [roleGuard(['leader', 'admin', 'account_manager'])],
        loadChildren: () => import('@crm/web/scoring').then((m) => m.creditRiskRoutes),
      },
      {
        path: 'scoring-model',
        canActivate: [roleGuard(['leader', 'admin'])],
        loadChildren: () => import('@crm/web/scoring').then((m) => m.scoringModelRoutes),
      },
      {
        path: 'import',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () => import('@crm/web/data-import').then((m) => m.ImportPage),
      },
      { path: 'requests', loadChildren: () => import('@crm/web/work-orders').then((m) => m.requestsRoutes) },
      { path: 'applications', loadChildren: () => import('@crm/web/lifecycle').then((m) => m.applicationsRoutes) },
      {
        path: 'lifecycle-report',
        canActivate: [roleGuard(['leader', 'admin'])],
        loadChildren: () => import('@crm/web/lifecycle').then((m) => m.lifecycleReportRoutes),
      },
      {
        path: 'service-quality',
        canActivate: [roleGuard(['leader', 'marketing', 'admin'])],
        loadComponent: () => import('@crm/web/service-quality').then((m) => m.ServiceQualityPage),
      },
      {
        path: 'kpis/reports',
        canActivate: [roleGuard(['leader', 'admin', 'marketing'])],
        loadChildren: () => import('@crm/web/monthly-report').then((m) => m.monthlyReportRoutes),
      },
      {
        path: homeOf('auditor'),
        loadChildren: () => import('@crm/web/marketing-audit').then((m) => m.marketingAuditRoutes),
      },
      {
        path: 'calendar',
        canActivate: [roleGuard(['admin'])],
        loadChildren: () => import('@crm/web/lifecycle').then((m) => m.calendarAdminRoutes),
      },
    ],
  },
];
