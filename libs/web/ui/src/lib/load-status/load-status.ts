import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { ErrorAlert, ShownErrorLike } from '../error-alert/error-alert';

/** What a load-status reads from a load (a `Loader` or `pagedList()` of @crm/web/core). */
export interface LoadingState {
  loading: () => boolean;
  error: () => ShownErrorLike | null;
  retry(): void;
}

/**
 * The state of a page's load, above what it loaded: why the last load failed, with a retry button, and a skeleton
 * while nothing is loaded yet (`loaded` false) — never an empty page or zeros that are not figures.
 */
@Component({
  selector: 'crm-load-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzSkeletonModule, ErrorAlert],
  template: `
    @if (state().error(); as e) {
      <crm-error-alert
        class="crm-block"
        [error]="e"
        [retryable]="true"
        (retry)="state().retry()"
        data-testid="load-error"
      />
    } @else if (!loaded()) {
      <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: rows() }" data-testid="loading" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class LoadStatus {
  readonly state = input.required<LoadingState>();
  /** Whether something is shown already (the skeleton is then left out). */
  readonly loaded = input(false);
  /** The skeleton's lines. */
  readonly rows = input(4);
}
