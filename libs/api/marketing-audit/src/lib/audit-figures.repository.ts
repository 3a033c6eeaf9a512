import { Injectable } from '@nestjs/common';
import { chinaDateSql, Db, query, TODAY_CN } from '@crm/api/database';
import { AUDIT_CLOCK_OWNER, AuditRuleCode } from '@crm/shared/domain';
import { latestClockJoin, RUNNING_DUE_SQL } from './marketing-audit-sql';

/** Customers with a supply: the denominator of "findings per 100 customers". */
const SUPPLIED = "('active', 'suspended', 'closing')";

/** The first day (China) of the period of the last $1 calendar months, this one included. */
const PERIOD_START = `(date_trunc('month', ${TODAY_CN}) - make_interval(months => $1::int - 1))::date`;

export interface FindingCountsRow {
  rule: AuditRuleCode;
  manager_id: string | null;
  findings: number;
  repeat: number;
  open: number;
  overdue: number;
}

export interface ManagerRow {
  id: string;
  name: string;
  customers: number;
}

export interface MonthRow {
  month: string;
  found: number;
  rectified: number;
  verified: number;
  rectified_on_time: number;
}

/** The audit's figures, each query set-wise over all findings, events or customers. */
@Injectable()
export class AuditFiguresRepository {
  /**
   * Per rule and current account manager: the findings found (or found again) in the period, those among them that
   * recurred in it, and the findings open or rectifying now and overdue now (whenever found).
   */
  findingCounts(db: Db, months: number): Promise<FindingCountsRow[]> {
    return query<FindingCountsRow>(
      db,
      `WITH in_period AS (
         SELECT e.finding_id, bool_or(e.kind = 'recurred') AS recurred FROM audit_finding_events e
          WHERE e.kind IN ('found', 'recurred') AND ${chinaDateSql('e.at')} >= ${PERIOD_START}
          GROUP BY e.finding_id
       )
       SELECT f.rule_code AS rule, c.account_manager_id AS manager_id,
              count(ip.finding_id)::int AS findings,
              count(*) FILTER (WHERE ip.recurred)::int AS repeat,
              count(*) FILTER (WHERE f.state IN ('open', 'rectifying'))::int AS open,
              count(*) FILTER (WHERE ${RUNNING_DUE_SQL} < now())::int AS overdue
         FROM audit_findings f
         JOIN customers c ON c.id = f.customer_id
         LEFT JOIN in_period ip ON ip.finding_id = f.id
         ${latestClockJoin('f')}
        GROUP BY f.rule_code, c.account_manager_id`,
      [months],
    );
  }

  /** Every active account manager with their customers with a supply. */
  managers(db: Db): Promise<ManagerRow[]> {
    return query<ManagerRow>(
      db,
      `SELECT u.id, u.display_name AS name, count(c.id)::int AS customers
         FROM users u LEFT JOIN customers c ON c.account_manager_id = u.id AND c.stage IN ${SUPPLIED}
        WHERE u.role = 'account_manager' AND u.active
        GROUP BY u.id, u.display_name`,
    );
  }

  async customers(db: Db): Promise<number> {
    const [row] = await query<{ n: number }>(db, `SELECT count(*)::int AS n FROM customers WHERE stage IN ${SUPPLIED}`);
    return row.n;
  }

  /**
   * Per month of the period (every month, zero or not): findings found (new or recurred), rectified and verified,
   * and the rectifications made before the due moment of the rectification clock that ran then.
   */
  months(db: Db, months: number): Promise<MonthRow[]> {
    return query<MonthRow>(
      db,
      `WITH counted AS (
         SELECT to_char(${chinaDateSql('e.at')}, 'YYYY-MM') AS month,
                count(*) FILTER (WHERE e.kind IN ('found', 'recurred'))::int AS found,
                count(*) FILTER (WHERE e.kind = 'rectified')::int AS rectified,
                count(*) FILTER (WHERE e.kind = 'verified')::int AS verified,
                count(*) FILTER (WHERE e.kind = 'rectified' AND k.stopped_at <= k.due_at)::int AS rectified_on_time
           FROM audit_finding_events e
           LEFT JOIN LATERAL (
             SELECT k.stopped_at, k.due_at FROM clocks k
              WHERE e.kind = 'rectified' AND k.owner_kind = '${AUDIT_CLOCK_OWNER}' AND k.owner_id = e.finding_id
                AND k.started_at <= e.at
              ORDER BY k.started_at DESC, k.id DESC LIMIT 1) k ON true
          WHERE ${chinaDateSql('e.at')} >= ${PERIOD_START}
          GROUP BY 1
       )
       SELECT to_char(m, 'YYYY-MM') AS month, coalesce(x.found, 0) AS found, coalesce(x.rectified, 0) AS rectified,
              coalesce(x.verified, 0) AS verified, coalesce(x.rectified_on_time, 0) AS rectified_on_time
         FROM generate_series(${PERIOD_START}, ${TODAY_CN}, interval '1 month') m
         LEFT JOIN counted x ON x.month = to_char(m, 'YYYY-MM')
        ORDER BY m`,
      [months],
    );
  }
}
