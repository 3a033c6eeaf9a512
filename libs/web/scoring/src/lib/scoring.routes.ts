import { Routes } from '@angular/router';
import { CreditRiskPage } from './pages/credit-risk.page';
import { ScoringModelPage } from './pages/scoring-model.page';
import { VipListPage } from './pages/vip-list.page';

export const vipRoutes: Routes = [{ path: '', component: VipListPage }];

export const creditRiskRoutes: Routes = [{ path: '', component: CreditRiskPage }];

export const scoringModelRoutes: Routes = [{ path: '', component: ScoringModelPage }];
