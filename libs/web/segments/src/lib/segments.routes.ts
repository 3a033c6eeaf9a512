import { Routes } from '@angular/router';
import { SegmentEditPage } from './pages/segment-edit.page';
import { SegmentListPage } from './pages/segment-list.page';
import { SegmentPage } from './pages/segment.page';

export const segmentsRoutes: Routes = [
  { path: '', component: SegmentListPage },
  { path: 'new', component: SegmentEditPage },
  { path: ':id', component: SegmentPage },
  { path: ':id/edit', component: SegmentEditPage },
];
