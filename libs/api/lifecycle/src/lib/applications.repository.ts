import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import {
  ApplicationListItem,
  ApplicationStatus,
  ApplicationStepView,
  ApplicationType,
  ApplicationView,
  CustomerStage,
  LifecycleStepDefinition,
  Page,
  StepState,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateSql, execute, Params, query, queryOne, queryPage } from '@crm/api/database';
import { ApplicationQueryDto } from './dto/application-query.dto';
import {
  clockDueDateSql,
  clockSlaSql,
  clockStateSql,
  clockWarnDateSql,
  clockWorkingDaysLateSql,
} from '@crm/api/time-limits';
import { STEP_CLOCK, stepClockJoin } from './lifecycle-clocks';

/** A numeric kVA column as a number; null stays null. */
const kva = (value: string | null): number | null => (value === null ? null : Number(value));

export interface LockedApplication {
  id: string;
  customerId: string;
  type: ApplicationType;
  status: ApplicationStatus;
  currentPosition: number | null;
  stageBefore: CustomerStage;
  requestedCapacityKva: number | null;
  newOwnerName: string | null;
  /** The customer's contracted capacity now (null: none yet). */
  customerCapacityKva: number | null;
  steps: {
    position: number;
    code: string;
    nameZh: string;
    nameEn: string;
    slaWorkingDays: number;
    startedAt: Date | null;
    state: StepState;
  }[];
}

export interface NewStep {
  position: number;
  code: string;
  nameZh: string;
  nameEn: string;
  slaWorkingDays: number;
  state: StepState;
  startedAt: Date | null;
}

/** The bulk load of applications (the demo population): `COPY … FROM STDIN` of CSV rows in this column order. */
export const applicationsCopy = `COPY applications (id, customer_id, type, status, requested_capacity_kva, dual_supply,
                    new_owner_name, stage_before, current_position, received_at, completed_at, created_at)
                    FROM STDIN (FORMAT csv)`;

/** The bulk load of application steps: `COPY … FROM STDIN` of CSV rows in this column order. */
export const applicationStepsCopy = `COPY application_steps (application_id, position, code, name_zh, name_en,
                         sla_working_days, state, started_at, completed_at, completed_by, note)
                         FROM STDIN (FORMAT csv)`;

const APPLICATION_SELECT = `
  a.id, a.customer_id, a.type, a.status, a.requested_capacity_kva, a.dual_supply, a.new_owner_name,
  a.received_at, a.completed_at, a.cancelled_at, a.cancel_reason,
  c.account_no, c.name AS customer_name, c.stage AS customer_stage,
  c.account_manager_id, u.display_name AS manager_name,
  s.code AS current_code, s.name_zh AS current_name, s.name_en AS current_name_en,
  to_char(${clockDueDateSql('k')}, 'YYYY-MM-DD') AS current_due,
  CASE WHEN a.status = 'open' THEN coalesce(${clockSlaSql('k')}, 'on_time')
       ELSE coalesce((SELECT 'overdue' FROM clocks x WHERE x.owner_kind = '${STEP_CLOCK}' AND x.owner_id = a.id
                        AND x.stopped_at > x.due_at LIMIT 1), 'on_time')
  END AS sla,
  CASE WHEN a.status = 'open' AND ${clockStateSql('k')} = 'overdue'
       THEN ${chinaDateSql('coalesce(k.paused_at, now())')} - ${clockDueDateSql('k')}
  END AS days_overdue`;

const APPLICATION_FROM = `
  applications a
  JOIN customers c ON c.id = a.customer_id
  LEFT JOIN users u ON u.id = c.account_manager_id
  LEFT JOIN application_steps s ON s.application_id = a.id AND s.position = a.current_position
  LEFT JOIN clocks k ON ${stepClockJoin('k', 's')}`;

interface ApplicationRow {
  id: string;
  customer_id: string;
  type: ApplicationType;
  status: ApplicationStatus;
  requested_capacity_kva: string | null;
  dual_supply: boolean;
  new_owner_name: string | null;
  received_at: Date;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  account_no: string;
  customer_name: string;
  customer_stage: CustomerStage;
  account_manager_id: string | null;
  manager_name: string | null;
  current_code: string | null;
  current_name: string | null;
  current_name_en: string | null;
  current_due: string | null;
  sla: ApplicationListItem['sla'];
  days_overdue: number | null;
}

function toListItem(r: ApplicationRow): ApplicationListItem {
  return {
    id: r.id,
    customerId: r.customer_id,
    customer: { id: r.customer_id, accountNo: r.account_no, name: r.customer_name, stage: r.customer_stage },
    accountManager: r.account_manager_id ? { id: r.account_manager_id, displayName: r.manager_name ?? '' } : null,
    type: r.type,
    status: r.status,
    currentStep: r.current_code,
    currentStepName: r.current_name,
    currentStepNameEn: r.current_name_en,
    dueDate: r.current_due,
    requestedCapacityKva: r.requested_capacity_kva === null ? null : Number(r.requested_capacity_kva),
    dualSupply: r.dual_supply,
    newOwnerName: r.new_owner_name,
    receivedAt: r.received_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    cancelReason: r.cancel_reason,
    sla: r.sla,
    daysOverdue: r.days_overdue,
  };
}

/** Every query on applications, their steps and the step table. Reads take the caller's DataScope. */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async stepDefinitions(type?: ApplicationType): Promise<LifecycleStepDefinition[]> {
    return query<LifecycleStepDefinition>(
      this.dataSource,
      `SELECT application_type AS "applicationType", position, code, name_zh AS "nameZh", name_en AS "nameEn",
              sla_working_days AS "slaWorkingDays", sla_working_days_dual_supply AS "slaWorkingDaysDualSupply"
         FROM lifecycle_steps ${type ? 'WHERE application_type = $1' : ''}
        ORDER BY application_type, position`,
      type ? [type] : [],
    );
  }

  async updateStepDefinition(
    type: ApplicationType,
    code: string,
    d: Omit<LifecycleStepDefinition, 'applicationType' | 'position' | 'code'>,
  ): Promise<boolean> {
    const affected = await execute(
      this.dataSource,
      `UPDATE lifecycle_steps SET name_zh = $3, name_en = $4, sla_working_days = $5, sla_working_days_dual_supply = $6
        WHERE application_type = $1 AND code = $2`,
      [type, code, d.nameZh, d.nameEn, d.slaWorkingDays, d.slaWorkingDaysDualSupply ?? null],
    );
    return affected === 1;
  }

  /** The customer (in scope), its row locked, with its stage, capacity and open application types. */
  async lockCustomer(
    manager: EntityManager,
    scope: DataScope,
    customerId: string,
  ): Promise<{ stage: CustomerStage; capacityKva: number | null; openTypes: ApplicationType[] } | null> {
    const params = new Params(customerId);
    const row = await queryOne<{ stage: CustomerStage; contract_capacity_kva: string | null }>(
      manager,
      `SELECT stage, contract_capacity_kva FROM customers c WHERE id = $1 AND ${scope.sql('c.account_manager_id', params)} FOR UPDATE`,
      params,
    );
    if (!row) return null;
    const open = await query<{ type: ApplicationType }>(
      manager,
      `SELECT type FROM applications WHERE customer_id = $1 AND status = 'open'`,
      [customerId],
    );
    return {
      stage: row.stage,
      capacityKva: kva(row.contract_capacity_kva),
      openTypes: open.map((r) => r.type),
    };
  }

  async insertApplication(
    manager: EntityManager,
    a: {
      customerId: string;
      type: ApplicationType;
      requestedCapacityKva: number | null;
      dualSupply: boolean;
      newOwnerName: string | null;
      stageBefore: CustomerStage;
      receivedAt: Date;
      createdBy: string;
    },
    steps: NewStep[],
  ): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      manager,
      `INSERT INTO applications (customer_id, type, requested_capacity_kva, dual_supply, new_owner_name, stage_before,
                                 current_position, received_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) RETURNING id`,
      [
        a.customerId,
        a.type,
        a.requestedCapacityKva,
        a.dualSupply,
        a.newOwnerName,
        a.stageBefore,
        a.receivedAt,
        a.createdBy,
      ],
    );
    await execute(
      manager,
      `INSERT INTO application_steps (application_id, position, code, name_zh, name_en, sla_working_days, state,
                                      started_at)
       SELECT $1, * FROM unnest($2::smallint[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::text[],
                                $8::timestamptz[])`,
      [
        id,
        steps.map((s) => s.position),
        steps.map((s) => s.code),
        steps.map((s) => s.nameZh),
        steps.map((s) => s.nameEn),
        steps.map((s) => s.slaWorkingDays),
        steps.map((s) => s.state),
        steps.map((s) => s.startedAt),
      ],
    );
    return id;
  }

  /** The application (in scope) with its row locked until the transaction ends. */
  async lockApplication(manager: EntityManager, scope: DataScope, id: string): Promise<LockedApplication | null> {
    const params = new Params(id);
    const r = await queryOne<{
      id: string;
      customer_id: string;
      type: ApplicationType;
      status: ApplicationStatus;
      current_position: number | null;
      stage_before: CustomerStage;
      requested_capacity_kva: string | null;
      new_owner_name: string | null;
      contract_capacity_kva: string | null;
    }>(
      manager,
      `SELECT a.id, a.customer_id, a.type, a.status, a.current_position, a.stage_before, a.requested_capacity_kva, a.new_owner_name,
              c.contract_capacity_kva
         FROM applications a JOIN customers c ON c.id = a.customer_id
        WHERE a.id = $1 AND ${scope.sql('c.account_manager_id', params)}
        FOR UPDATE OF a`,
      params,
    );
    if (!r) return null;
    const steps = await query<LockedApplication['steps'][number]>(
      manager,
      `SELECT position, code, name_zh AS "nameZh", name_en AS "nameEn", sla_working_days AS "slaWorkingDays",
              started_at AS "startedAt", state
         FROM application_steps WHERE application_id = $1 ORDER BY position`,
      [id],
    );
    return {
      id: r.id,
      customerId: r.customer_id,
      type: r.type,
      status: r.status,
      currentPosition: r.current_position,
      stageBefore: r.stage_before,
      requestedCapacityKva: kva(r.requested_capacity_kva),
      newOwnerName: r.new_owner_name,
      customerCapacityKva: kva(r.contract_capacity_kva),
      steps,
    };
  }

  /** Code of the step in progress, read without a lock; null when the application is not open or not in scope. */
  async currentStepCode(scope: DataScope, id: string): Promise<string | null> {
    const params = new Params(id);
    const row = await queryOne<{ code: string }>(
      this.dataSource,
      `SELECT s.code FROM applications a JOIN customers c ON c.id = a.customer_id
         JOIN application_steps s ON s.application_id = a.id AND s.position = a.current_position
        WHERE a.id = $1 AND ${scope.sql('c.account_manager_id', params)}`,
      params,
    );
    return row?.code ?? null;
  }

  async completeStep(
    manager: EntityManager,
    id: string,
    position: number,
    at: Date,
    by: string,
    note: string | null,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE application_steps SET state = 'done', completed_at = $3, completed_by = $4, note = $5
        WHERE application_id = $1 AND position = $2`,
      [id, position, at, by, note],
    );
  }

  async startStep(manager: EntityManager, id: string, position: number, at: Date): Promise<void> {
    await execute(
      manager,
      `UPDATE application_steps SET state = 'in_progress', started_at = $3 WHERE application_id = $1 AND position = $2`,
      [id, position, at],
    );
    await execute(manager, 'UPDATE applications SET current_position = $2 WHERE id = $1', [id, position]);
  }

  async finish(manager: EntityManager, id: string, at: Date): Promise<void> {
    await execute(
      manager,
      `UPDATE applications SET status = 'completed', current_position = NULL, completed_at = $2 WHERE id = $1`,
      [id, at],
    );
  }

  async cancel(manager: EntityManager, id: string, reason: string): Promise<void> {
    await execute(
      manager,
      `UPDATE applications SET status = 'cancelled', current_position = NULL, cancelled_at = now(), cancel_reason = $2 WHERE id = $1`,
      [id, reason],
    );
    await execute(
      manager,
      `UPDATE application_steps SET state = 'skipped' WHERE application_id = $1 AND state IN ('pending', 'in_progress')`,
      [id],
    );
  }

  async findOne(scope: DataScope, id: string): Promise<ApplicationView | null> {
    const params = new Params(id);
    const rows = await query<ApplicationRow>(
      this.dataSource,
      `SELECT ${APPLICATION_SELECT} FROM ${APPLICATION_FROM} WHERE a.id = $1 AND ${scope.sql('c.account_manager_id', params)}`,
      params,
    );
    if (!rows.length) return null;
    const steps = await query<
      Omit<ApplicationStepView, 'completedBy'> & { completedById: string | null; completedByName: string | null }
    >(
      this.dataSource,
      `SELECT s.position, s.code, s.name_zh AS name, s.name_zh AS "nameZh", s.name_en AS "nameEn",
                s.sla_working_days AS "slaWorkingDays", s.started_at AS "startedAt",
                to_char(${clockDueDateSql('k')}, 'YYYY-MM-DD') AS "dueDate",
                to_char(${clockWarnDateSql('k')}, 'YYYY-MM-DD') AS "warningDate",
                s.completed_at AS "completedAt", s.completed_by AS "completedById", u.display_name AS "completedByName",
                s.note, s.state, coalesce(${clockSlaSql('k')}, 'on_time') AS sla,
                ${clockWorkingDaysLateSql('k')} AS "workingDaysLate",
                coalesce(k.calendar_estimated, false) AS "calendarEstimated"
           FROM application_steps s LEFT JOIN users u ON u.id = s.completed_by
           LEFT JOIN clocks k ON ${stepClockJoin('k', 's')}
          WHERE s.application_id = $1 ORDER BY s.position`,
      [id],
    );
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- list-only fields are left out of the full view
    const { currentStepName, currentStepNameEn, dueDate, daysOverdue, ...view } = toListItem(rows[0]);
    return {
      ...view,
      steps: steps.map(({ completedById, completedByName, ...s }) => ({
        ...s,
        startedAt: s.startedAt ? new Date(s.startedAt).toISOString() : null,
        completedAt: s.completedAt ? new Date(s.completedAt).toISOString() : null,
        completedBy: completedById ? { id: completedById, displayName: completedByName ?? '' } : null,
      })),
      commitment: null,
    };
  }

  /** Open applications first, most urgent first (overdue, warning, then by due date); then the rest, newest first. */
  findPage(scope: DataScope, q: ApplicationQueryDto): Promise<Page<ApplicationListItem>> {
    const params = new Params();
    const where = [scope.sql('c.account_manager_id', params)];
    if (q.status) where.push(`a.status = ${params.add(q.status)}`);
    if (q.customerId) where.push(`a.customer_id = ${params.add(q.customerId)}`);
    if (q.type) where.push(`a.type = ${params.add(q.type)}`);
    if (q.managerId) where.push(`c.account_manager_id = ${params.add(q.managerId)}`);
    if (q.region) where.push(`c.region = ${params.add(q.region)}`);
    if (q.completedFrom) where.push(`${chinaDateSql('a.completed_at')} >= ${params.add(q.completedFrom)}::date`);
    if (q.completedTo) where.push(`${chinaDateSql('a.completed_at')} < ${params.add(q.completedTo)}::date`);
    if (q.sla) where.push(`a.status = 'open' AND coalesce(${clockSlaSql('k')}, 'on_time') = ${params.add(q.sla)}`);
    const condition = where.join(' AND ');
    return queryPage(
      this.dataSource,
      {
        rows: `SELECT ${APPLICATION_SELECT} FROM ${APPLICATION_FROM}
                WHERE ${condition}
                ORDER BY (a.status = 'open') DESC,
                         CASE ${clockStateSql('k')} WHEN 'overdue' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
                         k.due_at NULLS LAST, a.received_at DESC, a.id`,
        count: `SELECT count(*)::int AS total FROM ${APPLICATION_FROM} WHERE ${condition}`,
      },
      params,
      q,
      toListItem,
    );
  }
}
