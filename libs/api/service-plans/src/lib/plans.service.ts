import { Injectable } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { CustomersService } from '@crm/api/customers';
import { rejectProblems } from '@crm/api/http';
import {
  addCalendarDays,
  chinaDate,
  ConflictError,
  NotFoundError,
  PlanTemplate,
  PlanTemplateFields,
  planServicesProblems,
  TASK_HORIZON_DAYS,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { Enrolment, PlansRepository } from './plans.repository';
import { TaskGenerationService } from './task-generation.service';

export type { Enrolment } from './plans.repository';

/** Plan templates and enrolments of customers, one by one or through a segment. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PlansRepository,
    private readonly customers: CustomersService,
    private readonly generation: TaskGenerationService,
    private readonly history: ChangeHistoryService,
  ) {}

  async list(): Promise<PlanTemplate[]> {
    return this.repository.templates();
  }

  async get(id: string): Promise<PlanTemplate> {
    const template = await this.repository.template(id);
    if (!template) throw new NotFoundError('Plan template', id);
    return template;
  }

  async create(user: AuthUser, fields: PlanTemplateFields): Promise<PlanTemplate> {
    validServices(fields.services);
    return this.dataSource.transaction(async (tx) => {
      const created = await this.repository.insertTemplate(tx, fields, user.id);
      await this.history.record(tx, {
        actor: user,
        entityType: 'plan_template',
        entityId: created.id,
        customerId: null,
        action: 'create',
        before: null,
        after: templateFields(created),
      });
      return created;
    });
  }

  /** Changes apply to tasks generated from now on; tasks already made stay as they are. */
  async update(user: AuthUser, id: string, fields: PlanTemplateFields): Promise<PlanTemplate> {
    const before = await this.get(id);
    validServices(fields.services);
    return this.dataSource.transaction(async (tx) => {
      const after = await this.repository.updateTemplate(tx, id, fields);
      if (!after) throw new NotFoundError('Plan template', id);
      await this.history.record(tx, {
        actor: user,
        entityType: 'plan_template',
        entityId: id,
        customerId: null,
        action: 'update',
        before: templateFields(before),
        after: templateFields(after),
      });
      return after;
    });
  }

  /** Enrols a customer the caller may see, and makes its tasks for the coming TASK_HORIZON_DAYS at once. */
  async enrolCustomer(user: AuthUser, templateId: string, customerId: string): Promise<Enrolment> {
    const template = await this.get(templateId);
    await this.customers.assertAccess(DataScope.of(user), customerId);
    const today = chinaDate(new Date());
    return this.dataSource.transaction(async (tx) => {
      const enrolment = await this.repository.enrolCustomer(tx, template, customerId, today, user.id);
      if (!enrolment)
        throw new ConflictError(`The customer is enrolled in ${template.name} already`, [
          ruleDetail('customerId', 'is enrolled in this plan already', 'servicePlan.enrolled'),
        ]);
      await this.generation.generate(tx, today, addCalendarDays(today, TASK_HORIZON_DAYS), [enrolment.id]);
      await this.history.record(tx, {
        actor: user,
        entityType: 'plan_enrolment',
        entityId: enrolment.id,
        customerId,
        action: 'create',
        before: null,
        after: { plan: enrolment.plan, enrolledOn: enrolment.enrolledOn, endsOn: enrolment.endsOn },
      });
      return enrolment;
    });
  }

  /** Ends an enrolment; its open tasks still to come are cancelled. */
  async unenrol(user: AuthUser, enrolmentId: string): Promise<void> {
    const enrolment = await this.repository.runningEnrolment(enrolmentId);
    if (!enrolment) throw new NotFoundError('Enrolment', enrolmentId);
    await this.customers.assertAccess(DataScope.of(user), enrolment.customerId);
    const today = chinaDate(new Date());
    await this.dataSource.transaction(async (tx) => {
      await this.repository.endEnrolment(tx, enrolmentId, today);
      await this.generation.cancelTasksOf(tx, [enrolmentId], today);
      await this.history.record(tx, {
        actor: user,
        entityType: 'plan_enrolment',
        entityId: enrolmentId,
        customerId: enrolment.customerId,
        action: 'delete',
        before: { plan: enrolment.plan, unenrolledOn: null },
        after: { plan: enrolment.plan, unenrolledOn: today },
      });
    });
  }

  /** Enrols a segment: its members now and, by the daily job, its joiners; its leavers are unenrolled. */
  async enrolSegment(user: AuthUser, templateId: string, segmentId: string): Promise<{ enrolled: number }> {
    await this.get(templateId);
    if (!(await this.repository.segmentExists(segmentId))) throw new NotFoundError('Segment', segmentId);
    const today = chinaDate(new Date());
    return this.dataSource.transaction(async (tx) => {
      await this.repository.enrolSegment(tx, templateId, segmentId, user.id);
      const { enrolled } = await this.generation.syncSegmentEnrolments(tx, today);
      // Planning the tasks' statements on statistics that predate thousands of new enrolments goes badly.
      if (enrolled > 1000) await this.repository.analyseEnrolments(tx);
      await this.generation.generate(tx, today, addCalendarDays(today, TASK_HORIZON_DAYS));
      return { enrolled };
    });
  }

  async enrolmentsOfCustomer(user: AuthUser, customerId: string): Promise<Enrolment[]> {
    await this.customers.assertAccess(DataScope.of(user), customerId);
    return this.repository.enrolments(customerId);
  }
}

/** The fields of a plan template its change history compares. */
function templateFields(t: PlanTemplate): Record<string, unknown> {
  return { name: t.name, description: t.description, services: t.services, durationMonths: t.durationMonths };
}

function validServices(services: unknown): void {
  rejectProblems('The services', planServicesProblems(services));
}
