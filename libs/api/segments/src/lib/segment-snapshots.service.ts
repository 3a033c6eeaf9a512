import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { TODAY_CN } from '@crm/api/database';
import { JobsService } from '@crm/api/jobs';
import { Page, SegmentChange, SegmentRule, SegmentSnapshot } from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { compileSegmentRule } from './segment-sql';

export const SNAPSHOT_JOB = 'segments-snapshot';

/** Days of snapshots a segment's trend shows. */
export const SNAPSHOT_DAYS = 90;

/**
 * The daily membership snapshot of every segment (03:00 China time, after the nightly scoring run, and
 * for one segment when it is created or its rule changes): its size, and for a dynamic segment who
 * joined and who left since the last snapshot. A segment's first snapshot records its members without
 * calling them joiners. Re-running on the same day adds only what changed since.
 */
@Injectable()
export class SegmentSnapshotsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every(SNAPSHOT_JOB, '0 3 * * *', (_jobId, data) =>
      typeof data['segmentId'] === 'string' ? this.snapshot(data['segmentId']) : this.snapshotAll(),
    );
  }

  /** Queues the snapshot of one segment (its first, or after its rule changed). */
  queue(segmentId: string): Promise<string> {
    return this.jobs.runNow(SNAPSHOT_JOB, { segmentId });
  }

  async snapshotAll(): Promise<{ segments: number }> {
    const segments: { id: string }[] = await this.dataSource.query('SELECT id FROM segments ORDER BY created_at');
    for (const { id } of segments) await this.snapshot(id);
    return { segments: segments.length };
  }

  /** Takes today's snapshot of one segment, in one transaction; nothing when the segment is gone. */
  async snapshot(segmentId: string): Promise<SegmentSnapshot | null> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`segment-snapshot:${segmentId}`]);
      const [segment]: { kind: string; rule: SegmentRule | null; first: boolean }[] = await tx.query(
        `SELECT kind, rule, NOT EXISTS (SELECT 1 FROM segment_snapshots WHERE segment_id = g.id) AS first
           FROM segments g WHERE id = $1`,
        [segmentId],
      );
      if (!segment) return null;
      const [{ joined, left }] = segment.rule
        ? await this.refreshMembership(tx, segmentId, segment.rule, segment.first)
        : [{ joined: 0, left: 0 }];
      const [snapshot] = await tx.query(
        `INSERT INTO segment_snapshots AS t (segment_id, taken_on, size, joined, "left")
         SELECT $1, ${TODAY_CN}, count(*), $2, $3 FROM segment_members WHERE segment_id = $1
         ON CONFLICT (segment_id, taken_on) DO UPDATE
           SET size = EXCLUDED.size, joined = t.joined + EXCLUDED.joined, "left" = t."left" + EXCLUDED."left"
         RETURNING taken_on::text AS "takenOn", size, joined, "left"`,
        [segmentId, joined, left],
      );
      return snapshot;
    });
  }

  /** Sets a dynamic segment's members to those its rule matches now, recording who joined and who left. */
  private refreshMembership(
    tx: EntityManager,
    segmentId: string,
    rule: SegmentRule,
    first: boolean,
  ): Promise<{ joined: number; left: number }[]> {
    const params: unknown[] = [segmentId, first];
    const where = compileSegmentRule(rule, params);
    return tx.query(
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
  }

  /** The daily sizes of the last SNAPSHOT_DAYS days, oldest first. */
  history(segmentId: string): Promise<SegmentSnapshot[]> {
    return this.dataSource.query(
      `SELECT taken_on::text AS "takenOn", size, joined, "left" FROM segment_snapshots
        WHERE segment_id = $1 AND taken_on > ${TODAY_CN} - ${SNAPSHOT_DAYS}
        ORDER BY taken_on`,
      [segmentId],
    );
  }

  /** Who joined (or left) lately, latest first, within the caller's scope. */
  async changes(
    segmentId: string,
    change: 'joined' | 'left',
    scope: DataScope,
    page: { page: number; pageSize: number },
  ): Promise<Page<SegmentChange>> {
    const params: unknown[] = [segmentId, change];
    const where = `x.segment_id = $1 AND x.change = $2 AND ${scope.sql('c.account_manager_id', params)}`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT x.taken_on::text AS taken_on, c.id, c.account_no, c.name, c.region
           FROM segment_changes x JOIN customers c ON c.id = x.customer_id
          WHERE ${where}
          ORDER BY x.taken_on DESC, c.account_no
          LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
        params,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM segment_changes x JOIN customers c ON c.id = x.customer_id WHERE ${where}`,
        params,
      ),
    ]);
    return {
      items: rows.map((r: Record<string, string>) => ({
        takenOn: r['taken_on'],
        change,
        customer: { id: r['id'], accountNo: r['account_no'], name: r['name'], region: r['region'] },
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}
