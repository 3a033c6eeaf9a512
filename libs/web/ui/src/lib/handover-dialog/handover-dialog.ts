import { formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, LOCALE_ID, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { HandoverPreview, PersonRef } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { Field } from '../field/field';
import { FormDialog } from '../form-dialog/form-dialog';
import { LoadingState, LoadStatus } from '../load-status/load-status';
import { SaveState } from '../save-state';

/** What a hand-over asks: the new account manager and why. */
export interface Handover {
  toManagerId: string;
  reason: string;
}

/**
 * Asks for the manager customers go to and the reason (two characters at least); shown while it is there. A bulk
 * hand-over also shows what it moves (`impact`, loaded by `impactLoad`) and is confirmed only once that is known.
 */
@Component({
  selector: 'crm-handover-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzAlertModule, NzInputModule, NzSelectModule, FormDialog, Field, LoadStatus],
  templateUrl: './handover-dialog.html',
  styles: `
    nz-select {
      width: 100%;
    }
  `,
})
export class HandoverDialog {
  private readonly locale = inject(LOCALE_ID);
  /** The title, as shown. */
  readonly title = input.required<string>();
  readonly managers = input.required<readonly PersonRef[]>();
  /** The hand-over: whether it runs and why it last failed. */
  readonly action = input.required<SaveState>();
  /** A bulk hand-over: the load of what it moves, and what it moves once loaded. */
  readonly impactLoad = input<LoadingState>();
  readonly impact = input<HandoverPreview | null>(null);
  readonly confirmed = output<Handover>();
  readonly cancelled = output<void>();
  protected readonly toManagerId = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly ready = computed(
    () => !!this.toManagerId() && this.reason().trim().length >= 2 && (!this.impactLoad() || !!this.impact()),
  );
  /** The counts of `impact`, grouped as the locale writes numbers. */
  protected readonly counts = computed(() => {
    const impact = this.impact();
    if (!impact) return null;
    const n = (value: number) => formatNumber(value, this.locale, '1.0-0');
    return {
      customers: n(impact.customers),
      openApplications: n(impact.openApplications),
      openTasks: n(impact.openTasks),
      openRequests: n(impact.openRequests),
    };
  });

  protected confirm(): void {
    const toManagerId = this.toManagerId();
    if (toManagerId) this.confirmed.emit({ toManagerId, reason: this.reason() });
  }
}
