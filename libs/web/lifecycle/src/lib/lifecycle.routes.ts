import { Routes } from '@angular/router';
import { ApplicationListPage } from './pages/application-list.page';
import { ApplicationPage } from './pages/application.page';
import { CalendarAdminPage } from './pages/calendar-admin.page';
import { LifecycleReportPage } from './pages/lifecycle-report.page';

export const applicationsRoutes: Routes = [
  { path: '', component: ApplicationListPage },
  { path: ':id', component: ApplicationPage },
];

export const calendarAdminRoutes: Routes = [{ path: '', component: CalendarAdminPage }];

export const lifecycleReportRoutes: Routes = [{ path: '', component: LifecycleReportPage }];
