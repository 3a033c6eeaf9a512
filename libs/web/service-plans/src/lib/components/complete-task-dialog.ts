import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { MessagePipe } from '@crm/web/ui';
import { shownError } from '@crm/web/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { chinaDate, ServiceTask, TASK_OUTCOMES, TaskOutcome } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { isoDate, localDate } from '../dates';
import { ServicePlansApi } from '../service-plans.api';
import { taskDetail } from '../tasks';

/** Today (China's date, as the API counts days) for the date picker. */
const today = () => localDate(chinaDate(new Date()));

/** Records how a task went: its outcome, the day of the visit (today unless told otherwise) and notes. */
@Component({
  selector: 'crm-complete-task-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MessagePipe,
    FormsModule,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
  ],
  templateUrl: './complete-task-dialog.html',
  styles: `
    .field {
      margin-bottom: 12px;
    }
    .label {
      display: block;
      margin-bottom: 4px;
    }
  `,
})
export class CompleteTaskDialog {
  /** The task to complete; the dialog shows while it is set. */
  readonly task = input<ServiceTask | null>(null);
  readonly completed = output<ServiceTask>();
  readonly closed = output<void>();
  private readonly api = inject(ServicePlansApi);
  protected readonly outcomes = TASK_OUTCOMES;
  protected readonly outcome = signal<TaskOutcome>('completed');
  protected readonly visitedOn = signal(today());
  protected readonly notes = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly isFuture = (date: Date) => isoDate(date) > chinaDate(new Date());
  protected readonly detail = taskDetail;

  constructor() {
    // Each task starts from a clean form.
    effect(() => {
      if (!this.task()) return;
      this.outcome.set('completed');
      this.visitedOn.set(today());
      this.notes.set('');
      this.error.set(null);
    });
  }

  protected async submit(): Promise<void> {
    const task = this.task();
    if (!task) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const notes = this.notes().trim();
      const done = await this.api.completeTask(task.id, {
        outcome: this.outcome(),
        visitedOn: isoDate(this.visitedOn()),
        ...(notes ? { notes } : {}),
      });
      this.completed.emit(done);
    } catch (e) {
      this.error.set(shownError(e).message);
    } finally {
      this.saving.set(false);
    }
  }
}
