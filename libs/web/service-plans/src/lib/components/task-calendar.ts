import { NgTemplateOutlet, SlicePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { addCalendarDays, chinaDate, ServiceTask } from '@crm/shared/domain';
import { AuthStore } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCalendarModule } from 'ng-zorro-antd/calendar';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { addMonths, isoDate, localDate, monthGridOf, weekOf } from '../dates';
import { ServicePlansApi } from '../service-plans.api';
import { taskColour, tasksByDay } from '../tasks';

/** The most tasks one request brings (the API's largest page). */
const MAX_TASKS = 500;
/** Tasks a day of the month view lists before "+N". */
const MONTH_CELL_TASKS = 2;

type View = 'week' | 'month';

/**
 * The caller's own tasks (those of their customers) on a calendar, a week (seven columns) or a month at a time: each
 * day's tasks (kind and customer) coloured by state, overdue in red. The tasks of the visible dates are fetched as
 * they change.
 */
@Component({
  selector: 'crm-task-calendar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NgTemplateOutlet,
    RouterLink,
    SlicePipe,
    TranslatePipe,
    NzButtonModule,
    NzCalendarModule,
    NzIconModule,
    NzSegmentedModule,
    NzSpinModule,
    NzTagModule,
  ],
  templateUrl: './task-calendar.html',
  styles: `
    .toolbar {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 12px;
    }
    .title {
      margin-left: 8px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
    .week {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
      border: 1px solid #f0f0f0;
    }
    .day {
      min-height: 160px;
      padding: 6px;
      border-left: 1px solid #f0f0f0;
    }
    .day:first-child {
      border-left: none;
    }
    .day.today {
      background: #e6f4ff;
    }
    .day-head {
      font-weight: 500;
      margin-bottom: 6px;
    }
    .none {
      text-align: center;
    }
    .cell {
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 12px;
    }
    .cell nz-tag {
      font-size: 12px;
      line-height: 18px;
      padding-inline: 4px;
    }
    .task {
      display: flex;
      align-items: center;
      gap: 4px;
      margin-bottom: 4px;
      white-space: nowrap;
      overflow: hidden;
      color: rgba(0, 0, 0, 0.88);
    }
    .task nz-tag {
      margin-inline-end: 0;
    }
    .customer {
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `,
})
export class TaskCalendar {
  private readonly api = inject(ServicePlansApi);
  private readonly auth = inject(AuthStore);
  /** Today as the API counts days (China's date), so that overdue tasks lie before it. */
  protected readonly today = chinaDate(new Date());
  protected readonly monthCellTasks = MONTH_CELL_TASKS;
  protected readonly view = signal<View>('week');
  /** A date within the week or month shown. */
  protected readonly anchor = signal(this.today);
  protected readonly anchorDate = computed(() => localDate(this.anchor()));
  protected readonly week = computed(() => weekOf(this.anchor()));
  private readonly range = computed(() => (this.view() === 'week' ? this.week() : monthGridOf(this.anchor())));
  protected readonly tasks = signal<ServiceTask[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  private readonly byDay = computed(() => tasksByDay(this.tasks()));
  protected readonly iso = isoDate;
  protected readonly colour = taskColour;

  constructor() {
    effect(() => void this.load(this.range().from, this.range().to));
  }

  /** Fetches the visible tasks again (after one changed). */
  reload(): Promise<void> {
    return this.load(this.range().from, this.range().to);
  }

  protected tasksOn(day: string): ServiceTask[] {
    return this.byDay().get(day) ?? [];
  }

  /** The week view of the week of `day`, where all its tasks show. */
  protected showWeekOf(day: string): void {
    this.anchor.set(day);
    this.view.set('week');
  }

  /** The next (1) or previous (-1) week or month. */
  protected move(step: 1 | -1): void {
    this.anchor.set(this.view() === 'week' ? addCalendarDays(this.anchor(), 7 * step) : addMonths(this.anchor(), step));
  }

  private async load(from: string, to: string): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.tasks({ from, to, managerId: this.auth.user()?.id, pageSize: MAX_TASKS });
      // A later range may have been asked for meanwhile: keep only the answer for the visible one.
      if (from !== this.range().from || to !== this.range().to) return;
      this.tasks.set(page.items);
      this.total.set(page.total);
    } finally {
      this.loading.set(false);
    }
  }
}
