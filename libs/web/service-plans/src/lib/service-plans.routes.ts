import { Routes } from '@angular/router';
import { EnergyAdvicePage } from './pages/energy-advice.page';
import { MyDayPage } from './pages/my-day.page';
import { PlansPage } from './pages/plans.page';

export const myDayRoutes: Routes = [{ path: '', component: MyDayPage }];

export const plansRoutes: Routes = [{ path: '', component: PlansPage }];

/** Mounted at customers/:id/energy-advice. */
export const energyAdviceRoutes: Routes = [{ path: '', component: EnergyAdvicePage }];
