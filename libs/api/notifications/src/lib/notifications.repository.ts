import { Injectable } from '@nestjs/common';
import { Db, execute, query } from '@crm/api/database';
import { DataSource } from 'typeorm';

export interface NotificationRow {
  id: string;
  user_id: string;
  customer_id: string | null;
  kind: string;
  summary: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

/** What a notification row is made of (the user, the customer it is about, what happened). */
export interface NewNotification {
  userId: string;
  customerId: string | null;
  /** What the web translates it by (notification-text.ts), e.g. `sla_warning`. */
  kind: string;
  /** The English text shown when the web does not know the kind. */
  summary: string;
  data: Record<string, unknown>;
}

/** The rows of notifications: inserted in the writer's transaction, read and marked read by their user. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the notifications in one statement. */
  async insertMany(db: Db, notifications: NewNotification[]): Promise<void> {
    await execute(
      db,
      `INSERT INTO notifications (user_id, customer_id, kind, summary, data)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[])`,
      [
        notifications.map((n) => n.userId),
        notifications.map((n) => n.customerId),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.summary),
        notifications.map((n) => JSON.stringify(n.data)),
      ],
    );
  }

  /** How many of the user's notifications the page counts (all, or the unread only), and how many are unread. */
  async counts(userId: string, unreadOnly: boolean): Promise<{ total: number; unread: number }> {
    const [counts] = await query<{ total: number; unread: number }>(
      this.dataSource,
      `SELECT count(*) FILTER (WHERE NOT $2 OR read_at IS NULL)::int AS total,
              count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE user_id = $1`,
      [userId, unreadOnly],
    );
    return counts;
  }

  /** A page of the user's notifications (all, or the unread only), newest first. */
  page(userId: string, unreadOnly: boolean, page: { page: number; pageSize: number }): Promise<NotificationRow[]> {
    return query<NotificationRow>(
      this.dataSource,
      `SELECT id, user_id, customer_id, kind, summary, data, created_at, read_at FROM notifications
        WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL)
        ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, page.pageSize, (page.page - 1) * page.pageSize],
    );
  }

  async markRead(userId: string, id: number): Promise<void> {
    await execute(
      this.dataSource,
      'UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
      [id, userId],
    );
  }

  async markAllRead(userId: string): Promise<void> {
    await execute(this.dataSource, 'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [
      userId,
    ]);
  }
}
