import { Routes } from '@angular/router';
import { CockpitPage } from './pages/cockpit.page';
import { GlossaryPage } from './pages/glossary.page';

/** `/kpis`: the cockpit (admins and marketing; leadership's home is the same page at `/leadership`) and the glossary. */
export const kpisRoutes: Routes = [
  { path: '', component: CockpitPage },
  { path: 'glossary', component: GlossaryPage },
];
