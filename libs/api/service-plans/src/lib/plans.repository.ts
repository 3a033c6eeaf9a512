import { Injectable } from '@nestjs/common';
import { Db, execute, query, queryOne } from '@crm/api/database';
import { MessageCode, PlanService, PlanTemplate, PlanTemplateFields } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { enrolmentsInsertFrom } from './service-plans-sql';

export interface Enrolment {
  id: string;
  plan: { id: string; name: string };
  segmentId: string | null;
  enrolledOn: string;
  endsOn: string | null;
}

/** A running enrolment with its plan's name. */
export interface RunningEnrolment {
  customerId: string;
  plan: { id: string; name: string };
}

/** The services of a template, as the task generation reads them. */
export interface TemplateServices {
  id: string;
  name: string;
  services: PlanService[];
}

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  description_code: MessageCode | null;
  services: PlanService[];
  duration_months: number | null;
  created_at: Date;
  updated_at: Date;
  enrolled: number;
}

interface EnrolmentRow {
  id: string;
  segment_id: string | null;
  enrolled_on: string;
  ends_on: string | null;
  template_id: string;
  name: string;
}

const TEMPLATE_COLUMNS = `t.id, t.name, t.description, t.description_code, t.services, t.duration_months, t.created_at, t.updated_at,
  (SELECT count(*) FROM plan_enrolments e WHERE e.template_id = t.id AND e.unenrolled_on IS NULL)::int AS enrolled`;

function toTemplate(r: TemplateRow): PlanTemplate {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    descriptionCode: r.description_code,
    services: r.services,
    durationMonths: r.duration_months,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    enrolled: r.enrolled,
  };
}

/** Plan templates, the customers enrolled in them one by one, and the segments enrolled in them. */
@Injectable()
export class PlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  async templates(): Promise<PlanTemplate[]> {
    const rows = await query<TemplateRow>(
      this.dataSource,
      `SELECT ${TEMPLATE_COLUMNS} FROM plan_templates t ORDER BY t.created_at, t.name`,
    );
    return rows.map(toTemplate);
  }

  async template(id: string): Promise<PlanTemplate | undefined> {
    const row = await queryOne<TemplateRow>(
      this.dataSource,
      `SELECT ${TEMPLATE_COLUMNS} FROM plan_templates t WHERE t.id = $1`,
      [id],
    );
    return row && toTemplate(row);
  }

  /** Every template's services, for the task generation. */
  async templateServices(db: Db): Promise<TemplateServices[]> {
    return query<TemplateServices>(db, 'SELECT id, name, services FROM plan_templates');
  }

  async insertTemplate(db: Db, fields: PlanTemplateFields, createdBy: string): Promise<PlanTemplate> {
    const row = await queryOne<TemplateRow>(
      db,
      `INSERT INTO plan_templates AS t (name, description, services, duration_months, created_by)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING ${TEMPLATE_COLUMNS}`,
      [fields.name, fields.description, JSON.stringify(fields.services), fields.durationMonths, createdBy],
    );
    return toTemplate(row as TemplateRow);
  }

  /** The template as changed, or undefined when there is none with `id`. */
  async updateTemplate(db: Db, id: string, fields: PlanTemplateFields): Promise<PlanTemplate | undefined> {
    const row = await queryOne<TemplateRow>(
      db,
      `UPDATE plan_templates t SET name = $2, description = $3, services = $4, duration_months = $5, updated_at = now(),
              description_code = CASE WHEN t.description = $3 THEN t.description_code END
        WHERE t.id = $1
       RETURNING ${TEMPLATE_COLUMNS}`,
      [id, fields.name, fields.description, JSON.stringify(fields.services), fields.durationMonths],
    );
    return row && toTemplate(row);
  }

  /**
   * Enrols the customer in the template from `enrolledOn` for `durationMonths` (none: until unenrolled);
   * undefined when the customer runs that plan already.
   */
  async enrolCustomer(
    db: Db,
    template: PlanTemplate,
    customerId: string,
    enrolledOn: string,
    createdBy: string,
  ): Promise<Enrolment | undefined> {
    const row = await queryOne<Omit<EnrolmentRow, 'template_id' | 'name'>>(
      db,
      `${enrolmentsInsertFrom(`(
         SELECT $1::uuid AS template_id, $2::uuid AS customer_id, NULL::uuid AS segment_id, $3::date AS enrolled_on,
                $3::date + make_interval(months => $4::int) AS ends_on, $5::uuid AS created_by)`)}
       RETURNING id, segment_id, enrolled_on::text, ends_on::text`,
      [template.id, customerId, enrolledOn, template.durationMonths, createdBy],
    );
    return row && toEnrolment({ ...row, template_id: template.id, name: template.name });
  }

  async runningEnrolment(id: string): Promise<RunningEnrolment | undefined> {
    const row = await queryOne<{ customer_id: string; template_id: string; name: string }>(
      this.dataSource,
      `SELECT e.customer_id, t.id AS template_id, t.name FROM plan_enrolments e JOIN plan_templates t ON t.id = e.template_id
        WHERE e.id = $1 AND e.unenrolled_on IS NULL`,
      [id],
    );
    return row && { customerId: row.customer_id, plan: { id: row.template_id, name: row.name } };
  }

  async endEnrolment(db: Db, id: string, on: string): Promise<void> {
    await execute(db, 'UPDATE plan_enrolments SET unenrolled_on = $2 WHERE id = $1', [id, on]);
  }

  /** The customer's running enrolments. */
  async enrolments(customerId: string): Promise<Enrolment[]> {
    const rows = await query<EnrolmentRow>(
      this.dataSource,
      `SELECT e.id, e.segment_id, e.enrolled_on::text, e.ends_on::text, t.id AS template_id, t.name
         FROM plan_enrolments e JOIN plan_templates t ON t.id = e.template_id
        WHERE e.customer_id = $1 AND e.unenrolled_on IS NULL
        ORDER BY e.enrolled_on, t.name`,
      [customerId],
    );
    return rows.map(toEnrolment);
  }

  async segmentExists(id: string): Promise<boolean> {
    return (await queryOne(this.dataSource, 'SELECT 1 FROM segments WHERE id = $1', [id])) !== undefined;
  }

  async enrolSegment(db: Db, templateId: string, segmentId: string, createdBy: string): Promise<void> {
    await execute(
      db,
      `INSERT INTO plan_segment_enrolments (template_id, segment_id, created_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [templateId, segmentId, createdBy],
    );
  }

  /**
   * Enrols the members of the enrolled segments (at their latest snapshot, or their static list) in the
   * segments' templates, from `today`; returns how many enrolments are new.
   */
  async enrolSegmentMembers(db: Db, today: string): Promise<number> {
    return execute(
      db,
      enrolmentsInsertFrom(`(
         SELECT p.template_id, sm.customer_id, p.segment_id, $1::date AS enrolled_on,
                $1::date + make_interval(months => t.duration_months) AS ends_on, p.created_by
           FROM plan_segment_enrolments p
           JOIN plan_templates t ON t.id = p.template_id
           JOIN segment_members sm ON sm.segment_id = p.segment_id)`),
      [today],
    );
  }

  /** Ends, on `today`, the enrolments of customers no longer in the segment they were enrolled by; returns them. */
  async unenrolSegmentLeavers(db: Db, today: string): Promise<string[]> {
    const rows = await query<{ id: string }>(
      db,
      `UPDATE plan_enrolments e SET unenrolled_on = $1
        WHERE e.segment_id IS NOT NULL AND e.unenrolled_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM plan_segment_enrolments p JOIN segment_members sm ON sm.segment_id = p.segment_id
                           WHERE p.template_id = e.template_id AND p.segment_id = e.segment_id
                             AND sm.customer_id = e.customer_id)
       RETURNING e.id`,
      [today],
    );
    return rows.map((r) => r.id);
  }

  /** Refreshes the planner's statistics of the enrolments (after thousands of new ones). */
  async analyseEnrolments(db: Db): Promise<void> {
    await execute(db, 'ANALYZE plan_enrolments');
  }
}

function toEnrolment(r: EnrolmentRow): Enrolment {
  return {
    id: r.id,
    plan: { id: r.template_id, name: r.name },
    segmentId: r.segment_id,
    enrolledOn: r.enrolled_on,
    endsOn: r.ends_on,
  };
}
