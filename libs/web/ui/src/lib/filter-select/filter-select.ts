import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { FilterList } from '../data-table/table-column';

/**
 * A choice a filter offers: a plain value (its label is the i18n key `labels` + value, or the value itself), or a
 * value and its label (an i18n key when `translate`).
 */
export type FilterOption = string | { value: string; label: string; translate?: boolean };

/** People as filter options: their id, labelled with their name. */
export function personOptions(people: readonly { id: string; displayName: string }[]): FilterOption[] {
  return people.map((p) => ({ value: p.id, label: p.displayName }));
}

/** One filter of a list, shown as a drop-down. */
export interface ListFilter {
  /** The list's filter it sets. */
  key: string;
  /** The placeholder's i18n key. */
  placeholder: string;
  options: readonly FilterOption[];
  /** The i18n prefix of plain options' labels; without one they show as they are. */
  labels?: string;
  /** Type to narrow the options. */
  searchable?: boolean;
  testId?: string;
}

/** The filter by account manager (`managerId`), searchable by name. */
export function managerFilter(
  placeholder: string,
  managers: readonly { id: string; displayName: string }[],
  testId?: string,
): ListFilter {
  return { key: 'managerId', placeholder, options: personOptions(managers), searchable: true, testId };
}

/** A list's filter as a clearable drop-down; choosing sets the filter on the list (which starts at page 1). */
@Component({
  selector: 'crm-filter-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzSelectModule],
  template: `
    <nz-select
      [ngModel]="list().filters()[filter().key] ?? null"
      (ngModelChange)="choose($event)"
      nzAllowClear
      [nzShowSearch]="filter().searchable ?? false"
      [nzPlaceHolder]="filter().placeholder | translate"
    >
      @for (o of filter().options; track $index) {
        @if (typeof o === 'string') {
          <nz-option [nzValue]="o" [nzLabel]="filter().labels ? (filter().labels + o | translate) : o" />
        } @else {
          <nz-option [nzValue]="o.value" [nzLabel]="o.translate ? (o.label | translate) : o.label" />
        }
      }
    </nz-select>
  `,
})
export class FilterSelect {
  readonly list = input.required<FilterList>();
  readonly filter = input.required<ListFilter>();

  protected choose(value: string | null): void {
    this.list().setFilters({ [this.filter().key]: value });
  }
}
