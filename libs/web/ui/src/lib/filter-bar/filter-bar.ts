import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzIconModule } from 'ng-zorro-antd/icon';

/**
 * The row above a list: an optional search box, then the page's filters (projected), then its actions
 * (projected with the `actions` attribute) on the right.
 */
@Component({
  selector: 'crm-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzIconModule, NzInputModule],
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
    .spacer {
      flex: 1;
    }
  `,
})
export class FilterBar {
  /** The search box's hint; without one there is no search box. */
  readonly searchHint = input<string>();
  readonly search = input('');
  readonly searchTestId = input<string>();
  readonly searchChange = output<string>();
}
