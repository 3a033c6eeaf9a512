import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { ShownError, shownError } from './shown-error';

/** The record a page asked for is not there, or not the user's: 404, or 400 for a malformed id. */
export function isMissingRecord(e: unknown): boolean {
  return e instanceof HttpErrorResponse && (e.status === 404 || e.status === 400);
}

/**
 * The load of what a page shows (a record, a list's page, a page's figures): whether it runs, why it last failed,
 * and a retry of the last load. Only the answer of the latest load is shown; an earlier one still on its way is
 * dropped. `<crm-load-status [state]>` shows a skeleton while nothing is loaded and the error with a retry button.
 */
export class Loader {
  readonly loading = signal(false);
  readonly error = signal<ShownError | null>(null);
  /** Record pages (`{ record: true }`): the record is not there, or not the user's (404, or 400 for a bad id). */
  readonly notFound = signal(false);
  private latest = 0;
  private last: (() => Promise<void>) | null = null;

  constructor(private readonly options: { record?: boolean } = {}) {}

  /** Runs `request` and, unless a later load started meanwhile, shows its answer with `show`. */
  run<T>(request: () => Promise<T>, show: (value: T) => void): Promise<void> {
    const attempt = ++this.latest;
    this.last = () => this.run(request, show);
    return this.settle(attempt, request, show);
  }

  /** Runs the last load again. */
  retry(): void {
    void this.last?.();
  }

  private async settle<T>(attempt: number, request: () => Promise<T>, show: (value: T) => void): Promise<void> {
    this.loading.set(true);
    try {
      const value = await request();
      if (attempt !== this.latest) return;
      show(value);
      this.error.set(null);
    } catch (e) {
      if (attempt !== this.latest) return;
      if (this.options.record && isMissingRecord(e)) this.notFound.set(true);
      else this.error.set(shownError(e));
    } finally {
      if (attempt === this.latest) this.loading.set(false);
    }
  }
}
