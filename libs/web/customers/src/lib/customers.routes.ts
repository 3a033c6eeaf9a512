import { Routes } from '@angular/router';
import { roleGuard } from '@crm/web/core';
import { CustomerCreatePage } from './pages/customer-create.page';
import { CustomerDetailPage } from './pages/customer-detail.page';
import { CustomerListPage } from './pages/customer-list.page';

export const customersRoutes: Routes = [
  { path: '', component: CustomerListPage },
  { path: 'new', canActivate: [roleGuard(['account_manager', 'leader', 'admin'])], component: CustomerCreatePage },
  { path: ':id', component: CustomerDetailPage },
];
