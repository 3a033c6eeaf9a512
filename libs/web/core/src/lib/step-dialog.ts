import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { SaveAction } from './save-action';

/**
 * A record page's dialog for one step on the record (a finding's rectify, a request's callback, an application's
 * advance): which step is open (`step`) and sending it (`action`, as `<crm-form-dialog [action]>` shows it).
 */
export class StepDialog<S> {
  readonly step = signal<S | null>(null);
  readonly action = new SaveAction();

  /** Opens the dialog for `step`, without the last refusal. */
  open(step: S): void {
    this.action.error.set(null);
    this.step.set(step);
  }

  close(): void {
    this.step.set(null);
  }

  /**
   * Sends the open step with `request` and closes the dialog once it worked. A refusal stays in the open dialog
   * with what was typed; a 409 (someone else moved the record on meanwhile) also calls `changed`, to show the
   * record as it is now. Resolves to whether it worked.
   */
  async send(request: (step: S) => Promise<unknown>, changed: () => Promise<unknown>): Promise<boolean> {
    const step = this.step();
    if (step === null) return false;
    const done = await this.action.run(
      () => request(step),
      async (e) => {
        if (e instanceof HttpErrorResponse && e.status === 409) await changed();
      },
    );
    if (done) this.close();
    return done;
  }
}
