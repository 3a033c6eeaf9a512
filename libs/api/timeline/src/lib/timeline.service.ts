import { Injectable } from '@nestjs/common';
import { TimelineEntry } from '@crm/shared/domain';
import { EntityManager } from 'typeorm';
import { NewTimelineEntry, TimelineRepository } from './timeline.repository';

export type { NewTimelineEntry } from './timeline.repository';

/**
 * The customer timeline. Writers pass their transaction's EntityManager so that an entry is
 * recorded exactly when the change it describes is committed.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly timeline: TimelineRepository) {}

  async record(manager: EntityManager, entries: NewTimelineEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.timeline.insertMany(manager, entries);
  }

  /** Newest first. The caller has already checked that the customer is in the caller's scope. */
  async list(customerId: string, limit: number): Promise<TimelineEntry[]> {
    const rows = await this.timeline.latest(customerId, limit);
    return rows.map((r) => ({
      at: r.at.toISOString(),
      type: r.type,
      actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
      summary: r.summary,
      data: r.data,
    }));
  }
}
