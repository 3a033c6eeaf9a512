import { Db, execute, queryOne } from '@crm/api/database';
import channels from '@crm/seeds/work-order-channels.json';
import limits from '@crm/seeds/work-order-limits.json';
import types from '@crm/seeds/work-order-types.json';
import topics from '@crm/seeds/complaint-topics.json';
import { ClockLimit } from '@crm/shared/domain';

const UPSERT_NAMES =
  'ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en';

/**
 * The reference tables of requests and complaints: channels, types and topics follow seeds/ (new codes
 * added, names updated); the limit table is loaded from seeds/work-order-limits.json only while it is
 * empty, since admins edit it afterwards (`updateWorkOrderLimit`). The reference sync
 * (libs/api/reference) calls `seedWorkOrderReference` at every start.
 */
export async function seedWorkOrderReference(db: Db): Promise<void> {
  const ch = channels.channels;
  await execute(
    db,
    `INSERT INTO work_order_channels (code, position, name_zh, name_en)
     SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[]) ${UPSERT_NAMES}`,
    [ch.map((c) => c.code), ch.map((_, i) => i + 1), ch.map((c) => c.nameZh), ch.map((c) => c.nameEn)],
  );
  const ty = types.types;
  await execute(
    db,
    `INSERT INTO work_order_types (code, position, name_zh, name_en)
     SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[]) ${UPSERT_NAMES}`,
    [ty.map((t) => t.code), ty.map((_, i) => i + 1), ty.map((t) => t.nameZh), ty.map((t) => t.nameEn)],
  );
  const to = [
    ...topics.topics.map((t) => ({ ...t, type: 'complaint' })),
    ...types.serviceRequestTopics.map((t) => ({ ...t, type: 'service_request' })),
  ];
  await execute(
    db,
    `INSERT INTO work_order_topics (code, type, position, name_zh, name_en)
     SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[])
     ON CONFLICT (code) DO UPDATE SET type = EXCLUDED.type, position = EXCLUDED.position,
                                      name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en`,
    [
      to.map((t) => t.code),
      to.map((t) => t.type),
      to.map((_, i) => i + 1),
      to.map((t) => t.nameZh),
      to.map((t) => t.nameEn),
    ],
  );
  const li = limits.limits;
  await execute(
    db,
    `INSERT INTO work_order_limits (type, channel, area, topic, contact_amount, contact_unit, resolution_amount,
                                    resolution_unit, resolution_starts_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::numeric[],
                          $8::text[], $9::text[])
      WHERE NOT EXISTS (SELECT 1 FROM work_order_limits)`,
    [
      li.map((l) => l.type),
      li.map((l) => l.channel),
      li.map((l) => l.area),
      li.map((l) => l.topic),
      li.map((l) => l.contact.amount),
      li.map((l) => l.contact.unit),
      li.map((l) => l.resolution.amount),
      li.map((l) => l.resolution.unit),
      li.map((l) => l.resolutionStartsAt),
    ],
  );
}

/** An admin's edit of one row of the limit table: its amounts and units (which orders it matches stays). */
export interface WorkOrderLimitEdit {
  contact: ClockLimit;
  resolution: ClockLimit;
  resolutionStartsAt: 'opened' | 'contacted';
}

/** Writes one limit row; false when there is no such row. Orders already received keep their limits. */
export async function updateWorkOrderLimit(
  db: Db,
  id: string,
  edit: WorkOrderLimitEdit,
  userId: string,
): Promise<boolean> {
  const row = await queryOne<{ id: string }>(
    db,
    `UPDATE work_order_limits
        SET contact_amount = $2, contact_unit = $3, resolution_amount = $4, resolution_unit = $5,
            resolution_starts_at = $6, updated_at = now(), updated_by = $7
      WHERE id = $1 RETURNING id`,
    [
      id,
      edit.contact.amount,
      edit.contact.unit,
      edit.resolution.amount,
      edit.resolution.unit,
      edit.resolutionStartsAt,
      userId,
    ],
  );
  return row !== undefined;
}
