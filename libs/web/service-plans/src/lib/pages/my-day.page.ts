import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ApplicationListItem, chinaDate, Notification, ServiceTask } from '@crm/shared/domain';
import { AuthStore, LanguageService } from '@crm/web/core';
import { NotificationTexts } from '@crm/web/notifications';
import { FindingsToRectify } from '@crm/web/marketing-audit';
import { RequestsDue } from '@crm/web/work-orders';
import { CellDef, DataTable, ListCard, SlaTag, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CompleteTaskDialog } from '../components/complete-task-dialog';
import { TASK_COLUMNS, TaskDue, taskRow, TaskSource } from '../components/task-cells';
import { TaskCalendar } from '../components/task-calendar';
import { ServicePlansApi } from '../service-plans.api';
import { overdueFirst } from '../tasks';

/** The most tasks today's list fetches (the API's largest page). */
const MAX_TASKS = 500;
const PAGE_SIZE = 20;
const APPLICATIONS = 10;
const NOTIFICATIONS = 8;

/**
 * The account manager's day: the service tasks to do today (overdue first), each completed through a dialog;
 * the applications whose SLA is running out; the requests due today or overdue; an account manager's audit findings to
 * rectify; the latest notifications; and a week or month calendar of tasks.
 * Other roles see the same for every customer in their scope.
 */
@Component({
  selector: 'crm-my-day-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    TranslatePipe,
    CellDef,
    DataTable,
    ListCard,
    SlaTag,
    CompleteTaskDialog,
    TaskCalendar,
    TaskDue,
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
    :host ::ng-deep tr.overdue td {
      color: #cf1322;
    }
    .unread {
      font-weight: 500;
    }
  `,
})
export class MyDayPage implements OnInit {
  private readonly api = inject(ServicePlansApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly notificationTexts = inject(NotificationTexts);
  protected readonly notificationText = (n: Notification) => this.notificationTexts.of(n);
  private readonly calendar = viewChild.required(TaskCalendar);
  /** Today as the API counts days (China's date). */
  protected readonly today = chinaDate(new Date());
  protected readonly pageSize = PAGE_SIZE;
  protected readonly tasks = signal<ServiceTask[]>([]);
  /** Today's tasks in all, of which the list holds the first MAX_TASKS. */
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly applications = signal<ApplicationListItem[]>([]);
  protected readonly notifications = signal<Notification[]>([]);
  /** The task whose completion dialog is open. */
  protected readonly completing = signal<ServiceTask | null>(null);
  protected readonly overdueCount = computed(() => this.tasks().filter((t) => t.overdue).length);
  private readonly showManager = computed(() => this.auth.user()?.role !== 'account_manager');
  /** Rectifying audit findings is the account manager's. */
  protected readonly isManager = computed(() => !this.showManager());
  protected readonly columns = computed((): TableColumn<ServiceTask>[] => [
    ...TASK_COLUMNS,
    { key: 'customer', label: 'servicePlans.customer' },
    { key: 'source', label: 'servicePlans.source' },
    ...(this.showManager()
      ? [{ key: 'manager', label: 'servicePlans.manager', value: (t: ServiceTask) => t.manager?.displayName }]
      : []),
    { key: 'complete', label: '' },
  ]);
  protected readonly row = taskRow('today-task');
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');

  ngOnInit(): void {
    void this.loadTasks();
    void this.api.applicationsAtRisk(APPLICATIONS).then((a) => this.applications.set(a));
    void this.api.latestNotifications(NOTIFICATIONS).then((page) => this.notifications.set(page.items));
  }

  /** The customer's account manager or an admin completes a task. */
  protected canComplete(task: ServiceTask): boolean {
    const user = this.auth.user();
    return !!user && (user.role === 'admin' || task.manager?.id === user.id);
  }

  protected onCompleted(task: ServiceTask): void {
    this.completing.set(null);
    this.tasks.update((tasks) => tasks.filter((t) => t.id !== task.id));
    this.total.update((n) => n - 1);
    this.message.success(this.translate.instant('servicePlans.completedMessage', { customer: task.customer.name }));
    void this.calendar().reload();
  }

  private async loadTasks(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.tasks({ today: true, pageSize: MAX_TASKS });
      this.tasks.set(overdueFirst(page.items));
      this.total.set(page.total);
    } finally {
      this.loading.set(false);
    }
  }
}
