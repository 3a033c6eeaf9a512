import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { chinaDate, Notification, ServiceTask } from '@crm/shared/domain';
import { AuthStore, Loader } from '@crm/web/core';
import { NotificationTexts } from '@crm/web/notifications';
import { FindingsToRectify } from '@crm/web/marketing-audit';
import { RequestsDue } from '@crm/web/work-orders';
import { ListCard, LoadStatus, TABLE, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApplicationsAtRiskCard } from '../components/applications-at-risk';
import { CompleteTaskDialog } from '../components/complete-task-dialog';
import { TASK_COLUMNS, taskRow, TaskSource } from '../components/task-cells';
import { TaskCalendar } from '../components/task-calendar';
import { ApplicationsAtRisk, ServicePlansApi } from '../service-plans.api';
import { groupTasks } from '../tasks';

/** The most tasks today's list fetches (the API's largest page). */
const MAX_TASKS = 500;
const PAGE_SIZE = 20;
/** Applications the time-limit card lists of each part (overdue, warning). */
const APPLICATIONS = 5;
const NOTIFICATIONS = 8;

/**
 * The account manager's day: the caller's own open service tasks grouped as overdue, today and this week (later ones
 * apart), each group with its count and each task completed through a dialog; the applications past or close to their
 * time limit, apart with their counts; the requests due today or overdue; an account manager's audit findings to
 * rectify; the latest notifications; and a week or month calendar of the caller's tasks. Only the caller's own tasks,
 * whatever the role: a role without customers of its own has none (and the page is not in its navigation).
 */
@Component({
  selector: 'crm-my-day-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TABLE,
    DatePipe,
    RouterLink,
    TranslatePipe,
    ListCard,
    LoadStatus,
    ApplicationsAtRiskCard,
    CompleteTaskDialog,
    TaskCalendar,
    TaskSource,
    RequestsDue,
    FindingsToRectify,
    NzButtonModule,
    NzCardModule,
    NzGridModule,
    NzIconModule,
    NzTagModule,
  ],
  templateUrl: './my-day.page.html',
  styles: `
    .group + .group {
      margin-top: 16px;
    }
    h3 {
      margin: 0 0 8px;
      font-size: 15px;
    }
    /* The group says whether a task is overdue: its due date needs no red mark of its own. */
    .due {
      white-space: nowrap;
    }
    .unread {
      font-weight: 500;
    }
  `,
})
export class MyDayPage implements OnInit {
  private readonly api = inject(ServicePlansApi);
  private readonly auth = inject(AuthStore);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly notificationTexts = inject(NotificationTexts);
  protected readonly notificationText = (n: Notification) => this.notificationTexts.of(n);
  private readonly calendar = viewChild.required(TaskCalendar);
  /** Today as the API counts days (China's date). */
  protected readonly today = chinaDate(new Date());
  protected readonly pageSize = PAGE_SIZE;
  protected readonly tasks = signal<ServiceTask[]>([]);
  /** The caller's open tasks in all, of which the list holds the first MAX_TASKS. */
  protected readonly total = signal(0);
  protected readonly taskLoad = new Loader();
  protected readonly loading = this.taskLoad.loading;
  protected readonly groups = computed(() => groupTasks(this.tasks(), this.today));
  /** The groups are shown once the tasks are loaded (no counts of 0 while loading), and not after a failed load. */
  protected readonly tasksShown = computed(
    () => !this.taskLoad.error() && (!this.loading() || this.tasks().length > 0),
  );
  /** Null while loading. */
  protected readonly atRisk = signal<ApplicationsAtRisk | null>(null);
  protected readonly notifications = signal<Notification[]>([]);
  protected readonly notificationLoad = new Loader();
  /** The task whose completion dialog is open. */
  protected readonly completing = signal<ServiceTask | null>(null);
  /** Rectifying audit findings is the account manager's. */
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly columns: TableColumn<ServiceTask>[] = [
    ...TASK_COLUMNS,
    { key: 'customer', label: 'servicePlans.customer' },
    { key: 'source', label: 'servicePlans.source' },
    { key: 'complete', label: '' },
  ];
  protected readonly row = taskRow('today-task');
  /** Times shown in China's time, as the API counts days. */
  protected readonly CHINA = '+0800';

  ngOnInit(): void {
    void this.taskLoad.run(
      () => this.api.tasks({ today: true, managerId: this.auth.user()?.id, pageSize: MAX_TASKS }),
      (page) => {
        this.tasks.set(page.items);
        this.total.set(page.total);
      },
    );
    void this.api.applicationsAtRisk(APPLICATIONS).then((a) => this.atRisk.set(a));
    void this.notificationLoad.run(
      () => this.api.latestNotifications(NOTIFICATIONS),
      (page) => this.notifications.set(page.items),
    );
  }

  protected onCompleted(task: ServiceTask): void {
    this.completing.set(null);
    this.tasks.update((tasks) => tasks.filter((t) => t.id !== task.id));
    this.total.update((n) => n - 1);
    this.message.success(this.translate.instant('servicePlans.completedMessage', { customer: task.customer.name }));
    void this.calendar().reload();
  }
}
