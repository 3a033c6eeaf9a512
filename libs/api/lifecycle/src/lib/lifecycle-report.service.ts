import { Injectable } from '@nestjs/common';
import { ComplianceRow, LifecycleReport } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { chinaDateSql } from '@crm/api/database';
import { clockStateSql } from '@crm/api/time-limits';
import { commitmentClockJoin, stepClockJoin } from './lifecycle-clocks';

const TIMED_TYPES = `('new_connection', 'capacity_increase')`;

const rate = (completed: number, compliant: number) => (completed ? compliant / completed : null);

interface Counts {
  completed: number;
  compliant: number;
  commitment_completed: number;
  commitment_met: number;
}

function complianceRow(c: Counts): ComplianceRow {
  return {
    completed: c.completed,
    compliant: c.compliant,
    rate: rate(c.completed, c.compliant),
    commitmentCompleted: c.commitment_completed,
    commitmentMet: c.commitment_met,
    commitmentRate: rate(c.commitment_completed, c.commitment_met),
  };
}

/**
 * Leadership's view of the lifecycle: the time-limit compliance rate (服务时限达标率: the share of
 * completed new connections and capacity increases whose steps all finished within their limits)
 * by month and by manager, average working days per step against its limit, and open work in
 * warning or overdue per manager, and the share of completed new connections within the
 * whole-connection commitment. All aggregated in SQL from the clocks (libs/api/time-limits).
 */
@Injectable()
export class LifecycleReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(from: string, to: string): Promise<LifecycleReport> {
    const completed = `
      SELECT a.id, a.customer_id, to_char(${chinaDateSql('a.completed_at')}, 'YYYY-MM') AS month,
             bool_and(${clockStateSql('k')} = 'stopped_on_time') AS compliant,
             min(${clockStateSql('kc')}) AS commitment
        FROM applications a JOIN application_steps s ON s.application_id = a.id AND s.state = 'done'
        JOIN clocks k ON ${stepClockJoin('k', 's')}
        LEFT JOIN clocks kc ON ${commitmentClockJoin('kc', 'a')}
       WHERE a.status = 'completed' AND a.type IN ${TIMED_TYPES}
         AND ${chinaDateSql('a.completed_at')} >= $1::date AND ${chinaDateSql('a.completed_at')} < $2::date
       GROUP BY a.id`;
    const counts = (
      d: string,
    ) => `count(${d}.id)::int AS completed, count(${d}.id) FILTER (WHERE ${d}.compliant)::int AS compliant,
      count(${d}.commitment)::int AS commitment_completed,
      count(${d}.id) FILTER (WHERE ${d}.commitment = 'stopped_on_time')::int AS commitment_met`;
    const byMonth: (Counts & { month: string })[] = await this.dataSource.query(
      `SELECT month, ${counts('d')} FROM (${completed}) d GROUP BY month ORDER BY month`,
      [from, to],
    );
    const byManager: (Counts & { id: string; name: string; overdue: number; warning: number })[] =
      await this.dataSource.query(
        `WITH done AS (${completed}),
              open_steps AS (
                SELECT c.account_manager_id AS manager_id,
                       count(*) FILTER (WHERE ${clockStateSql('k')} = 'overdue')::int AS overdue,
                       count(*) FILTER (WHERE ${clockStateSql('k')} = 'warning')::int AS warning
                  FROM application_steps s JOIN applications a ON a.id = s.application_id JOIN customers c ON c.id = a.customer_id
                  JOIN clocks k ON ${stepClockJoin('k', 's')}
                 WHERE s.state = 'in_progress' AND a.status = 'open'
                 GROUP BY c.account_manager_id)
         SELECT u.id, u.display_name AS name, ${counts('d')},
                coalesce(max(o.overdue), 0)::int AS overdue, coalesce(max(o.warning), 0)::int AS warning
           FROM users u
           LEFT JOIN customers c ON c.account_manager_id = u.id
           LEFT JOIN done d ON d.customer_id = c.id
           LEFT JOIN open_steps o ON o.manager_id = u.id
          WHERE u.role = 'account_manager' AND u.active
          GROUP BY u.id ORDER BY u.username`,
        [from, to],
      );
    const steps: {
      code: string;
      name_zh: string;
      name_en: string;
      limit: string;
      average: string;
      completed: number;
    }[] = await this.dataSource.query(
      `SELECT s.code, min(s.name_zh) AS name_zh, min(s.name_en) AS name_en, min(s.position) AS position,
                avg(s.sla_working_days) AS limit,
                avg(working_days_between(${chinaDateSql('s.started_at')}, ${chinaDateSql('s.completed_at')})) AS average,
                count(*)::int AS completed
           FROM application_steps s JOIN applications a ON a.id = s.application_id
          WHERE s.state = 'done' AND a.type IN ${TIMED_TYPES}
            AND ${chinaDateSql('s.completed_at')} >= $1::date AND ${chinaDateSql('s.completed_at')} < $2::date
          GROUP BY s.code ORDER BY min(s.position)`,
      [from, to],
    );
    return {
      from,
      to,
      byMonth: byMonth.map((m) => ({ month: m.month, ...complianceRow(m) })),
      byManager: byManager.map((m) => ({
        manager: { id: m.id, displayName: m.name },
        ...complianceRow(m),
        overdueNow: m.overdue,
        warningNow: m.warning,
      })),
      steps: steps.map((s) => ({
        code: s.code,
        nameZh: s.name_zh,
        nameEn: s.name_en,
        limit: Math.round(Number(s.limit) * 10) / 10,
        averageWorkingDays: Math.round(Number(s.average) * 10) / 10,
        completed: s.completed,
      })),
    };
  }
}
