import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { pagedList } from '@crm/web/core';
import { Segment } from '@crm/shared/domain';
import { LIST_PAGE, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Sparkline } from '../components/sparkline';
import { SegmentsApi } from '../segments.api';

/** Every segment: searched by name, with its size and the trend of its size over the last days. */
@Component({
  selector: 'crm-segment-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, Sparkline, NzButtonModule, NzIconModule, NzTagModule],
  templateUrl: './segment-list.page.html',
  styles: `
    .description {
      display: inline-block;
      max-width: 320px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
})
export class SegmentListPage {
  private readonly api = inject(SegmentsApi);
  protected readonly list = pagedList({ filters: { search: {} }, fetch: (query) => this.api.list(query) });
  protected readonly columns: TableColumn<Segment>[] = [
    { key: 'name', label: 'segments.name' },
    { key: 'kind', label: 'segments.kind' },
    { key: 'description', label: 'segments.description' },
    { key: 'owner', label: 'segments.owner', value: (s) => s.owner.displayName },
    { key: 'size', label: 'segments.size', kind: 'number' },
    { key: 'trend', label: 'segments.trend' },
    { key: 'updatedAt', label: 'segments.updatedAt', kind: 'datetime' },
  ];
}
