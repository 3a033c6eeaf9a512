import { Injectable } from '@nestjs/common';
import { BillView, ConsumptionMonth, DisconnectionView, OperationalSummary, ViolationView } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { query, TODAY_CN } from '@crm/api/database';

/** Reads of a customer's operational data. The caller has checked that the customer is in scope. */
@Injectable()
export class OperationalDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async consumption(customerId: string, months: number): Promise<ConsumptionMonth[]> {
    const rows = await query<{ period: string; kwh: string; max_demand_kw: string; power_factor: string }>(
      this.dataSource,
      `SELECT to_char(period, 'YYYY-MM') AS period, kwh, max_demand_kw, power_factor
         FROM (SELECT * FROM consumption WHERE customer_id = $1 ORDER BY period DESC LIMIT $2) c
        ORDER BY period`,
      [customerId, months],
    );
    return rows.map((r) => ({
      period: r.period,
      kwh: Number(r.kwh),
      maxDemandKw: Number(r.max_demand_kw),
      powerFactor: Number(r.power_factor),
    }));
  }

  async bills(customerId: string, months: number): Promise<BillView[]> {
    const rows = await query<{
      period: string;
      amount: string;
      due_date: string;
      paid_amount: string;
      paid_at: string | null;
      days_late: number;
      outstanding: string;
    }>(
      this.dataSource,
      `SELECT to_char(period, 'YYYY-MM') AS period, amount, to_char(due_date, 'YYYY-MM-DD') AS due_date, paid_amount,
              to_char(paid_at, 'YYYY-MM-DD') AS paid_at, days_late, outstanding
         FROM (SELECT * FROM bill_status WHERE customer_id = $1 ORDER BY period DESC LIMIT $2) b
        ORDER BY period`,
      [customerId, months],
    );
    return rows.map((r) => ({
      period: r.period,
      amount: Number(r.amount),
      dueDate: r.due_date,
      paidAmount: Number(r.paid_amount),
      paidAt: r.paid_at,
      daysLate: r.days_late,
      outstanding: Number(r.outstanding),
    }));
  }

  async violations(customerId: string): Promise<ViolationView[]> {
    const rows = await query<{
      occurred_on: string;
      kind: ViolationView['kind'];
      description: string;
      penalty: string;
    }>(
      this.dataSource,
      `SELECT to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, kind, description, penalty
         FROM violations WHERE customer_id = $1 ORDER BY occurred_on DESC`,
      [customerId],
    );
    return rows.map((r) => ({
      occurredOn: r.occurred_on,
      kind: r.kind,
      description: r.description,
      penalty: Number(r.penalty),
    }));
  }

  async disconnections(customerId: string): Promise<DisconnectionView[]> {
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
