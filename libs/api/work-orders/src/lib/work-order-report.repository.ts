import { Injectable } from '@nestjs/common';
import { chinaDateSql, Db, query, queryOne } from '@crm/api/database';
import { WorkOrderChannel, WorkOrderTopic, WorkOrderType } from '@crm/shared/domain';
import { clockOutcomeSql, contactClockJoin, resolutionClockJoin } from './work-orders-sql';

/** The counts of one group of orders. */
export interface ReportCounts {
  orders: number;
  complaints: number;
  contact_met: number;
  contact_late: number;
  resolution_met: number;
  resolution_late: number;
  rated: number;
  /** Sum of the satisfaction scores of the rated orders (a bigint: a string). */
  satisfaction_sum: string | null;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  urged: number;
  escalated: number;
  contradicted: number;
}

/**
 * One group of the report: `grouping` has a bit set for each column NOT grouped on (16 month,
 * 8 channel, 4 type, 2 topic, 1 owner), so month + channel is 7 and the whole period 31.
 */
export interface ReportGroupRow extends ReportCounts {
  grouping: number;
  month: string | null;
  channel: WorkOrderChannel | null;
  type: WorkOrderType | null;
  topic: WorkOrderTopic | null;
  owner_id: string | null;
  owner_name: string | null;
}

export const GROUPED = { month: 16, channel: 8, type: 4, topic: 2, owner: 1 } as const;

/**
 * The report's one pass over the orders received in [$1, $2) (instants; the index work_orders_received):
 * each order with its China month, owner and clock outcomes, counted for each grouping set at once.
 */
const REPORT_SQL = `
  WITH o AS (
    SELECT to_char(${chinaDateSql('w.received_at')}, 'YYYY-MM') AS month, w.channel, w.type, w.topic,
           coalesce(c.account_manager_id, w.recorded_by) AS owner_id, w.satisfaction, w.urges,
           w.escalated_at, w.contradicted_at,
           ${clockOutcomeSql('kc')} AS contact, ${clockOutcomeSql('kr')} AS resolution
      FROM work_orders w
      JOIN customers c ON c.id = w.customer_id
      LEFT JOIN clocks kc ON ${contactClockJoin('kc', 'w')}
      LEFT JOIN clocks kr ON ${resolutionClockJoin('kr', 'w')}
     WHERE w.received_at >= $1 AND w.received_at < $2),
  g AS (
    SELECT GROUPING(month, channel, type, topic, owner_id) AS grouping, month, channel, type, topic, owner_id,
           count(*)::int AS orders,
           count(*) FILTER (WHERE type = 'complaint')::int AS complaints,
           count(*) FILTER (WHERE contact = 'met')::int AS contact_met,
           count(*) FILTER (WHERE contact = 'late')::int AS contact_late,
           count(*) FILTER (WHERE resolution = 'met')::int AS resolution_met,
           count(*) FILTER (WHERE resolution = 'late')::int AS resolution_late,
           count(satisfaction)::int AS rated, sum(satisfaction) AS satisfaction_sum,
           count(*) FILTER (WHERE satisfaction = 1)::int AS s1, count(*) FILTER (WHERE satisfaction = 2)::int AS s2,
           count(*) FILTER (WHERE satisfaction = 3)::int AS s3, count(*) FILTER (WHERE satisfaction = 4)::int AS s4,
           count(*) FILTER (WHERE satisfaction = 5)::int AS s5,
           count(*) FILTER (WHERE urges > 0)::int AS urged,
           count(escalated_at)::int AS escalated, count(contradicted_at)::int AS contradicted
      FROM o
     GROUP BY GROUPING SETS ((month, channel), (month, type), (month, topic), (month), (channel), (type), (topic),
                             (owner_id), ()))
  SELECT g.*, u.display_name AS owner_name
    FROM g LEFT JOIN users u ON u.id = g.owner_id
   ORDER BY g.grouping, g.month, g.orders DESC, u.display_name`;

/** Reads of the service-quality report (work orders are this library's; customers and users only read). */
@Injectable()
export class WorkOrderReportRepository {
  /** The counts of the orders received in [from, to) (instants) per grouping set (see ReportGroupRow). */
  groups(db: Db, from: string, to: string): Promise<ReportGroupRow[]> {
    return query<ReportGroupRow>(db, REPORT_SQL, [from, to]);
  }

  /** Customers not closed, now: the base of complaints per 10,000 customers. */
  async customersNotClosed(db: Db): Promise<number> {
    const row = await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM customers WHERE stage <> 'closed'`);
    return row?.n ?? 0;
  }
}
