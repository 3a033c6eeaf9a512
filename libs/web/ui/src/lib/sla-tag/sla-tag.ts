import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

const COLOURS: Record<string, string> = {
  on_time: 'green',
  warning: 'orange',
  overdue: 'red',
  stopped_on_time: 'cyan',
  stopped_late: 'volcano',
};

/** The SLA state of a step, application or clock as a coloured tag: on time, warning, overdue, met, missed. */
@Component({
  selector: 'crm-sla-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, TranslatePipe],
  templateUrl: './sla-tag.html',
})
export class SlaTag {
  readonly sla = input.required<string>();
  protected readonly colour = computed(() => COLOURS[this.sla()] ?? 'default');
}
