import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { PlanTemplate, ServiceTask } from '@crm/shared/domain';
import { ConfirmLink, DisplayPipe, TABLE, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { PlanEnrolment, ServicePlansApi } from '../service-plans.api';
import { TASK_COLUMNS, TaskDue, taskRow, TaskSource } from './task-cells';

/** Open tasks the card lists, soonest due first. */
const TASKS = 50;

/** The customer page's service plans: the plans the customer is enrolled in, enrolling and unenrolling, open tasks. */
@Component({
  selector: 'crm-customer-plans',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TABLE,
    DisplayPipe,
    RouterLink,
    FormsModule,
    TranslatePipe,
    TaskDue,
    TaskSource,
    NzButtonModule,
    NzCardModule,
    ConfirmLink,
    NzSelectModule,
    NzTagModule,
  ],
  templateUrl: './customer-plans.html',
  styles: `
    .enrol {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .plan-select {
      width: 200px;
      max-width: 100%;
    }
    .tasks-title {
      margin-top: 16px;
    }
    :host ::ng-deep tr.overdue td {
      color: #cf1322;
    }
  `,
})
export class CustomerPlansCard {
  readonly customerId = input.required<string>();
  private readonly api = inject(ServicePlansApi);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  protected readonly enrolments = signal<PlanEnrolment[]>([]);
  protected readonly plans = signal<PlanTemplate[]>([]);
  protected readonly tasks = signal<ServiceTask[]>([]);
  protected readonly tasksTotal = signal(0);
  protected readonly planId = signal<string | null>(null);
  protected readonly enrolling = signal(false);
  protected readonly enrolmentColumns: TableColumn<PlanEnrolment>[] = [
    { key: 'plan', label: 'servicePlans.plan' },
    { key: 'enrolledOn', label: 'servicePlans.since', kind: 'date' },
    { key: 'until', label: 'servicePlans.until' },
    { key: 'unenrol', label: '' },
  ];
  protected readonly taskColumns = [...TASK_COLUMNS, { key: 'source', label: 'servicePlans.source' }];
  protected readonly enrolmentRow = { attrs: () => ({ 'data-testid': 'enrolment' }) };
  protected readonly taskRow = taskRow('customer-task');
  /** The plans the customer is not enrolled in yet. */
  protected readonly choosable = computed(() => {
    const enrolled = new Set(this.enrolments().map((e) => e.plan.id));
    return this.plans().filter((p) => !enrolled.has(p.id));
  });

  constructor() {
    effect(() => void this.load(this.customerId()));
    void this.api.plans().then((plans) => this.plans.set(plans));
  }

  protected async enrolCustomer(): Promise<void> {
    const plan = this.choosable().find((p) => p.id === this.planId());
    if (!plan) return;
    this.enrolling.set(true);
    try {
      await this.api.enrolCustomer(plan.id, this.customerId());
      this.message.success(this.translate.instant('servicePlans.enrolledMessage', { plan: plan.name }));
      this.planId.set(null);
      await this.load(this.customerId());
    } finally {
      this.enrolling.set(false);
    }
  }

  protected async unenrol(enrolment: PlanEnrolment): Promise<void> {
    await this.api.unenrol(enrolment.id);
    this.message.success(this.translate.instant('servicePlans.unenrolledMessage', { plan: enrolment.plan.name }));
    await this.load(this.customerId());
  }

  private async load(customerId: string): Promise<void> {
    const [enrolments, tasks] = await Promise.all([
      this.api.customerPlans(customerId),
      this.api.tasks({ customerId, state: 'open', pageSize: TASKS }),
    ]);
    this.enrolments.set(enrolments);
    this.tasks.set(tasks.items);
    this.tasksTotal.set(tasks.total);
  }
}
