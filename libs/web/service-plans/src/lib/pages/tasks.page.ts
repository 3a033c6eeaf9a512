import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import {
  chinaDate,
  PersonRef,
  SERVICE_TASK_SORT_FIELDS,
  ServiceTask,
  TASK_STATES,
  TaskState,
} from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList, ReferenceApi, Region } from '@crm/web/core';
import { LIST_PAGE, ListFilter, managerFilter, TableColumn } from '@crm/web/ui';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ServicePlansApi } from '../service-plans.api';
import { daysOverdue, taskColour } from '../tasks';

const FLAGS = ['true', 'false'];

/**
 * Every service task in the caller's scope (issue 16: the overdue tasks tile opens it with `overdue=true` and the
 * cockpit's region and manager): filters, sort and page in the URL, the total beside the pager. Leadership, admins
 * and marketing see every customer's tasks; an account manager their own customers' only.
 */
@Component({
  selector: 'crm-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, DecimalPipe, NzTagModule],
  templateUrl: './tasks.page.html',
})
export class TasksPage implements OnInit {
  private readonly api = inject(ServicePlansApi);
  private readonly auth = inject(AuthStore);
  private readonly reference = inject(ReferenceApi);
  private readonly language = inject(LanguageService);
  private readonly regions = signal<Region[]>([]);
  private readonly managers = signal<PersonRef[]>([]);
  /** An account manager's list is theirs already: no manager filter. */
  private readonly manager = computed(() => this.auth.hasRole(['account_manager']));
  protected readonly today = chinaDate(new Date());

  protected readonly list = pagedList({
    filters: {
      overdue: { allowed: FLAGS },
      state: { allowed: TASK_STATES },
      region: {},
      managerId: {},
    },
    sort: 'dueOn',
    sorts: SERVICE_TASK_SORT_FIELDS,
    fetch: ({ state, ...query }) => this.api.tasks({ ...query, state: state as TaskState | undefined }),
  });

  protected readonly filters = computed((): ListFilter[] => {
    const zh = this.language.current() === 'zh-CN';
    return [
      {
        key: 'overdue',
        placeholder: 'servicePlans.tasks.overdueFilter',
        options: FLAGS,
        labels: 'servicePlans.tasks.overdueOption.',
        testId: 'tasks-filter-overdue',
      },
      {
        key: 'state',
        placeholder: 'servicePlans.tasks.stateFilter',
        options: TASK_STATES,
        labels: 'servicePlans.tasks.state.',
        testId: 'tasks-filter-state',
      },
      {
        key: 'region',
        placeholder: 'servicePlans.tasks.region',
        options: this.regions().map((r) => ({ value: r.nameZh, label: zh ? r.nameZh : r.nameEn })),
        testId: 'tasks-filter-region',
      },
      ...(this.manager() ? [] : [managerFilter('servicePlans.manager', this.managers(), 'tasks-filter-manager')]),
    ];
  });

  protected readonly columns: TableColumn<ServiceTask>[] = [
    { key: 'customer', label: 'servicePlans.customer', sort: 'customer' },
    { key: 'manager', label: 'servicePlans.manager', sort: 'manager', value: (t) => t.manager?.displayName },
    { key: 'kind', label: 'servicePlans.kindLabel', kind: 'enum', labels: 'servicePlans.kind.', sort: 'kind' },
    { key: 'dueOn', label: 'servicePlans.dueOn', kind: 'date', sort: 'dueOn' },
    {
      key: 'daysOverdue',
      label: 'servicePlans.tasks.daysOverdue',
      kind: 'number',
      value: (t) => daysOverdue(t, this.today),
    },
    { key: 'state', label: 'servicePlans.tasks.stateFilter' },
  ];
  protected readonly row = { attrs: (t: ServiceTask) => ({ 'data-testid': `task-${t.id}` }) };
  protected readonly colour = taskColour;

  ngOnInit(): void {
    void this.reference.regions().then((regions) => this.regions.set(regions));
    if (!this.manager()) void this.reference.managers().then((managers) => this.managers.set(managers));
  }
}
