import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PersonRef } from '@crm/shared/domain';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { Field } from '../field/field';
import { FormDialog } from '../form-dialog/form-dialog';
import { SaveState } from '../save-state';

/** What a hand-over asks: the new account manager and why. */
export interface Handover {
  toManagerId: string;
  reason: string;
}

/** Asks for the manager customers go to and the reason (two characters at least); shown while it is there. */
@Component({
  selector: 'crm-handover-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzInputModule, NzSelectModule, FormDialog, Field],
  templateUrl: './handover-dialog.html',
  styles: `
    nz-select {
      width: 100%;
    }
  `,
})
export class HandoverDialog {
  /** The title, as shown. */
  readonly title = input.required<string>();
  readonly managers = input.required<readonly PersonRef[]>();
  /** The hand-over: whether it runs and why it last failed. */
  readonly action = input.required<SaveState>();
  readonly confirmed = output<Handover>();
  readonly cancelled = output<void>();
  protected readonly toManagerId = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly ready = computed(() => !!this.toManagerId() && this.reason().trim().length >= 2);

  protected confirm(): void {
    const toManagerId = this.toManagerId();
    if (toManagerId) this.confirmed.emit({ toManagerId, reason: this.reason() });
  }
}
