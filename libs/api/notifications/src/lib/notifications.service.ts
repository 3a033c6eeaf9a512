import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NewNotification {
  userId: string;
  customerId: string | null;
  /** What the web translates it by (notification-text.ts), e.g. `sla_warning`. */
  kind: string;
  /** The English text shown when the web does not know the kind. */
  summary: string;
  data: Record<string, unknown>;
}

/**
 * The one writer of in-app notifications. Writers pass their transaction's EntityManager; set-wise
 * jobs embed `notificationsInsertFrom` in their statement instead.
 */
@Injectable()
export class NotificationsService {
  async notify(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    if (!notifications.length) return;
    await manager.query(
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
}
