import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { ChangeAction, ChangeEntityType, ChangeHistoryEntry, ExportRecord, FieldDiff, Page } from '@crm/shared/domain';
import { Db, execute, Params, query, queryPage } from '@crm/api/database';
import { DataSource } from 'typeorm';

export interface NewChange {
  actorId: string | null;
  requestId: string | null;
  entityType: ChangeEntityType;
  entityId: string;
  customerId: string | null;
  action: ChangeAction;
  changes: FieldDiff[];
  export?: ExportRecord;
}

export interface ChangeFilter {
  actorId?: string;
  customerId?: string;
  entityType?: ChangeEntityType;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

interface ChangeRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  request_id: string | null;
  entity_type: ChangeEntityType;
  entity_id: string;
  customer_id: string | null;
  account_no: string | null;
  customer_name: string | null;
  action: ChangeAction;
  changes: FieldDiff[];
  export: ExportRecord | null;
}

function toEntry(r: ChangeRow): ChangeHistoryEntry {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
    requestId: r.request_id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    customer: r.customer_id ? { id: r.customer_id, accountNo: r.account_no ?? '', name: r.customer_name ?? '' } : null,
    action: r.action,
    changes: r.changes,
    export: r.export,
  };
}

/** The change history: insert and read only (the table refuses updates and deletes). */
@Injectable()
export class ChangeHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(db: Db, changes: NewChange[]): Promise<void> {
    if (!changes.length) return;
    await execute(
      db,
      `INSERT INTO change_history (actor_id, request_id, entity_type, entity_id, customer_id, action, changes, export)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`,
      [
        changes.map((c) => c.actorId),
        changes.map((c) => c.requestId),
        changes.map((c) => c.entityType),
        changes.map((c) => c.entityId),
        changes.map((c) => c.customerId),
        changes.map((c) => c.action),
        changes.map((c) => JSON.stringify(c.changes)),
        changes.map((c) => (c.export ? JSON.stringify(c.export) : null)),
      ],
    );
  }

  /** True when the customer exists and is in the caller's scope. */
  async customerInScope(scope: DataScope, customerId: string): Promise<boolean> {
    const params = new Params(customerId);
    const rows = await query<{ one: number }>(
      this.dataSource,
      `SELECT 1 AS one FROM customers c WHERE c.id = $1 AND ${scope.sql('c.account_manager_id', params)}`,
      params,
    );
    return rows.length > 0;
  }

  /** Newest first, filtered. */
  page(filter: ChangeFilter): Promise<Page<ChangeHistoryEntry>> {
    const params = new Params();
    const where: string[] = ['TRUE'];
    if (filter.actorId) where.push(`h.actor_id = ${params.add(filter.actorId)}`);
    if (filter.customerId) where.push(`h.customer_id = ${params.add(filter.customerId)}`);
    if (filter.entityType) where.push(`h.entity_type = ${params.add(filter.entityType)}`);
    if (filter.from) where.push(`h.at >= ${params.add(filter.from)}`);
    if (filter.to) where.push(`h.at < ${params.add(filter.to)}`);
    const condition = where.join(' AND ');
    return queryPage(
      this.dataSource,
      {
        rows: `SELECT h.id, h.at, h.actor_id, u.display_name AS actor_name, h.request_id, h.entity_type, h.entity_id,
                      h.customer_id, c.account_no, c.name AS customer_name, h.action, h.changes, h.export
                 FROM change_history h
                 LEFT JOIN users u ON u.id = h.actor_id
                 LEFT JOIN customers c ON c.id = h.customer_id
                WHERE ${condition}
                ORDER BY h.at DESC, h.id DESC`,
        count: `SELECT count(*)::int AS total FROM change_history h WHERE ${condition}`,
      },
      params,
      filter,
      toEntry,
    );
  }
}
