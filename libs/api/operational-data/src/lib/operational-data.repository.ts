import { Injectable } from '@nestjs/common';
import { BillView, ConsumptionMonth, DisconnectionView, OperationalSummary, ViolationView } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { query, TODAY_CN } from '@crm/api/database';

/** Reads of a customer's operational data. The caller has checked that the customer is in scope. */
@Injectable()
export class OperationalDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The customer's latest `months` months, oldest first. */
  consumption(customerId: string, months: number): Promise<ConsumptionMonth[]> {
    return query<ConsumptionMonth>(
      this.dataSource,
      `SELECT to_char(period, 'YYYY-MM') AS period, kwh::float8 AS kwh, max_demand_kw::float8 AS "maxDemandKw",
              power_factor::float8 AS "powerFactor"
         FROM (SELECT * FROM consumption WHERE customer_id = $1 ORDER BY period DESC LIMIT $2) c
        ORDER BY period`,
      [customerId, months],
    );
  }

  /** The bills of the customer's latest `months` months, oldest first. */
  bills(customerId: string, months: number): Promise<BillView[]> {
    return query<BillView>(
      this.dataSource,
      `SELECT to_char(period, 'YYYY-MM') AS period, amount::float8 AS amount, to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
              paid_amount::float8 AS "paidAmount", to_char(paid_at, 'YYYY-MM-DD') AS "paidAt", days_late AS "daysLate",
              outstanding::float8 AS outstanding
         FROM (SELECT * FROM bill_status WHERE customer_id = $1 ORDER BY period DESC LIMIT $2) b
        ORDER BY period`,
      [customerId, months],
    );
  }

  violations(customerId: string): Promise<ViolationView[]> {
    return query<ViolationView>(
      this.dataSource,
      `SELECT to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn", kind, description, penalty::float8 AS penalty
         FROM violations WHERE customer_id = $1 ORDER BY occurred_on DESC`,
      [customerId],
    );
  }

  disconnections(customerId: string): Promise<DisconnectionView[]> {
    return query<DisconnectionView>(
      this.dataSource,
      `SELECT to_char(notice_date, 'YYYY-MM-DD') AS "noticeDate", to_char(disconnected_on, 'YYYY-MM-DD') AS "disconnectedOn",
              to_char(restored_on, 'YYYY-MM-DD') AS "restoredOn"
         FROM disconnections WHERE customer_id = $1 ORDER BY notice_date DESC`,
      [customerId],
    );
  }

  async summary(customerId: string): Promise<OperationalSummary> {
    const [r] = await query<{
      arrears: string;
      overdue_bills: number;
      late_bills: number;
      violations: number;
      kwh: string;
    }>(
      this.dataSource,
      `SELECT (SELECT coalesce(sum(outstanding), 0) FROM bill_status WHERE customer_id = $1) AS arrears,
              (SELECT count(*)::int FROM bill_status WHERE customer_id = $1 AND outstanding > 0 AND due_date < ${TODAY_CN}) AS overdue_bills,
              (SELECT count(*)::int FROM bill_status WHERE customer_id = $1 AND days_late > 0
                  AND period >= date_trunc('month', ${TODAY_CN}) - interval '12 months') AS late_bills,
              (SELECT count(*)::int FROM violations WHERE customer_id = $1 AND occurred_on >= ${TODAY_CN} - interval '24 months') AS violations,
              (SELECT coalesce(sum(kwh), 0) FROM consumption WHERE customer_id = $1
                  AND period >= date_trunc('month', ${TODAY_CN}) - interval '12 months') AS kwh`,
      [customerId],
    );
    return {
      arrears: Number(r.arrears),
      overdueBills: r.overdue_bills,
      lateBills12Months: r.late_bills,
      violations24Months: r.violations,
      kwh12Months: Number(r.kwh),
    };
  }
}
