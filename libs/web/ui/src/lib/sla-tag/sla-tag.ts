import { booleanAttribute, ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

const COLOURS: Record<string, string> = {
  on_time: 'green',
  warning: 'orange',
  overdue: 'red',
  late: 'gold',
  stopped_on_time: 'cyan',
  stopped_late: 'gold',
};

/**
 * The SLA state of a step, application or clock as a coloured tag: on time, warning, overdue, met, missed. Something
 * `finished` past its limit is an amber "late", not a red "overdue" that reads as a failure.
 */
@Component({
  selector: 'crm-sla-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, TranslatePipe],
  templateUrl: './sla-tag.html',
})
export class SlaTag {
  readonly sla = input.required<string>();
  /** The step or application is done: overdue reads as finished late. */
  readonly finished = input(false, { transform: booleanAttribute });
  protected readonly shown = computed(() => (this.finished() && this.sla() === 'overdue' ? 'late' : this.sla()));
  protected readonly colour = computed(() => COLOURS[this.shown()] ?? 'default');
}
