import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Segment } from '@crm/shared/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Sparkline } from '../components/sparkline';
import { SegmentsApi } from '../segments.api';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

/** Every segment: searched by name, with its size and the trend of its size over the last days. */
@Component({
  selector: 'crm-segment-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    Sparkline,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <nz-card [nzTitle]="'segments.title' | translate" [nzExtra]="extra">
      <nz-input-group class="search" nzPrefixIcon="search">
        <input
          nz-input
          [ngModel]="search()"
          (ngModelChange)="onSearch($event)"
          [placeholder]="'segments.searchHint' | translate"
          data-testid="segment-search"
        />
      </nz-input-group>
      <nz-table
        #t
        [nzData]="items()"
        [nzFrontPagination]="false"
        [nzTotal]="total()"
        [nzPageIndex]="page()"
        [nzPageSize]="pageSize"
        [nzLoading]="loading()"
        [nzShowTotal]="totalText"
        (nzPageIndexChange)="load($event)"
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
    .search {
      width: 280px;
      margin-bottom: 16px;
    }
    .description {
      max-width: 320px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
})
export class SegmentListPage implements OnInit {
  private readonly api = inject(SegmentsApi);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly search = signal('');
  protected readonly items = signal<Segment[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly loading = signal(false);
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  ngOnInit(): void {
    void this.load(1);
  }

  protected onSearch(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(1), SEARCH_DELAY_MS);
  }

  protected async load(page: number): Promise<void> {
    this.loading.set(true);
    try {
      const result = await this.api.list(this.search(), page, PAGE_SIZE);
      this.items.set(result.items);
      this.total.set(result.total);
      this.page.set(page);
    } finally {
      this.loading.set(false);
    }
  }
}
