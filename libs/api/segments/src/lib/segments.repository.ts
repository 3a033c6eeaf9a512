import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { Db, execute, PageRequest, Params, query, queryOne, queryPage, TODAY_CN } from '@crm/api/database';
import { Page, Segment, SegmentKind, SegmentRule } from '@crm/shared/domain';
import { DataSource } from 'typeorm';

/** A segment's row with its size (the latest snapshot's, or a static list's length) and 30-day trend. */
const SEGMENT_SELECT = `
  SELECT g.id, g.name, g.description, g.kind, g.rule, g.owner_id, u.display_name AS owner_name,
         g.created_at, g.updated_at,
         CASE WHEN g.kind = 'static' THEN (SELECT count(*) FROM segment_members sm WHERE sm.segment_id = g.id)::int
              ELSE (SELECT x.size FROM segment_snapshots x WHERE x.segment_id = g.id ORDER BY x.taken_on DESC LIMIT 1)
         END AS size,
         ARRAY(SELECT t.size FROM (SELECT x.size, x.taken_on FROM segment_snapshots x WHERE x.segment_id = g.id
                                    ORDER BY x.taken_on DESC LIMIT 30) t ORDER BY t.taken_on) AS trend
    FROM segments g JOIN users u ON u.id = g.owner_id`;

interface SegmentRow {
  id: string;
  name: string;
  description: string;
  kind: SegmentKind;
  rule: SegmentRule | null;
  owner_id: string;
  owner_name: string;
  created_at: Date;
  updated_at: Date;
  size: number | null;
  trend: number[];
}

function toSegment(r: SegmentRow): Segment {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    kind: r.kind,
    rule: r.rule,
    owner: { id: r.owner_id, displayName: r.owner_name },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    size: r.size,
    trend: r.trend,
  };
}

export interface NewSegment {
  name: string;
  description: string;
  kind: SegmentKind;
  rule: SegmentRule | null;
  ownerId: string;
}

/** Segment rows and static segments' lists. Segments are shared: everyone sees every segment's definition. */
@Injectable()
export class SegmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(request: PageRequest & { search?: string }): Promise<Page<Segment>> {
    const params = new Params(request.search ?? null);
    const where = `$1::text IS NULL OR strpos(lower(g.name || ' ' || g.description), lower($1)) > 0`;
    return queryPage(
      this.dataSource,
      {
        rows: `${SEGMENT_SELECT} WHERE ${where} ORDER BY g.updated_at DESC, g.id`,
        count: `SELECT count(*)::int AS total FROM segments g WHERE ${where}`,
      },
      params,
      request,
      toSegment,
    );
  }

  async find(id: string, db: Db = this.dataSource): Promise<Segment | null> {
    const row = await queryOne<SegmentRow>(db, `${SEGMENT_SELECT} WHERE g.id = $1`, [id]);
    return row ? toSegment(row) : null;
  }

  async create(tx: Db, segment: NewSegment, customerIds: string[]): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      tx,
      `INSERT INTO segments (name, description, kind, rule, owner_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [segment.name, segment.description, segment.kind, segment.rule, segment.ownerId],
    );
    await execute(
      tx,
      `INSERT INTO segment_members (segment_id, customer_id, since)
       SELECT $1, unnest($2::uuid[]), ${TODAY_CN} ON CONFLICT DO NOTHING`,
      [id, customerIds],
    );
    return id;
  }

  async update(
    tx: Db,
    id: string,
    changes: { name?: string; description?: string; rule?: SegmentRule },
  ): Promise<void> {
    await execute(
      tx,
      `UPDATE segments SET name = coalesce($2, name), description = coalesce($3, description),
              rule = coalesce($4, rule), updated_at = now()
        WHERE id = $1`,
      [id, changes.name ?? null, changes.description ?? null, changes.rule ?? null],
    );
  }

  async delete(tx: Db, id: string): Promise<void> {
    await execute(tx, 'DELETE FROM segments WHERE id = $1', [id]);
  }

  /** Adds customers to a static list; returns how many were not in it yet. */
  async addMembers(id: string, customerIds: string[]): Promise<number> {
    const added = await execute(
      this.dataSource,
      `INSERT INTO segment_members (segment_id, customer_id, since)
       SELECT $1, unnest($2::uuid[]), ${TODAY_CN} ON CONFLICT DO NOTHING`,
      [id, customerIds],
    );
    await this.touch(id);
    return added;
  }

  async removeMember(id: string, customerId: string): Promise<boolean> {
    const removed = await execute(
      this.dataSource,
      'DELETE FROM segment_members WHERE segment_id = $1 AND customer_id = $2',
      [id, customerId],
    );
    await this.touch(id);
    return removed > 0;
  }

  /**
   * The ids of the customers named by `ids` or `accountNos`, within the caller's scope, and the position
   * of each one that is unknown (or not the caller's).
   */
  async resolveCustomers(
    scope: DataScope,
    by: 'customerIds' | 'accountNos',
    values: string[],
  ): Promise<{ ids: string[]; unknown: { index: number; value: string }[] }> {
    const params = new Params(values);
    const match = by === 'customerIds' ? 'c.id = a.value::uuid' : 'c.account_no = a.value';
    const rows = await query<{ value: string; index: string; id: string | null }>(
      this.dataSource,
      `SELECT a.value, a.index, c.id
         FROM unnest($1::text[]) WITH ORDINALITY a (value, index)
         LEFT JOIN customers c ON ${match} AND ${scope.sql('c.account_manager_id', params)}
        ORDER BY a.index`,
      params,
    );
    return {
      ids: rows.filter((r) => r.id !== null).map((r) => r.id as string),
      unknown: rows.filter((r) => r.id === null).map((r) => ({ index: Number(r.index) - 1, value: r.value })),
    };
  }

  private async touch(id: string): Promise<void> {
    await execute(this.dataSource, 'UPDATE segments SET updated_at = now() WHERE id = $1', [id]);
  }
}
