import { Routes } from '@angular/router';
import { roleGuard } from '@crm/web/core';
import { FiguresPage } from './pages/figures.page';
import { FindingPage } from './pages/finding.page';
import { WorkbenchPage } from './pages/workbench.page';

/**
 * `/marketing-audit`: the workbench (auditors, admins, leadership), the figures (those and marketing), and one
 * finding (any role: an account manager opens their own to rectify it; the API scopes it).
 */
export const marketingAuditRoutes: Routes = [
  { path: '', canActivate: [roleGuard(['auditor', 'admin', 'leader'])], component: WorkbenchPage },
  { path: 'figures', canActivate: [roleGuard(['leader', 'auditor', 'admin', 'marketing'])], component: FiguresPage },
  { path: 'findings/:id', component: FindingPage },
];
