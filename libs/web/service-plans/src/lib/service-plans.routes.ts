import { Routes } from '@angular/router';
import { EnergyAdvicePage } from './pages/energy-advice.page';
import { MyDayPage } from './pages/my-day.page';
import { PlansPage } from './pages/plans.page';
import { TasksPage } from './pages/tasks.page';

export const myDayRoutes: Routes = [{ path: '', component: MyDayPage }];

export const plansRoutes: Routes = [{ path: '', component: PlansPage }];

export const tasksRoutes: Routes = [{ path: '', component: TasksPage }];

/** Mounted at customers/:id/energy-advice. */
export const energyAdviceRoutes: Routes = [{ path: '', component: EnergyAdvicePage }];
