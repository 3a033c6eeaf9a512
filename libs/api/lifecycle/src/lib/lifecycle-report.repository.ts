import { Injectable } from '@nestjs/common';
import { chinaDateSql, query, ReadDatabase } from '@crm/api/database';
import { clockStateSql } from '@crm/api/time-limits';
import { DataSource } from 'typeorm';
import { commitmentClockJoin, stepClockJoin } from './lifecycle-clocks';

const TIMED_TYPES = `('new_connection', 'capacity_increase')`;

/** Completed timed applications and their time-limit counts. */
export interface ComplianceCounts {
  completed: number;
  compliant: number;
  commitment_completed: number;
  commitment_met: number;
}

export interface ManagerComplianceRow extends ComplianceCounts {
  id: string;
  name: string;
  overdue: number;
  warning: number;
}

export interface StepDurationRow {
  code: string;
  name_zh: string;
  name_en: string;
  position: number;
  limit: string;
  average: string;
  completed: number;
}

/**
 * The new connections and capacity increases completed in [$1, $2) (dates in China), one row each: whether
 * every step finished within its limit, and the state of the whole-connection commitment's clock.
 */
const COMPLETED = `
  SELECT a.id, a.customer_id, to_char(${chinaDateSql('a.completed_at')}, 'YYYY-MM') AS month,
         bool_and(${clockStateSql('k')} = 'stopped_on_time') AS compliant,
         min(${clockStateSql('kc')}) AS commitment
    FROM applications a JOIN application_steps s ON s.application_id = a.id AND s.state = 'done'
    JOIN clocks k ON ${stepClockJoin('k', 's')}
    LEFT JOIN clocks kc ON ${commitmentClockJoin('kc', 'a')}
   WHERE a.status = 'completed' AND a.type IN ${TIMED_TYPES}
     AND ${chinaDateSql('a.completed_at')} >= $1::date AND ${chinaDateSql('a.completed_at')} < $2::date
   GROUP BY a.id`;

/** ComplianceCounts of the completed applications `d`. */
const counts = (d: string) => `
  count(${d}.id)::int AS completed, count(${d}.id) FILTER (WHERE ${d}.compliant)::int AS compliant,
  count(${d}.commitment)::int AS commitment_completed,
  count(${d}.id) FILTER (WHERE ${d}.commitment = 'stopped_on_time')::int AS commitment_met`;

/** The lifecycle report's aggregates (on the read pool, ReadDatabase), from the clocks (libs/api/time-limits), for completions in [from, to). */
@Injectable()
export class LifecycleReportRepository {
  private readonly dataSource: DataSource;

  constructor(read: ReadDatabase) {
    this.dataSource = read.dataSource;
  }

  complianceByMonth(from: string, to: string): Promise<(ComplianceCounts & { month: string })[]> {
    return query<ComplianceCounts & { month: string }>(
      this.dataSource,
      `SELECT month, ${counts('d')} FROM (${COMPLETED}) d GROUP BY month ORDER BY month`,
      [from, to],
    );
  }

  /** Per active account manager: compliance of their customers' completions, and open steps overdue or in warning now. */
  complianceByManager(from: string, to: string): Promise<ManagerComplianceRow[]> {
    return query<ManagerComplianceRow>(
      this.dataSource,
      `WITH done AS (${COMPLETED}),
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
  }

  /** Per step of the timed applications, those completed in the period: average working days against the limit. */
  stepDurations(from: string, to: string): Promise<StepDurationRow[]> {
    return query<StepDurationRow>(
      this.dataSource,
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
  }
}
