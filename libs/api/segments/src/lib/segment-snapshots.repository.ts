import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { Db, execute, PageRequest, Params, query, queryOne, queryPage, TODAY_CN } from '@crm/api/database';
import { Page, SegmentChange, SegmentRule, SegmentSnapshot } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { compileSegmentRule } from './segment-sql';

/** What a snapshot needs of its segment; `first` when the segment has no snapshot yet. */
export interface SnapshotSegmentRow {
  kind: string;
  rule: SegmentRule | null;
  first: boolean;
}

interface SegmentChangeRow {
  taken_on: string;
  id: string;
  account_no: string;
  name: string;
  region: string;
}

/** Segments' daily snapshots, the membership refresh they record, and who joined or left. */
@Injectable()
export class SegmentSnapshotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every segment's id, oldest first. */
  async segmentIds(): Promise<string[]> {
    const rows = await query<{ id: string }>(this.dataSource, 'SELECT id FROM segments ORDER BY created_at');
    return rows.map((r) => r.id);
  }

  /** Holds the segment's snapshot lock until `tx` ends, so that two snapshots of a segment do not overlap. */
  async lock(tx: Db, segmentId: string): Promise<void> {
    await execute(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`segment-snapshot:${segmentId}`]);
  }

  findSegment(tx: Db, segmentId: string): Promise<SnapshotSegmentRow | undefined> {
    return queryOne<SnapshotSegmentRow>(
      tx,
      `SELECT kind, rule, NOT EXISTS (SELECT 1 FROM segment_snapshots WHERE segment_id = g.id) AS first
         FROM segments g WHERE id = $1`,
      [segmentId],
    );
  }

  /**
   * Sets a dynamic segment's members to those its rule matches now, recording who joined and who left
   * (on the segment's first snapshot nobody counts as joined).
   */
  async refreshMembership(
    tx: Db,
    segmentId: string,
    rule: SegmentRule,
    first: boolean,
  ): Promise<{ joined: number; left: number }> {
    const params = new Params(segmentId, first);
    const where = compileSegmentRule(rule, params);
    const [counts] = await query<{ joined: number; left: number }>(
      tx,
      `WITH now AS (
         SELECT f.customer_id AS id FROM segment_facts f WHERE ${where}
       ), gone AS (
         DELETE FROM segment_members sm
          WHERE sm.segment_id = $1 AND NOT EXISTS (SELECT 1 FROM now WHERE now.id = sm.customer_id)
         RETURNING sm.customer_id
       ), came AS (
         INSERT INTO segment_members (segment_id, customer_id, since)
         SELECT $1, now.id, ${TODAY_CN} FROM now
         ON CONFLICT DO NOTHING
         RETURNING customer_id
       ), changes AS (
         INSERT INTO segment_changes (segment_id, customer_id, taken_on, change)
         SELECT $1, customer_id, ${TODAY_CN}, 'joined' FROM came WHERE NOT $2
         UNION ALL
         SELECT $1, customer_id, ${TODAY_CN}, 'left' FROM gone
       )
       SELECT CASE WHEN $2 THEN 0 ELSE (SELECT count(*) FROM came) END::int AS joined,
              (SELECT count(*) FROM gone)::int AS left`,
      params,
    );
    return counts;
  }

  /** Records today's size and changes; a second snapshot on the same day adds its changes to the first's. */
  async upsertToday(tx: Db, segmentId: string, joined: number, left: number): Promise<SegmentSnapshot> {
    const [snapshot] = await query<SegmentSnapshot>(
      tx,
      `INSERT INTO segment_snapshots AS t (segment_id, taken_on, size, joined, "left")
       SELECT $1, ${TODAY_CN}, count(*), $2, $3 FROM segment_members WHERE segment_id = $1
       ON CONFLICT (segment_id, taken_on) DO UPDATE
         SET size = EXCLUDED.size, joined = t.joined + EXCLUDED.joined, "left" = t."left" + EXCLUDED."left"
       RETURNING taken_on::text AS "takenOn", size, joined, "left"`,
      [segmentId, joined, left],
    );
    return snapshot;
  }

  /** The daily sizes of the last `days` days, oldest first. */
  history(segmentId: string, days: number): Promise<SegmentSnapshot[]> {
    return query<SegmentSnapshot>(
      this.dataSource,
      `SELECT taken_on::text AS "takenOn", size, joined, "left" FROM segment_snapshots
        WHERE segment_id = $1 AND taken_on > ${TODAY_CN} - $2::int
        ORDER BY taken_on`,
      [segmentId, days],
    );
  }

  /** A page of who joined (or left), latest first, within the caller's scope, and how many there are. */
  changes(
    segmentId: string,
    change: 'joined' | 'left',
    scope: DataScope,
    page: PageRequest,
  ): Promise<Page<SegmentChange>> {
    const params = new Params(segmentId, change);
    const where = `x.segment_id = $1 AND x.change = $2 AND ${scope.sql('c.account_manager_id', params)}`;
    return queryPage(
      this.dataSource,
      {
        rows: `SELECT x.taken_on::text AS taken_on, c.id, c.account_no, c.name, c.region
                 FROM segment_changes x JOIN customers c ON c.id = x.customer_id
                WHERE ${where}
                ORDER BY x.taken_on DESC, c.account_no`,
        count: `SELECT count(*)::int AS total FROM segment_changes x JOIN customers c ON c.id = x.customer_id WHERE ${where}`,
      },
      params,
      page,
      (r: SegmentChangeRow): SegmentChange => ({
        takenOn: r.taken_on,
        change,
        customer: { id: r.id, accountNo: r.account_no, name: r.name, region: r.region },
      }),
    );
  }
}
