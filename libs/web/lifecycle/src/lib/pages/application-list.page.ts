import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { APPLICATION_TYPES, ApplicationListItem, SLA_STATES } from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList } from '@crm/web/core';
import { LIST_PAGE, ListFilter, TableColumn, TableRow } from '@crm/web/ui';
import { ApplicationSla } from '../components/application-sla';
import { applicationColumns } from '../application-columns';
import { LifecycleApi } from '../lifecycle.api';

/** The applications list: open ones first, most urgent first, coloured by SLA. */
@Component({
  selector: 'crm-application-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, ApplicationSla],
  templateUrl: './application-list.page.html',
})
export class ApplicationListPage {
  private readonly api = inject(LifecycleApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly statuses = ['open', 'completed', 'cancelled'];
  protected readonly filters: ListFilter[] = [
    {
      key: 'status',
      placeholder: 'applications.status',
      options: this.statuses,
      labels: 'applicationStatus.',
      testId: 'filter-status',
    },
    { key: 'sla', placeholder: 'applications.sla', options: SLA_STATES, labels: 'sla.', testId: 'filter-sla' },
    {
      key: 'type',
      placeholder: 'applications.type',
      options: APPLICATION_TYPES,
      labels: 'applicationType.',
      testId: 'filter-type',
    },
  ];
  protected readonly list = pagedList({
    filters: {
      status: { default: 'open', allowed: this.statuses },
      sla: { allowed: SLA_STATES },
      type: { allowed: APPLICATION_TYPES },
      managerId: {},
      region: {},
      completedFrom: {},
      completedTo: {},
    },
    fetch: (query) => this.api.list(query),
  });
  private readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  private readonly column = applicationColumns(() => this.language.current() === 'zh-CN');
  protected readonly columns = computed((): TableColumn<ApplicationListItem>[] => [
    {
      key: 'customer',
      label: 'applications.customer',
      value: (a) => a.customer.name,
      detail: (a) => a.customer.accountNo,
    },
    this.column.type,
    this.column.currentStep,
    this.column.dueDate,
    this.column.daysOverdue,
    this.column.sla,
    ...(this.isManager()
      ? []
      : [
          {
            key: 'manager',
            label: 'applications.manager',
            value: (a: ApplicationListItem) => a.accountManager?.displayName,
          },
        ]),
    this.column.receivedAt,
    this.column.status,
  ]);
  protected readonly row: TableRow<ApplicationListItem> = {
    attrs: (a) => ({ 'data-testid': `application-${a.id}` }),
    link: (a) => ['/applications', a.id],
  };
}
