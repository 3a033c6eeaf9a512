import { Routes } from '@angular/router';
import { MyDayPage } from './pages/my-day.page';
import { PlansPage } from './pages/plans.page';

export const myDayRoutes: Routes = [{ path: '', component: MyDayPage }];

export const plansRoutes: Routes = [{ path: '', component: PlansPage }];
