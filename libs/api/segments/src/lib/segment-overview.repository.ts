import { Injectable } from '@nestjs/common';
import { query, TODAY_CN } from '@crm/api/database';
import {
  NEWEST_JOINERS_LIMIT,
  SEGMENT_MOVEMENT_DAYS,
  SegmentJoiner,
  SegmentKind,
  SegmentOverviewRow,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';

interface OverviewRow {
  id: string;
  name: string;
  kind: SegmentKind;
  owner_id: string;
  owner_name: string;
  members: number;
  joined30: number;
  left30: number | null;
  covered: number;
  trend: number[];
}

interface JoinerRow {
  joined_on: string;
  segment_id: string;
  segment_name: string;
  customer_id: string;
  account_no: string;
  customer_name: string;
}

/** The first day of the movement window: today and the days before it, SEGMENT_MOVEMENT_DAYS in all. */
const WINDOW_START = `(${TODAY_CN} - ${SEGMENT_MOVEMENT_DAYS - 1})`;

/**
 * The marketing home's figures, each in one set-wise statement over every segment: members, joiners and
 * leavers of the last SEGMENT_MOVEMENT_DAYS days, members in a running service plan (read from
 * plan_enrolments, which libs/api/service-plans writes: unenrolled_on unset, begun, and not ended), and the
 * newest joiners of one owner's segments.
 */
@Injectable()
export class SegmentOverviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every segment, the owner's first, then the largest; counted over all customers. */
  async segments(ownerId: string): Promise<SegmentOverviewRow[]> {
    const rows = await query<OverviewRow>(
      this.dataSource,
      `WITH covered AS (
         SELECT DISTINCT e.customer_id FROM plan_enrolments e
          WHERE e.unenrolled_on IS NULL AND e.enrolled_on <= ${TODAY_CN}
            AND (e.ends_on IS NULL OR ${TODAY_CN} < e.ends_on)
       ), sizes AS (
         SELECT sm.segment_id, count(*)::int AS members, count(cv.customer_id)::int AS covered,
                count(*) FILTER (WHERE sm.since >= ${WINDOW_START})::int AS added
           FROM segment_members sm LEFT JOIN covered cv ON cv.customer_id = sm.customer_id
          GROUP BY sm.segment_id
       ), moves AS (
         SELECT x.segment_id, count(*) FILTER (WHERE x.change = 'joined')::int AS joined,
                count(*) FILTER (WHERE x.change = 'left')::int AS left
           FROM segment_changes x WHERE x.taken_on >= ${WINDOW_START}
          GROUP BY x.segment_id
       ), trends AS (
         SELECT x.segment_id, array_agg(x.size ORDER BY x.taken_on) AS trend
           FROM segment_snapshots x WHERE x.taken_on >= ${WINDOW_START}
          GROUP BY x.segment_id
       )
       SELECT g.id, g.name, g.kind, g.owner_id, u.display_name AS owner_name,
              coalesce(s.members, 0) AS members,
              CASE WHEN g.kind = 'static' THEN coalesce(s.added, 0) ELSE coalesce(m.joined, 0) END AS joined30,
              CASE WHEN g.kind = 'static' THEN NULL ELSE coalesce(m.left, 0) END AS left30,
              coalesce(s.covered, 0) AS covered, coalesce(t.trend, '{}') AS trend
         FROM segments g
         JOIN users u ON u.id = g.owner_id
         LEFT JOIN sizes s ON s.segment_id = g.id
         LEFT JOIN moves m ON m.segment_id = g.id
         LEFT JOIN trends t ON t.segment_id = g.id
        ORDER BY g.owner_id = $1 DESC, coalesce(s.members, 0) DESC, g.name, g.id`,
      [ownerId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      owner: { id: r.owner_id, displayName: r.owner_name },
      members: r.members,
      joined30: r.joined30,
      left30: r.left30,
      coveredByPlans: r.covered,
      trend: r.trend,
    }));
  }

  /**
   * The latest customers who joined the owner's segments (a dynamic segment's joiners at its snapshots, a static
   * segment's additions to its list), newest first.
   */
  async newestJoiners(ownerId: string): Promise<SegmentJoiner[]> {
    const rows = await query<JoinerRow>(
      this.dataSource,
      `WITH mine AS (SELECT id, name, kind FROM segments WHERE owner_id = $1),
       joins AS (
         SELECT x.segment_id, x.customer_id, x.taken_on AS joined_on
           FROM segment_changes x JOIN mine g ON g.id = x.segment_id
          WHERE x.change = 'joined'
         UNION ALL
         SELECT sm.segment_id, sm.customer_id, sm.since
           FROM segment_members sm JOIN mine g ON g.id = sm.segment_id
          WHERE g.kind = 'static'
       )
       SELECT j.joined_on::text AS joined_on, g.id AS segment_id, g.name AS segment_name,
              c.id AS customer_id, c.account_no, c.name AS customer_name
         FROM joins j JOIN mine g ON g.id = j.segment_id JOIN customers c ON c.id = j.customer_id
        ORDER BY j.joined_on DESC, g.name, c.account_no
        LIMIT ${NEWEST_JOINERS_LIMIT}`,
      [ownerId],
    );
    return rows.map((r) => ({
      joinedOn: r.joined_on,
      segment: { id: r.segment_id, name: r.segment_name },
      customer: { id: r.customer_id, accountNo: r.account_no, name: r.customer_name },
    }));
  }
}
