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
  resolved_at: Date | null;
}

/** Which of the user's notifications a page lists: all or the unread (and unresolved) only, of one kind or all. */
export interface NotificationFilter {
  unreadOnly: boolean;
  kind?: string;
}

export interface NotificationGroupRow {
  kind: string;
  total: number;
  unread: number;
  latest_at: Date;
}

/** A notification still counts as unread: not read, and its cause not gone. */
const UNREAD = 'read_at IS NULL AND resolved_at IS NULL';

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

  /** The user's notifications that pass the filter but its kind, by kind: the group with the latest first. */
  groups(userId: string, unreadOnly: boolean): Promise<NotificationGroupRow[]> {
    return query<NotificationGroupRow>(
      this.dataSource,
      `SELECT kind, count(*)::int AS total, count(*) FILTER (WHERE ${UNREAD})::int AS unread, max(created_at) AS latest_at
         FROM notifications WHERE user_id = $1 AND (NOT $2 OR ${UNREAD})
        GROUP BY kind ORDER BY latest_at DESC, kind`,
      [userId, unreadOnly],
    );
  }

  /** A page of the user's notifications that pass the filter, newest first. */
  page(
    userId: string,
    filter: NotificationFilter,
    page: { page: number; pageSize: number },
  ): Promise<NotificationRow[]> {
    return query<NotificationRow>(
      this.dataSource,
      `SELECT id, user_id, customer_id, kind, summary, data, created_at, read_at, resolved_at FROM notifications
        WHERE user_id = $1 AND (NOT $2 OR ${UNREAD}) AND ($3::text IS NULL OR kind = $3)
        ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`,
      [userId, filter.unreadOnly, filter.kind ?? null, page.pageSize, (page.page - 1) * page.pageSize],
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
