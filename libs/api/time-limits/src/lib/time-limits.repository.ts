import { Injectable } from '@nestjs/common';
import { Db, execute, query, queryOne } from '@crm/api/database';
import { ClockUnit } from '@crm/shared/domain';
import { notificationsInsertFrom, notificationsResolveWhere } from '@crm/api/notifications';
import { timelineInsertFrom } from '@crm/api/timeline';

/** Which clock: its owner (kind and id) and which of the owner's clocks. */
export interface ClockKey {
  ownerKind: string;
  ownerId: string;
  clockKind: string;
}

export interface NewClock extends ClockKey {
  customerId: string;
  limitValue: number;
  limitUnit: ClockUnit;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
  calendarEstimated: boolean;
}

export interface ClockRow extends ClockKey {
  id: string;
  limitValue: number;
  limitUnit: ClockUnit;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  pausedAt: Date | null;
  resumedAt: Date | null;
  usedBefore: number;
}

const CLOCK_COLUMNS = `id, owner_kind AS "ownerKind", owner_id AS "ownerId", clock_kind AS "clockKind",
  limit_value AS "limitValue", limit_unit AS "limitUnit", started_at AS "startedAt", warn_at AS "warnAt",
  due_at AS "dueAt", stopped_at AS "stoppedAt", paused_at AS "pausedAt", resumed_at AS "resumedAt",
  used_before::float8 AS "usedBefore"`;

/** Every query on clocks and clock_events. */
@Injectable()
export class TimeLimitsRepository {
  async insert(db: Db, clocks: NewClock[]): Promise<void> {
    if (!clocks.length) return;
    await execute(
      db,
      `INSERT INTO clocks (owner_kind, owner_id, clock_kind, customer_id, limit_value, limit_unit, started_at,
                           warn_at, due_at, calendar_estimated)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::numeric[], $6::text[],
                            $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::boolean[])`,
      [
        clocks.map((c) => c.ownerKind),
        clocks.map((c) => c.ownerId),
        clocks.map((c) => c.clockKind),
        clocks.map((c) => c.customerId),
        clocks.map((c) => c.limitValue),
        clocks.map((c) => c.limitUnit),
        clocks.map((c) => c.startedAt),
        clocks.map((c) => c.warnAt),
        clocks.map((c) => c.dueAt),
        clocks.map((c) => c.calendarEstimated),
      ],
    );
  }

  /** The running or paused clock, its row locked. */
  async lockOpen(db: Db, key: ClockKey): Promise<ClockRow | null> {
    const row = await queryOne<ClockRow>(
      db,
      `SELECT ${CLOCK_COLUMNS} FROM clocks
        WHERE owner_kind = $1 AND owner_id = $2 AND clock_kind = $3 AND stopped_at IS NULL FOR UPDATE`,
      [key.ownerKind, key.ownerId, key.clockKind],
    );
    return row ?? null;
  }

  /** The latest clock of this key, running or stopped. */
  async find(db: Db, key: ClockKey): Promise<ClockRow | null> {
    const row = await queryOne<ClockRow>(
      db,
      `SELECT ${CLOCK_COLUMNS} FROM clocks WHERE owner_kind = $1 AND owner_id = $2 AND clock_kind = $3`,
      [key.ownerKind, key.ownerId, key.clockKind],
    );
    return row ?? null;
  }

  /** Stops the clock; its notifications are resolved (their cause is gone). */
  async stop(db: Db, key: ClockKey, at: Date): Promise<void> {
    await execute(
      db,
      `WITH stopped AS (
         UPDATE clocks SET stopped_at = greatest($4::timestamptz, started_at)
          WHERE owner_kind = $1 AND owner_id = $2 AND clock_kind = $3 AND stopped_at IS NULL
         RETURNING id)
       ${notificationsResolveWhere('n.clock_id IN (SELECT id FROM stopped)')}`,
      [key.ownerKind, key.ownerId, key.clockKind, at],
    );
  }

  /** Stops every open clock of an owner (e.g. a cancelled application), and resolves their notifications. */
  async stopAll(db: Db, ownerKinds: string[], ownerId: string, at: Date): Promise<void> {
    await execute(
      db,
      `WITH stopped AS (
         UPDATE clocks SET stopped_at = greatest($3::timestamptz, coalesce(paused_at, started_at))
          WHERE owner_kind = ANY($1) AND owner_id = $2 AND stopped_at IS NULL
         RETURNING id)
       ${notificationsResolveWhere('n.clock_id IN (SELECT id FROM stopped)')}`,
      [ownerKinds, ownerId, at],
    );
  }

  async pause(db: Db, id: string, at: Date, usedBefore: number): Promise<void> {
    await execute(db, `UPDATE clocks SET paused_at = $2, used_before = $3 WHERE id = $1`, [id, at, usedBefore]);
  }

  async resume(db: Db, id: string, at: Date, moments: { warnAt: Date; dueAt: Date }): Promise<void> {
    await execute(db, `UPDATE clocks SET paused_at = NULL, resumed_at = $2, warn_at = $3, due_at = $4 WHERE id = $1`, [
      id,
      at,
      moments.warnAt,
      moments.dueAt,
    ]);
  }

  /**
   * Records, once per clock, the running clocks that reached warning or overdue, and writes each
   * event's timeline entry and notification as `describe` (the owner kind's SQL over the CTE
   * `fired (clock_id, owner_id, clock_kind, customer_id, kind)`, answering the columns clock_id, customer_id,
   * timeline_type, timeline_summary, timeline_data, user_id, notification_kind, notification_summary,
   * notification_data) says; a row may notify a further user without a timeline entry of its own (timeline_type
   * NULL). Each notification keeps its clock, which resolves it once the clock stops; an overdue event resolves
   * the clock's earlier warning. One statement per owner kind: safe with several instances (the unique
   * key of clock_events decides who records an event).
   */
  async scan(db: Db, ownerKind: string, describe: string): Promise<{ kind: 'warning' | 'overdue'; n: number }[]> {
    return query<{ kind: 'warning' | 'overdue'; n: number }>(
      db,
      `WITH due AS (
         SELECT k.id, k.owner_id, k.clock_kind, k.customer_id,
                CASE WHEN now() > k.due_at THEN 'overdue' ELSE 'warning' END AS kind
           FROM clocks k
          WHERE k.owner_kind = $1 AND k.stopped_at IS NULL AND k.paused_at IS NULL AND now() >= k.warn_at
       ), recorded AS (
         INSERT INTO clock_events (clock_id, kind)
         SELECT id, kind FROM due
         ON CONFLICT (clock_id, kind) DO NOTHING
         RETURNING clock_id, kind
       ), fired AS (
         SELECT r.clock_id, d.owner_id, d.clock_kind, d.customer_id, r.kind
           FROM recorded r JOIN due d ON d.id = r.clock_id
       ), described AS (${describe}
       ), logged AS (
         ${timelineInsertFrom(`(SELECT customer_id, timeline_type AS type, NULL::uuid AS actor_id, timeline_summary AS summary,
                                       timeline_data AS data FROM described
                                 WHERE timeline_type IS NOT NULL)`)}
       ), notified AS (
         ${notificationsInsertFrom(
           `(SELECT user_id, customer_id, notification_kind AS kind, notification_summary AS summary,
                    notification_data AS data, clock_id FROM described)`,
           { clock: true },
         )}
       ), superseded AS (
         ${notificationsResolveWhere(`n.clock_id IN (SELECT clock_id FROM fired WHERE kind = 'overdue')`)}
       )
       SELECT kind, count(*)::int AS n FROM fired GROUP BY kind`,
      [ownerKind],
    );
  }
}
