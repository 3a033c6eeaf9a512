import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { JobsService } from '@crm/api/jobs';
import { Page, SegmentChange, SegmentSnapshot } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { SegmentSnapshotsRepository } from './segment-snapshots.repository';

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
    private readonly snapshots: SegmentSnapshotsRepository,
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
    const ids = await this.snapshots.segmentIds();
    for (const id of ids) await this.snapshot(id);
    return { segments: ids.length };
  }

  /** Takes today's snapshot of one segment, in one transaction; nothing when the segment is gone. */
  async snapshot(segmentId: string): Promise<SegmentSnapshot | null> {
    return this.dataSource.transaction(async (tx) => {
      await this.snapshots.lock(tx, segmentId);
      const segment = await this.snapshots.findSegment(tx, segmentId);
      if (!segment) return null;
      const { joined, left } = segment.rule
        ? await this.snapshots.refreshMembership(tx, segmentId, segment.rule, segment.first)
        : { joined: 0, left: 0 };
      return this.snapshots.upsertToday(tx, segmentId, joined, left);
    });
  }

  /** The daily sizes of the last SNAPSHOT_DAYS days, oldest first. */
  history(segmentId: string): Promise<SegmentSnapshot[]> {
    return this.snapshots.history(segmentId, SNAPSHOT_DAYS);
  }

  /** Who joined (or left) lately, latest first, within the caller's scope. */
  changes(
    segmentId: string,
    change: 'joined' | 'left',
    scope: DataScope,
    page: { page: number; pageSize: number },
  ): Promise<Page<SegmentChange>> {
    return this.snapshots.changes(segmentId, change, scope, page);
  }
}
