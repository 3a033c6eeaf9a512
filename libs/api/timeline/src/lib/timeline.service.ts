import { Injectable } from '@nestjs/common';
import { TimelineEntry } from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';

export interface NewTimelineEntry {
  customerId: string;
  type: string;
  /** The user who did it; null for the system (a background job). */
  actorId: string | null;
  summary: string;
  data?: Record<string, unknown>;
}

/**
 * The customer timeline. Writers pass their transaction's EntityManager so that an entry is
 * recorded exactly when the change it describes is committed.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entries: NewTimelineEntry[]): Promise<void> {
    if (!entries.length) return;
    await manager.query(
      `INSERT INTO customer_timeline (customer_id, type, actor_id, summary, data)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::jsonb[])`,
      [
        entries.map((e) => e.customerId),
        entries.map((e) => e.type),
        entries.map((e) => e.actorId),
        entries.map((e) => e.summary),
        entries.map((e) => JSON.stringify(e.data ?? {})),
      ],
    );
  }

  /** Newest first. The caller has already checked that the customer is in the caller's scope. */
  async list(customerId: string, limit: number): Promise<TimelineEntry[]> {
    const rows: {
      at: Date;
      type: string;
      actor_id: string | null;
      actor_name: string | null;
      summary: string;
      data: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT t.at, t.type, t.actor_id, u.display_name AS actor_name, t.summary, t.data
           FROM customer_timeline t LEFT JOIN users u ON u.id = t.actor_id
          WHERE t.customer_id = $1
          ORDER BY t.at DESC, t.id DESC
          LIMIT $2`,
      [customerId, limit],
    );
    return rows.map((r) => ({
      at: r.at.toISOString(),
      type: r.type,
      actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
      summary: r.summary,
      data: r.data,
    }));
  }
}
