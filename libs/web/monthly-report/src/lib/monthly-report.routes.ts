import { Routes } from '@angular/router';
import { ReportPage } from './pages/report.page';
import { ReportsPage } from './pages/reports.page';

/** `/kpis/reports`: the kept months and one month's printable report (the shell guards the roles). */
export const monthlyReportRoutes: Routes = [
  { path: '', component: ReportsPage },
  { path: ':period', component: ReportPage },
];
