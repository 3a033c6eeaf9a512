import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ErrorDetail } from '@crm/shared/domain';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { ErrorAlert } from '../error-alert/error-alert';

/**
 * The row above a list: an optional search box, then the page's filters (projected), then its actions
 * (projected with the `actions` attribute) on the right; below them the list's load error with a retry button.
 */
@Component({
  selector: 'crm-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ErrorAlert, NzIconModule, NzInputModule],
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
    .error {
      flex-basis: 100%;
    }
  `,
})
export class FilterBar {
  /** The search box's hint; without one there is no search box. */
  readonly searchHint = input<string>();
  readonly search = input('');
  readonly searchTestId = input<string>();
  readonly searchChange = output<string>();
  /** The list's last load error, if any. */
  readonly error = input<{ message: string; details: readonly ErrorDetail[] } | null>(null);
  readonly retry = output<void>();
}
