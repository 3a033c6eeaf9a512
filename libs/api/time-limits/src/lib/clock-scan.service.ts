import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@crm/api/jobs';
import { DataSource } from 'typeorm';
import { TimeLimitsRepository } from './time-limits.repository';

/**
 * The one time-limit scan (pg-boss job `sla-scan`, every 5 minutes): records, once per clock, the
 * running clocks that reached warning and those that became overdue (clock_events), with a timeline
 * entry and a notification whose text each owner kind decides (`register`). Safe on several instances.
 */
@Injectable()
export class ClockScanService implements OnModuleInit {
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: TimeLimitsRepository,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every('sla-scan', '*/5 * * * *', () => this.scan());
  }

  /**
   * How the events of an owner kind's clocks are told: SQL over the CTE `fired (clock_id, owner_id,
   * clock_kind, customer_id, kind)` answering clock_id, customer_id, timeline_type, timeline_summary,
   * timeline_data, user_id, notification_kind, notification_summary, notification_data: one row per user to notify, timeline_type NULL
   * on all rows of an event but one (the event has one timeline entry).
   */
  register(ownerKind: string, describe: string): void {
    this.owners.set(ownerKind, describe);
  }

  /** Events recorded by this run, per owner kind. */
  async scan(): Promise<Record<string, { warning: number; overdue: number }>> {
    const counts: Record<string, { warning: number; overdue: number }> = {};
    for (const [ownerKind, describe] of this.owners) {
      counts[ownerKind] = { warning: 0, overdue: 0 };
      for (const r of await this.clocks.scan(this.dataSource.manager, ownerKind, describe)) {
        counts[ownerKind][r.kind] = r.n;
      }
    }
    return counts;
  }
}
