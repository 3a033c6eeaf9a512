import { execute, query } from '@crm/api/database';
import { TestApp } from './test-app';

/**
 * Work orders written straight into their tables, as the work-orders library would, for tests of the
 * libraries that read them (segments, service plans) without the work-orders module.
 */

/** The reference rows such orders point at: the channel hotline_95598 and the types inquiry and complaint. */
export async function seedWorkOrderReference(t: TestApp): Promise<void> {
  await execute(
    t.dataSource,
    `INSERT INTO work_order_channels (code, position, name_zh, name_en) VALUES ('hotline_95598', 1, '95598', '95598')
     ON CONFLICT DO NOTHING`,
  );
  await execute(
    t.dataSource,
    `INSERT INTO work_order_types (code, position, name_zh, name_en)
     VALUES ('inquiry', 1, '咨询', 'Inquiry'), ('complaint', 4, '投诉', 'Complaint') ON CONFLICT DO NOTHING`,
  );
}

export interface TestWorkOrder {
  customerId: string;
  type: 'inquiry' | 'complaint';
  /** Received (and its period started) this many days ago; default 0. */
  daysAgo?: number;
  /** Default open. */
  state?: string;
  /** Default now for a closed order, none otherwise. */
  closedAt?: Date | null;
  satisfaction?: number | null;
  summary?: string;
}

/** Inserts a hotline work order recorded by manager1 (needs seedWorkOrderReference); returns its id. */
export async function insertWorkOrder(t: TestApp, order: TestWorkOrder): Promise<string> {
  const [{ id }] = await query<{ id: string }>(
    t.dataSource,
    `INSERT INTO work_orders (customer_id, channel, type, summary, received_at, recorded_by, state, period_started_at,
                              closed_at, satisfaction)
     VALUES ($1, 'hotline_95598', $2, $3, now() - make_interval(days => $4), $5, $6,
             now() - make_interval(days => $4), coalesce($7, CASE WHEN $6 = 'closed' THEN now() END), $8)
     RETURNING id`,
    [
      order.customerId,
      order.type,
      order.summary ?? 'test',
      order.daysAgo ?? 0,
      t.userIds['manager1'],
      order.state ?? 'open',
      order.closedAt ?? null,
      order.satisfaction ?? null,
    ],
  );
  return id;
}
