import { Injectable } from '@nestjs/common';
import { Notification, NotificationPage } from '@crm/shared/domain';
import { EntityManager } from 'typeorm';
import { NewNotification, NotificationRow, NotificationsRepository } from './notifications.repository';

export type { NewNotification } from './notifications.repository';

function toNotification(r: NotificationRow): Notification {
  return {
    id: Number(r.id),
    kind: r.kind,
    summary: r.summary,
    customerId: r.customer_id,
    data: r.data,
    createdAt: r.created_at.toISOString(),
    read: r.read_at !== null,
    resolved: r.resolved_at !== null,
  };
}

/**
 * The one writer of in-app notifications, and each user's reader of their own. Writers pass their
 * transaction's EntityManager; set-wise jobs embed `notificationsInsertFrom` in their statement instead.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async notify(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    if (!notifications.length) return;
    await this.notifications.insertMany(manager, notifications);
  }

  /**
   * A page of the user's notifications (all, or only the unread ones; of one kind or all), newest first, with how
   * many are unread and the groups by kind.
   */
  async list(
    userId: string,
    query: { unread?: boolean; kind?: string; page: number; pageSize: number },
  ): Promise<NotificationPage> {
    const unreadOnly = query.unread ?? false;
    const [groups, rows] = await Promise.all([
      this.notifications.groups(userId, unreadOnly),
      this.notifications.page(userId, { unreadOnly, kind: query.kind }, query),
    ]);
    const listed = groups.filter((g) => query.kind === undefined || g.kind === query.kind);
    return {
      items: rows.map(toNotification),
      total: listed.reduce((n, g) => n + g.total, 0),
      unread: listed.reduce((n, g) => n + g.unread, 0),
      groups: groups.map((g) => ({
        kind: g.kind,
        total: g.total,
        unread: g.unread,
        latestAt: g.latest_at.toISOString(),
      })),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Marks one of the user's notifications read; someone else's, or an unknown one, is left alone. */
  markRead(userId: string, id: number): Promise<void> {
    return this.notifications.markRead(userId, id);
  }

  markAllRead(userId: string): Promise<void> {
    return this.notifications.markAllRead(userId);
  }
}
