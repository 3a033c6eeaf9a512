import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LoadingState, LoadStatus } from '../load-status/load-status';
import { NotFound } from './not-found';

/** What a record-status reads from a record's load (a `Loader({ record: true })` of @crm/web/core). */
export interface RecordLoadingState extends LoadingState {
  notFound: () => boolean;
}

/**
 * The state of a record page's load, above the record: "not found" with a link back to its list when the record is
 * not there (or not the user's), else the load status (why the last load failed, or a skeleton while loading).
 */
@Component({
  selector: 'crm-record-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStatus, NotFound],
  templateUrl: './record-status.html',
})
export class RecordStatus {
  readonly state = input.required<RecordLoadingState>();
  /** Whether the record is shown already (the skeleton is then left out). */
  readonly loaded = input(false);
  /** The list the "not found" link goes back to. */
  readonly back = input.required<string>();
  /** The i18n key of that link. */
  readonly backLabel = input.required<string>();
}
