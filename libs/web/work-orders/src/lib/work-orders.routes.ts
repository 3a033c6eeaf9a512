import { Routes } from '@angular/router';
import { RequestLimitsPage } from './pages/request-limits.page';
import { RequestListPage } from './pages/request-list.page';
import { RequestNewPage } from './pages/request-new.page';
import { RequestPage } from './pages/request.page';

/** `/requests`: the list, a new order, the limit table, one order. */
export const requestsRoutes: Routes = [
  { path: '', component: RequestListPage },
  { path: 'new', component: RequestNewPage },
  { path: 'limits', component: RequestLimitsPage },
  { path: ':id', component: RequestPage },
];
