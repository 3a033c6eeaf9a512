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
  templateUrl: './segment-list.page.html',
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
