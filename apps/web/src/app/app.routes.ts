import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  { path: 'login', loadComponent: () => import('@crm/web/auth').then((m) => m.LoginPage) },
  { path: '', loadChildren: () => import('@crm/web/shell').then((m) => m.shellRoutes) },
  { path: '**', redirectTo: '' },
];
