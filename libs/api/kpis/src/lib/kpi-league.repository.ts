import { Injectable } from '@nestjs/common';
import { Db, Params, query } from '@crm/api/database';
import { keptOverdueSql } from '@crm/api/work-orders';
import { KpiFilter, ManagerLeagueSortField } from '@crm/shared/domain';
import { byManager, KPI_FIGURES, KpiMoment } from './figures';

export interface LeagueRow {
  id: string;
  display_name: string;
  customers: number;
  workload: number;
  overdue_work: number;
  compliance_rate: number | null;
  satisfaction: number | null;
  open_findings: number;
}

const SORT_COLUMNS: Record<ManagerLeagueSortField, string> = {
  displayName: 'u.display_name',
  customers: 'customers',
  workload: 'workload',
  overdueWork: 'overdue_work',
  complianceRate: 'compliance_rate',
  satisfaction: 'satisfaction',
  openFindings: 'open_findings',
};

/** The manager league table in one statement (the KPIs' own SQL grouped by the customers' account manager). */
@Injectable()
export class KpiLeagueRepository {
  /**
   * Per active account manager, over their customers (of `region` when given): customers not closed; workload now =
   * open applications + work orders not closed + service tasks open; overdue work = open applications overdue (as
   * open_applications_overdue) + work orders not closed whose contact or resolution clock runs past its due moment +
   * tasks overdue (as overdue_tasks); the month's time_limit_compliance_rate and average_satisfaction; open audit
   * findings (as open_audit_findings); only the manager `managerId` when given. Sorted by `sort` (descending), then by
   * name.
   */
  league(db: Db, m: KpiMoment, filter: KpiFilter, sort: ManagerLeagueSortField, descending: boolean) {
    const { region, managerId } = filter;
    const p = new Params();
    const figure = (
      code:
        | 'time_limit_compliance_rate'
        | 'average_satisfaction'
        | 'open_audit_findings'
        | 'open_applications_overdue'
        | 'overdue_tasks',
    ) => KPI_FIGURES[code].sql(byManager(p, region), p, { ...m, asOf: null }) as string;
    const inRegion = region === undefined ? '' : ` AND c.region = ${p.add(region)}`;
    const theManager = managerId === undefined ? '' : ` AND u.id = ${p.add(managerId)}::uuid`;
    return query<LeagueRow>(
      db,
      `WITH compliance AS (${figure('time_limit_compliance_rate')}),
            satisfaction AS (${figure('average_satisfaction')}),
            findings AS (${figure('open_audit_findings')}),
            late_applications AS (${figure('open_applications_overdue')}),
            late_tasks AS (${figure('overdue_tasks')}),
            people AS (
              SELECT c.account_manager_id AS manager_id, count(*) AS customers FROM customers c
               WHERE c.stage <> 'closed' AND c.account_manager_id IS NOT NULL${inRegion} GROUP BY c.account_manager_id),
            open_applications AS (
              SELECT c.account_manager_id AS manager_id, count(*) AS open
                FROM applications a JOIN customers c ON c.id = a.customer_id
               WHERE a.status = 'open'${inRegion} GROUP BY c.account_manager_id),
            open_orders AS (
              SELECT c.account_manager_id AS manager_id, count(*) AS open, count(*) FILTER (WHERE ${keptOverdueSql('w')}) AS late
                FROM work_orders w JOIN customers c ON c.id = w.customer_id
               WHERE w.state <> 'closed'${inRegion} GROUP BY c.account_manager_id),
            open_tasks AS (
              SELECT c.account_manager_id AS manager_id, count(*) AS open
                FROM service_tasks t JOIN customers c ON c.id = t.customer_id
               WHERE t.state = 'open'${inRegion} GROUP BY c.account_manager_id)
       SELECT u.id, u.display_name, coalesce(pe.customers, 0)::int AS customers,
              (coalesce(oa.open, 0) + coalesce(oo.open, 0) + coalesce(ot.open, 0))::int AS workload,
              (coalesce(la.numerator, 0) + coalesce(oo.late, 0) + coalesce(lt.numerator, 0))::int AS overdue_work,
              (co.numerator::float8 / nullif(co.denominator, 0)) AS compliance_rate,
              (sa.numerator::float8 / nullif(sa.denominator, 0)) AS satisfaction,
              coalesce(fi.numerator, 0)::int AS open_findings
         FROM users u
         LEFT JOIN people pe ON pe.manager_id = u.id
         LEFT JOIN open_applications oa ON oa.manager_id = u.id
         LEFT JOIN open_orders oo ON oo.manager_id = u.id
         LEFT JOIN open_tasks ot ON ot.manager_id = u.id
         LEFT JOIN compliance co ON co.manager_key = u.id::text
         LEFT JOIN satisfaction sa ON sa.manager_key = u.id::text
         LEFT JOIN findings fi ON fi.manager_key = u.id::text
         LEFT JOIN late_applications la ON la.manager_key = u.id::text
         LEFT JOIN late_tasks lt ON lt.manager_key = u.id::text
        WHERE u.role = 'account_manager' AND u.active${theManager}
        ORDER BY ${SORT_COLUMNS[sort]} ${descending ? 'DESC' : 'ASC'} NULLS LAST, u.display_name, u.id`,
      p,
    );
  }
}
