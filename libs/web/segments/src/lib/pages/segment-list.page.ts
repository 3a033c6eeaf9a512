import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { pagedList } from '@crm/web/core';
import { FilterBar } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Sparkline } from '../components/sparkline';
import { SegmentsApi } from '../segments.api';

/** Every segment: searched by name, with its size and the trend of its size over the last days. */
@Component({
  selector: 'crm-segment-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    TranslatePipe,
    FilterBar,
    Sparkline,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <nz-card [nzTitle]="'segments.title' | translate" [nzExtra]="extra">
      <crm-filter-bar
        [searchHint]="'segments.searchHint' | translate"
        [search]="list.searchText()"
        (searchChange)="list.typeSearch($event)"
        searchTestId="segment-search"
        [error]="list.error()"
        (retry)="list.retry()"
      />
      <nz-table
        #t
        [nzData]="list.items()"
        [nzFrontPagination]="false"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzLoading]="list.loading()"
        [nzShowTotal]="totalText"
        (nzPageIndexChange)="list.setPage($event)"
        nzSize="middle"
        data-testid="segments"
      >
        <thead>
          <tr>
            <th>{{ 'segments.name' | translate }}</th>
            <th>{{ 'segments.kind' | translate }}</th>
            <th>{{ 'segments.description' | translate }}</th>
            <th>{{ 'segments.owner' | translate }}</th>
            <th nzAlign="right">{{ 'segments.size' | translate }}</th>
            <th>{{ 'segments.trend' | translate }}</th>
            <th>{{ 'segments.updatedAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (s of t.data; track s.id) {
            <tr>
              <td>
                <a [routerLink]="['/segments', s.id]" data-testid="segment-link">{{ s.name }}</a>
              </td>
              <td>
                <nz-tag [nzColor]="s.kind === 'dynamic' ? 'blue' : 'default'">{{
                  'segments.kindName.' + s.kind | translate
                }}</nz-tag>
              </td>
              <td class="description">{{ s.description || '—' }}</td>
              <td>{{ s.owner.displayName }}</td>
              <td nzAlign="right">{{ s.size === null ? '—' : (s.size | number) }}</td>
              <td><crm-sparkline [values]="s.trend" /></td>
              <td>{{ s.updatedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <ng-template #extra>
      <a nz-button nzType="primary" routerLink="/segments/new" data-testid="new-segment">
        <nz-icon nzType="plus" />{{ 'segments.new' | translate }}
      </a>
    </ng-template>
    <ng-template #totalText let-total>{{ 'segments.total' | translate: { n: total } }}</ng-template>
  `,
  styles: `
    .description {
      max-width: 320px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
})
export class SegmentListPage {
  private readonly api = inject(SegmentsApi);
  protected readonly list = pagedList({ filters: { search: {} }, fetch: (query) => this.api.list(query) });
}
