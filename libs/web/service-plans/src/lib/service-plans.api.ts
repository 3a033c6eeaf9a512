import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApplicationListItem,
  EnergyAdvice,
  NotificationPage,
  Page,
  PlanTemplate,
  PlanTemplateFields,
  ServiceTask,
  TaskOutcome,
  TaskState,
} from '@crm/shared/domain';
import { httpParams, OWN_ERRORS } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';
import { CompletionFigures } from './completion';

/** My day's time-limit card: the open applications past their step's limit, and those close to it. */
export interface ApplicationsAtRisk {
  overdue: Page<ApplicationListItem>;
  warning: Page<ApplicationListItem>;
}

/** A customer's running enrolment in a plan. */
export interface PlanEnrolment {
  id: string;
  plan: { id: string; name: string };
  /** The segment the customer was enrolled through; null when enrolled on their own. */
  segmentId: string | null;
  enrolledOn: string;
  /** Null: until unenrolled. */
  endsOn: string | null;
}

export interface TaskQuery {
  /** Open tasks on today's list: due, overdue, or within their lead time. */
  today?: boolean;
  /** Due from (YYYY-MM-DD). */
  from?: string;
  /** Due until (YYYY-MM-DD), included. */
  to?: string;
  state?: TaskState;
  customerId?: string;
  /** Open tasks past their due date ('true') or the others ('false'). */
  overdue?: string;
  region?: string;
  /** Only the tasks of this account manager's customers (My day: the caller's own). */
  managerId?: string;
  page?: number;
  /** At most 500. */
  pageSize?: number;
  /** A field of SERVICE_TASK_SORT_FIELDS, after - for descending; by due date when absent. */
  sort?: string;
}

export interface TaskCompletion {
  outcome: TaskOutcome;
  notes?: string;
  /** YYYY-MM-DD. */
  visitedOn: string;
}

/** Completion of the tasks due before today, per manager and per plan. */
export interface TaskStats {
  byManager: (CompletionFigures & { manager: { id: string; displayName: string } })[];
  byPlan: (CompletionFigures & { plan: { id: string; name: string } })[];
}

/** Every HTTP call of the service plan pages, and the applications and notifications the manager's day shows besides. */
@Injectable({ providedIn: 'root' })
export class ServicePlansApi {
  private readonly http = inject(HttpClient);

  plans(): Promise<PlanTemplate[]> {
    return firstValueFrom(this.http.get<PlanTemplate[]>('/api/plans'));
  }

  createPlan(fields: PlanTemplateFields): Promise<PlanTemplate> {
    return firstValueFrom(this.http.post<PlanTemplate>('/api/plans', fields, OWN_ERRORS));
  }

  updatePlan(id: string, fields: PlanTemplateFields): Promise<PlanTemplate> {
    return firstValueFrom(this.http.put<PlanTemplate>(`/api/plans/${id}`, fields, OWN_ERRORS));
  }

  enrolCustomer(planId: string, customerId: string): Promise<PlanEnrolment> {
    return firstValueFrom(this.http.post<PlanEnrolment>(`/api/plans/${planId}/enrolments`, { customerId }));
  }

  /** Enrols a segment's members now (and its joiners later); answers how many were enrolled. */
  enrolSegment(planId: string, segmentId: string): Promise<{ enrolled: number }> {
    return firstValueFrom(this.http.post<{ enrolled: number }>(`/api/plans/${planId}/segments`, { segmentId }));
  }

  unenrol(enrolmentId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/plans/enrolments/${enrolmentId}`));
  }

  customerPlans(customerId: string): Promise<PlanEnrolment[]> {
    return firstValueFrom(this.http.get<PlanEnrolment[]>(`/api/customers/${customerId}/plans`));
  }

  /** Tasks ordered by due date, or by `sort`. */
  tasks(query: TaskQuery): Promise<Page<ServiceTask>> {
    return firstValueFrom(this.http.get<Page<ServiceTask>>('/api/service-tasks', { params: httpParams(query) }));
  }

  /** Records the outcome of an open task (its customer's account manager, or an admin). */
  completeTask(id: string, completion: TaskCompletion): Promise<ServiceTask> {
    return firstValueFrom(this.http.post<ServiceTask>(`/api/service-tasks/${id}/complete`, completion, OWN_ERRORS));
  }

  /** The customer's last 12 months analysed for the energy-efficiency advice. */
  energyAdvice(customerId: string): Promise<EnergyAdvice> {
    return firstValueFrom(this.http.get<EnergyAdvice>(`/api/customers/${customerId}/energy-advice`));
  }

  stats(): Promise<TaskStats> {
    return firstValueFrom(this.http.get<TaskStats>('/api/service-tasks/stats'));
  }

  /** The open applications in scope past their step's time limit and those close to it: the first `limit` of each, and how many. */
  async applicationsAtRisk(limit: number): Promise<ApplicationsAtRisk> {
    const list = (sla: 'overdue' | 'warning') =>
      firstValueFrom(
        this.http.get<Page<ApplicationListItem>>('/api/applications', {
          params: httpParams({ status: 'open', sla, pageSize: limit }),
        }),
      );
    const [overdue, warning] = await Promise.all([list('overdue'), list('warning')]);
    return { overdue, warning };
  }

  /** The latest notifications of the signed-in user, as the header's bell lists them. */
  latestNotifications(pageSize: number): Promise<NotificationPage> {
    return firstValueFrom(this.http.get<NotificationPage>('/api/notifications', { params: httpParams({ pageSize }) }));
  }
}
