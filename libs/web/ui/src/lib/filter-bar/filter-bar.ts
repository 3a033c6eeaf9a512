import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { FilterList } from '../data-table/table-column';
import { FilterSelect, ListFilter } from '../filter-select/filter-select';

/**
 * The row above a list: with a `list`, a search box when there is a `searchHint` (i18n key) and a drop-down for each of
 * `filters`; then the page's other filters (projected), then its actions (projected with `actions`) on the right.
 */
@Component({
  selector: 'crm-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, FilterSelect, NzIconModule, NzInputModule],
  templateUrl: './filter-bar.html',
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .search {
      width: 280px;
    }
    :host ::ng-deep nz-select,
    :host ::ng-deep nz-range-picker {
      width: 180px;
    }
    :host ::ng-deep nz-range-picker {
      width: 260px;
    }
  `,
})
export class FilterBar {
  /** The list whose search text the search box shows and sets. */
  readonly list = input<FilterList>();
  /** The search box's hint (an i18n key); without one there is no search box. */
  readonly searchHint = input<string>();
  readonly searchTestId = input<string>();
  readonly filters = input<readonly ListFilter[]>([]);
}
