import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import {
  ChangeAction,
  ChangeEntityType,
  ChangeHistoryEntry,
  diffFields,
  ExportRecord,
  NotFoundError,
  Page,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeFilter, ChangeHistoryRepository } from './change-history.repository';

/** Who did it: the caller (`AuthUser` from `@CurrentUser()` carries the request id), or null for the system. */
export interface ChangeActor {
  id: string;
  requestId?: string;
}

export interface ChangeToRecord {
  actor: ChangeActor | null;
  entityType: ChangeEntityType;
  entityId: string;
  /** The customer the change belongs to, so it shows in the customer's history. */
  customerId: string | null;
  action: ChangeAction;
  /** The entity before (null: created) and after (null: deleted), as snapshots of the fields to compare. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The business change history. Writers call `record` with their transaction's EntityManager, so a
 * change is recorded exactly when it is committed; set-wise jobs embed `changeHistoryInsertFrom`.
 */
@Injectable()
export class ChangeHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly history: ChangeHistoryRepository,
  ) {}

  /** Records the fields that differ between `before` and `after`; an update that changed nothing records nothing. */
  async record(manager: EntityManager, ...changes: ChangeToRecord[]): Promise<void> {
    await this.history.insert(
      manager,
      changes
        .map((c) => ({
          actorId: c.actor?.id ?? null,
          requestId: c.actor?.requestId ?? null,
          entityType: c.entityType,
          entityId: c.entityId,
          customerId: c.customerId,
          action: c.action,
          changes: diffFields(c.before, c.after),
        }))
        .filter((c) => c.changes.length > 0 || c.action !== 'update'),
    );
  }

  /** Records that `actor` exported `rows` rows of a list: data leaving the system is part of the trail. */
  async recordExport(actor: ChangeActor, exported: ExportRecord): Promise<void> {
    await this.history.insert(this.dataSource.manager, [
      {
        actorId: actor.id,
        requestId: actor.requestId ?? null,
        entityType: 'export',
        entityId: exported.target ?? exported.kind,
        customerId: null,
        action: 'export',
        changes: [],
        export: exported,
      },
    ]);
  }

  /** A customer's history, newest first; 404 when the customer is not in the caller's scope. */
  async ofCustomer(
    scope: DataScope,
    customerId: string,
    page: { page: number; pageSize: number },
  ): Promise<Page<ChangeHistoryEntry>> {
    if (!(await this.history.customerInScope(scope, customerId))) throw new NotFoundError('Customer', customerId);
    return this.history.page({ customerId, ...page });
  }

  list(filter: ChangeFilter): Promise<Page<ChangeHistoryEntry>> {
    return this.history.page(filter);
  }
}
