import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CLOCK_OUTCOMES, CLOCK_STATES, PersonRef, SATISFACTION_SCORES, WORK_ORDER_STATES } from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList, saveFile } from '@crm/web/core';
import { ExportChoice, ExportMenu, FilterBar, ListFilter, managerFilter } from '@crm/web/ui';
import { HttpClient } from '@angular/common/http';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { RequestTable } from '../components/request-table';
import { dayAfter, dayOf } from '../order-rules';
import { WorkOrderNames } from '../work-order-names';
import { RequestQuery, WorkOrdersApi } from '../work-orders.api';

const PAGE_SIZE = 20;
const FLAGS = ['true', 'false'];
/** The quick views: every order, the escalation list, the contradicting callbacks. */
const VIEWS = ['all', 'escalated', 'contradicted'] as const;
type View = (typeof VIEWS)[number];
/** Filters the service-quality report's figures open the list with, shown as tags that clear them. */
const FIGURE_FILTERS = ['contactClock', 'resolutionClock', 'satisfaction', 'rated', 'urged'] as const;

/**
 * The requests list: filters in the URL, clocks in words and colour, the escalation and contradiction views for
 * leadership, and the export of what is filtered.
 */
@Component({
  selector: 'crm-request-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    ExportMenu,
    FilterBar,
    RequestTable,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzIconModule,
    NzSegmentedModule,
    NzTagModule,
  ],
  templateUrl: './request-list.page.html',
  styles: `
    .views {
      margin-bottom: 16px;
    }
    .figure-filters {
      margin: -8px 0 12px;
    }
    .total {
      align-self: center;
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class RequestListPage implements OnInit {
  private readonly api = inject(WorkOrdersApi);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  protected readonly names = inject(WorkOrderNames);
  protected readonly list = pagedList({
    filters: {
      state: { allowed: WORK_ORDER_STATES },
      type: {},
      channel: {},
      sla: { allowed: CLOCK_STATES },
      managerId: {},
      escalated: { allowed: FLAGS },
      contradicted: { allowed: FLAGS },
      topic: {},
      contactClock: { allowed: CLOCK_OUTCOMES },
      resolutionClock: { allowed: CLOCK_OUTCOMES },
      satisfaction: { allowed: SATISFACTION_SCORES },
      rated: { allowed: FLAGS },
      urged: { allowed: FLAGS },
      q: {},
      from: {},
      to: {},
      open: { allowed: FLAGS },
      region: {},
    },
    searchKey: 'q',
    pageSize: PAGE_SIZE,
    sort: '-receivedAt',
    sorts: ['receivedAt', 'contactDueAt', 'resolveDueAt'],
    fetch: (query) => this.api.list(this.apiQuery(query)),
  });
  protected readonly managers = signal<PersonRef[]>([]);
  private readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly filters = computed((): ListFilter[] => [
    {
      key: 'state',
      placeholder: 'requests.state',
      options: WORK_ORDER_STATES,
      labels: 'requests.states.',
      testId: 'filter-state',
    },
    { key: 'type', placeholder: 'requests.type', options: this.names.options('types'), testId: 'filter-type' },
    {
      key: 'channel',
      placeholder: 'requests.channel',
      options: this.names.options('channels'),
      testId: 'filter-channel',
    },
    { key: 'topic', placeholder: 'requests.topic', options: this.names.options('topics'), testId: 'filter-topic' },
    { key: 'sla', placeholder: 'requests.sla', options: CLOCK_STATES, labels: 'sla.', testId: 'filter-sla' },
    ...(this.isManager() ? [] : [managerFilter('requests.owner', this.managers(), 'filter-manager')]),
  ]);
  protected readonly views = computed(() => {
    this.language.current();
    return VIEWS.map((v) => ({ value: v, label: this.translate.instant(`requests.views.${v}`) as string }));
  });
  protected readonly view = computed((): View => {
    const { escalated, contradicted } = this.list.filters();
    return escalated === 'true' ? 'escalated' : contradicted === 'true' ? 'contradicted' : 'all';
  });
  /** The report's filters in force, each as a tag text (`requests.figure.<key>.<value>`) and its key. */
  protected readonly figureFilters = computed(() => {
    this.language.current();
    const filters = this.list.filters() as Partial<Record<(typeof FIGURE_FILTERS)[number], string>>;
    return FIGURE_FILTERS.filter((key) => filters[key]).map((key) => ({
      key,
      text: this.translate.instant(`requests.figure.${key}.${filters[key]}`) as string,
    }));
  });
  protected readonly range = computed(() => {
    const { from, to } = this.list.query();
    return from && to ? [new Date(`${from}T00:00`), new Date(`${to}T00:00`)] : [];
  });

  ngOnInit(): void {
    if (!this.isManager()) {
      void firstValueFrom(this.http.get<PersonRef[]>('/api/managers')).then((m) => this.managers.set(m));
    }
  }

  protected showView(view: View): void {
    this.list.setFilters({
      escalated: view === 'escalated' ? 'true' : undefined,
      contradicted: view === 'contradicted' ? 'true' : undefined,
    });
  }

  protected clearFigureFilter(key: (typeof FIGURE_FILTERS)[number]): void {
    this.list.setFilters({ [key]: undefined });
  }

  protected pickRange(range: Date[] | null): void {
    this.list.setFilters(
      range?.length === 2 ? { from: dayOf(range[0]), to: dayOf(range[1]) } : { from: undefined, to: undefined },
    );
  }

  protected async download(choice: ExportChoice): Promise<void> {
    const blob = await this.api.export(this.apiQuery(this.list.filters()), choice);
    saveFile(`requests.${choice.format}`, blob);
  }

  /** The URL keeps the picked last day; the API's `to` is exclusive. */
  private apiQuery<Q extends Partial<RequestQuery>>(query: Q): Q {
    return { ...query, to: query.to ? dayAfter(query.to) : undefined };
  }
}
