import { Injectable } from '@nestjs/common';
import { Db, execute, query } from '@crm/api/database';
import { DataSource } from 'typeorm';

/** What a timeline row is made of. */
export interface NewTimelineEntry {
  customerId: string;
  type: string;
  /** The user who did it; null for the system (a background job). */
  actorId: string | null;
  summary: string;
  data?: Record<string, unknown>;
}

export interface TimelineRow {
  at: Date;
  type: string;
  actor_id: string | null;
  actor_name: string | null;
  summary: string;
  data: Record<string, unknown>;
}

/** The rows of customer_timeline. */
@Injectable()
export class TimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the entries in one statement. */
  async insertMany(db: Db, entries: NewTimelineEntry[]): Promise<void> {
    await execute(
      db,
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

  /** The customer's latest `limit` entries with their actor's name, newest first. */
  latest(customerId: string, limit: number): Promise<TimelineRow[]> {
    return query<TimelineRow>(
      this.dataSource,
      `SELECT t.at, t.type, t.actor_id, u.display_name AS actor_name, t.summary, t.data
         FROM customer_timeline t LEFT JOIN users u ON u.id = t.actor_id
        WHERE t.customer_id = $1
        ORDER BY t.at DESC, t.id DESC
        LIMIT $2`,
      [customerId, limit],
    );
  }
}
