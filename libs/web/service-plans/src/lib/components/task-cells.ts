import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ServiceTask } from '@crm/shared/domain';
import { DisplayPipe, MessagePipe, TableColumn, TableRow } from '@crm/web/ui';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { taskDetail } from '../tasks';

/** The columns every task list starts with; `dueOn` and `source` are drawn by `crm-task-due` and `crm-task-source`. */
export const TASK_COLUMNS: TableColumn<ServiceTask>[] = [
  { key: 'dueOn', label: 'servicePlans.dueOn' },
  { key: 'kind', label: 'servicePlans.kindLabel', kind: 'enum', labels: 'servicePlans.kind.' },
];

/** A task row: red while overdue, with its `data-testid`. */
export function taskRow(testId: string): TableRow<ServiceTask> {
  return {
    attrs: (t) => ({ 'data-testid': testId, 'data-task-id': t.id }),
    class: (t) => (t.overdue ? 'overdue' : ''),
  };
}

/** A task's due day, tagged while overdue. */
@Component({
  selector: 'crm-task-due',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DisplayPipe, TranslatePipe, NzTagModule],
  template: `
    {{ task().dueOn | crmFormat: 'date' }}
    @if (task().overdue) {
      <nz-tag nzColor="red">{{ 'servicePlans.overdue' | translate }}</nz-tag>
    }
  `,
  styles: `
    :host {
      white-space: nowrap;
    }
  `,
})
export class TaskDue {
  readonly task = input.required<ServiceTask>();
}

/** Where a task comes from: its plan or its trigger, and what it is about when that says more. */
@Component({
  selector: 'crm-task-source',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, MessagePipe],
  template: `
    {{ task().plan?.name ?? ('servicePlans.trigger.' + task().trigger | translate) }}
    @if (detail(task()); as d) {
      <div class="crm-muted">{{ d | message }}</div>
    }
  `,
})
export class TaskSource {
  readonly task = input.required<ServiceTask>();
  protected readonly detail = taskDetail;
}
