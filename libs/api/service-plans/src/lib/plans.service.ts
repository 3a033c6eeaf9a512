import { Injectable } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { CustomersService } from '@crm/api/customers';
import {
  addCalendarDays,
  chinaDate,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PlanTemplate,
  PlanTemplateFields,
  planServicesProblems,
  TASK_HORIZON_DAYS,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { TaskGenerationService } from './task-generation.service';

export interface Enrolment {
  id: string;
  plan: { id: string; name: string };
  segmentId: string | null;
  enrolledOn: string;
  endsOn: string | null;
}

const TEMPLATE_SELECT = `
  SELECT t.id, t.name, t.description, t.services, t.duration_months, t.created_at, t.updated_at,
         (SELECT count(*) FROM plan_enrolments e WHERE e.template_id = t.id AND e.unenrolled_on IS NULL)::int AS enrolled
    FROM plan_templates t`;

function toTemplate(r: Record<string, never>): PlanTemplate {
  return {
    id: r['id'],
    name: r['name'],
    description: r['description'],
    services: r['services'],
    durationMonths: r['duration_months'],
    createdAt: (r['created_at'] as Date).toISOString(),
    updatedAt: (r['updated_at'] as Date).toISOString(),
    enrolled: r['enrolled'],
  };
}

/** Plan templates and enrolments of customers, one by one or through a segment. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly generation: TaskGenerationService,
    private readonly history: ChangeHistoryService,
  ) {}

  async list(): Promise<PlanTemplate[]> {
    return (await this.dataSource.query(`${TEMPLATE_SELECT} ORDER BY t.created_at, t.name`)).map(toTemplate);
  }

  async get(id: string, manager = this.dataSource.manager): Promise<PlanTemplate> {
    const [row] = await manager.query(`${TEMPLATE_SELECT} WHERE t.id = $1`, [id]);
    if (!row) throw new NotFoundError('Plan template', id);
    return toTemplate(row);
  }

  async create(user: AuthUser, fields: PlanTemplateFields): Promise<PlanTemplate> {
    validServices(fields.services);
    return this.dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO plan_templates (name, description, services, duration_months, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [fields.name, fields.description, JSON.stringify(fields.services), fields.durationMonths, user.id],
      );
      const created = await this.get(id, tx);
      await this.history.record(tx, {
        actor: user,
        entityType: 'plan_template',
        entityId: id,
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
      await tx.query(
        `UPDATE plan_templates SET name = $2, description = $3, services = $4, duration_months = $5, updated_at = now()
          WHERE id = $1`,
        [id, fields.name, fields.description, JSON.stringify(fields.services), fields.durationMonths],
      );
      const after = await this.get(id, tx);
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
    await this.customers.get(DataScope.of(user), customerId);
    const today = chinaDate(new Date());
    return this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO plan_enrolments (template_id, customer_id, enrolled_on, ends_on, created_by)
         VALUES ($1, $2, $3::date, $3::date + make_interval(months => $4::int), $5)
         ON CONFLICT (template_id, customer_id) WHERE unenrolled_on IS NULL DO NOTHING
         RETURNING id`,
        [templateId, customerId, today, template.durationMonths, user.id],
      );
      if (!row)
        throw new ConflictError(`The customer is enrolled in ${template.name} already`, [
          { field: 'customerId', message: 'is enrolled in this plan already' },
        ]);
      await this.generation.generate(tx, today, addCalendarDays(today, TASK_HORIZON_DAYS), [row.id]);
      const [enrolment] = await this.enrolments(customerId, row.id, tx);
      await this.history.record(tx, {
        actor: user,
        entityType: 'plan_enrolment',
        entityId: row.id,
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
    const [row] = await this.dataSource.query(
      `SELECT e.customer_id, t.id AS template_id, t.name FROM plan_enrolments e JOIN plan_templates t ON t.id = e.template_id
        WHERE e.id = $1 AND e.unenrolled_on IS NULL`,
      [enrolmentId],
    );
    if (!row) throw new NotFoundError('Enrolment', enrolmentId);
    await this.customers.get(DataScope.of(user), row.customer_id);
    const today = chinaDate(new Date());
    await this.dataSource.transaction(async (tx) => {
      await tx.query('UPDATE plan_enrolments SET unenrolled_on = $2 WHERE id = $1', [enrolmentId, today]);
      await this.generation.cancelTasksOf(tx, [enrolmentId], today);
      await this.history.record(tx, {
        actor: user,
        entityType: 'plan_enrolment',
        entityId: enrolmentId,
        customerId: row.customer_id,
        action: 'delete',
        before: { plan: { id: row.template_id, name: row.name }, unenrolledOn: null },
        after: { plan: { id: row.template_id, name: row.name }, unenrolledOn: today },
      });
    });
  }

  /** Enrols a segment: its members now and, by the daily job, its joiners; its leavers are unenrolled. */
  async enrolSegment(user: AuthUser, templateId: string, segmentId: string): Promise<{ enrolled: number }> {
    await this.get(templateId);
    const [segment] = await this.dataSource.query('SELECT 1 FROM segments WHERE id = $1', [segmentId]);
    if (!segment) throw new NotFoundError('Segment', segmentId);
    const today = chinaDate(new Date());
    return this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO plan_segment_enrolments (template_id, segment_id, created_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [templateId, segmentId, user.id],
      );
      const { enrolled } = await this.generation.syncSegmentEnrolments(tx, today);
      // Planning the tasks' statements on statistics that predate thousands of new enrolments goes badly.
      if (enrolled > 1000) await tx.query('ANALYZE plan_enrolments');
      await this.generation.generate(tx, today, addCalendarDays(today, TASK_HORIZON_DAYS));
      return { enrolled };
    });
  }

  /** The customer's running enrolments (or the one with `id`), read by `manager` (within its transaction). */
  async enrolments(customerId: string, id?: string, manager = this.dataSource.manager): Promise<Enrolment[]> {
    const rows = await manager.query(
      `SELECT e.id, e.segment_id, e.enrolled_on::text, e.ends_on::text, t.id AS template_id, t.name
         FROM plan_enrolments e JOIN plan_templates t ON t.id = e.template_id
        WHERE e.customer_id = $1 AND e.unenrolled_on IS NULL AND ($2::uuid IS NULL OR e.id = $2)
        ORDER BY e.enrolled_on, t.name`,
      [customerId, id ?? null],
    );
    return rows.map((r: Record<string, string | null>) => ({
      id: r['id'],
      plan: { id: r['template_id'], name: r['name'] },
      segmentId: r['segment_id'],
      enrolledOn: r['enrolled_on'],
      endsOn: r['ends_on'],
    }));
  }

  async enrolmentsOfCustomer(user: AuthUser, customerId: string): Promise<Enrolment[]> {
    await this.customers.get(DataScope.of(user), customerId);
    return this.enrolments(customerId);
  }
}

/** The fields of a plan template its change history compares. */
function templateFields(t: PlanTemplate): Record<string, unknown> {
  return { name: t.name, description: t.description, services: t.services, durationMonths: t.durationMonths };
}

function validServices(services: unknown): void {
  const problems = planServicesProblems(services);
  if (problems.length)
    throw new InvalidInputError(
      `The services are not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
}
