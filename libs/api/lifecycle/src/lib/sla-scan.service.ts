import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@crm/api/jobs';
import { DataSource } from 'typeorm';
import { TODAY_CN } from '@crm/api/database';

/**
 * Every few minutes: records, once each, the steps that entered `warning` and those that became
 * `overdue` (table sla_events, unique per step and kind), with a timeline entry for the customer and a
 * notification for its account manager, in one statement over all open steps. Safe to run on several
 * instances at once.
 */
@Injectable()
export class SlaScanService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every('sla-scan', '*/5 * * * *', () => this.scan());
  }

  async scan(): Promise<{ warning: number; overdue: number }> {
    const rows: { kind: 'warning' | 'overdue'; n: number }[] = await this.dataSource.query(
      `WITH due AS (
         SELECT s.application_id, s.position, s.code, a.customer_id, a.type,
                CASE WHEN ${TODAY_CN} > s.due_date THEN 'overdue' ELSE 'warning' END AS kind
           FROM application_steps s JOIN applications a ON a.id = s.application_id
          WHERE s.state = 'in_progress' AND a.status = 'open' AND ${TODAY_CN} >= s.warning_date
       ), recorded AS (
         INSERT INTO sla_events (application_id, position, kind)
         SELECT application_id, position, kind FROM due
         ON CONFLICT (application_id, position, kind) DO NOTHING
         RETURNING application_id, position, kind
       ), logged AS (
         INSERT INTO customer_timeline (customer_id, type, actor_id, summary, data)
         SELECT d.customer_id, 'sla_' || r.kind, NULL,
                d.type || ': step ' || d.code || CASE r.kind WHEN 'overdue' THEN ' is overdue' ELSE ' is close to its time limit' END,
                jsonb_build_object('applicationId', d.application_id, 'step', d.code, 'kind', r.kind)
           FROM recorded r JOIN due d USING (application_id, position)
       ), notified AS (
         INSERT INTO notifications (user_id, customer_id, kind, summary, data)
         SELECT c.account_manager_id, d.customer_id, 'sla_' || r.kind,
                c.name || ': ' || d.type || ' ' || d.code || CASE r.kind WHEN 'overdue' THEN ' overdue' ELSE ' near its limit' END,
                jsonb_build_object('applicationId', d.application_id, 'step', d.code, 'customer', c.name,
                                   'stepZh', l.name_zh, 'stepEn', l.name_en)
           FROM recorded r JOIN due d USING (application_id, position)
           JOIN customers c ON c.id = d.customer_id AND c.account_manager_id IS NOT NULL
           LEFT JOIN lifecycle_steps l ON l.application_type = d.type AND l.code = d.code
       )
       SELECT kind, count(*)::int AS n FROM recorded GROUP BY kind`,
    );
    return {
      warning: rows.find((r) => r.kind === 'warning')?.n ?? 0,
      overdue: rows.find((r) => r.kind === 'overdue')?.n ?? 0,
    };
  }
}
