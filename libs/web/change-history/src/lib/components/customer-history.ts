import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { TimelineEntry } from '@crm/shared/domain';
import { CustomerContext, pagedList } from '@crm/web/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { ChangeHistoryApi } from '../change-history.api';
import { timelineLines } from '../timeline-text';
import { ChangeTable } from './change-table';
import { DisplayPipe } from '@crm/web/ui';

/** The customer page's history tab: the timeline of what happened, and who changed which field, a page at a time. */
@Component({
  selector: 'crm-customer-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DisplayPipe, TranslatePipe, ChangeTable, NzCardModule, NzTabsModule, NzTimelineModule],
  templateUrl: './customer-history.html',
})
export class CustomerHistory {
  private readonly api = inject(ChangeHistoryApi);
  private readonly translate = inject(TranslateService);
  private readonly context = inject(CustomerContext);
  readonly customerId = input.required<string>();

  protected readonly timeline = signal<TimelineEntry[]>([]);
  protected readonly changes = pagedList({
    filters: {},
    url: false,
    fetch: (query) => this.api.ofCustomer(this.customerId(), query),
  });

  constructor() {
    // Both load again whenever the customer was saved or handed over (its version changes).
    effect(() => {
      const version = this.context.customer()?.version;
      const customerId = this.customerId();
      untracked(() => {
        if (version === undefined) return;
        void this.api.timeline(customerId).then((entries) => this.timeline.set(entries));
        this.changes.retry();
      });
    });
  }

  protected lines(entry: TimelineEntry): string[] {
    return timelineLines(entry, (key, params) => this.translate.instant(key, params));
  }
}
