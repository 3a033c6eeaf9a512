import { Injectable } from '@nestjs/common';
import { changeHistoryInsertFrom } from '@crm/api/change-history';
import { customersHandOver } from '@crm/api/customers';
import { query, queryOne } from '@crm/api/database';
import { timelineInsertFrom } from '@crm/api/timeline';
import { FieldDiff } from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { HandoverPreviewDto, ManagerDto, ManagerWorkloadDto } from './dto/manager.dto';

/** Queries about who owns which customers. */
@Injectable()
export class OwnershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  async activeManagers(): Promise<ManagerDto[]> {
    return query<ManagerDto>(
      this.dataSource,
      `SELECT id, username, display_name AS "displayName" FROM users
        WHERE role = 'account_manager' AND active ORDER BY username`,
    );
  }

  async activeManager(id: string): Promise<ManagerDto | null> {
    const row = await queryOne<ManagerDto>(
      this.dataSource,
      `SELECT id, username, display_name AS "displayName" FROM users WHERE id = $1 AND role = 'account_manager' AND active`,
      [id],
    );
    return row ?? null;
  }

  /** The customer's owner and stage, its row locked for the handover; null if there is no such customer. */
  async lockCustomer(
    manager: EntityManager,
    customerId: string,
  ): Promise<{ managerId: string | null; stage: string; version: number } | null> {
    const row = await queryOne<{ managerId: string | null; stage: string; version: number }>(
      manager,
      'SELECT account_manager_id AS "managerId", stage, version FROM customers WHERE id = $1 FOR UPDATE',
      [customerId],
    );
    return row ?? null;
  }

  /**
   * Moves every customer of one manager that is not closed to another, recording one timeline
   * entry and one change-history row per customer, in one statement. Open work follows because it
   * hangs on the customer.
   */
  async moveAllCustomers(
    manager: EntityManager,
    fromManagerId: string,
    toManagerId: string,
    log: {
      actorId: string;
      requestId: string | null;
      summary: string;
      data: Record<string, unknown>;
      changes: FieldDiff[];
    },
  ): Promise<number> {
    const [{ moved }] = await query<{ moved: number }>(
      manager,
      `WITH moved AS (
         ${customersHandOver('$1', '$2')}
       ), logged AS (
         ${timelineInsertFrom(
           "(SELECT id AS customer_id, 'handover' AS type, $3::uuid AS actor_id, $4 AS summary, $5::jsonb AS data FROM moved)",
         )}
       ), history AS (
         ${changeHistoryInsertFrom('(SELECT id AS entity_id, id AS customer_id, $7::jsonb AS changes FROM moved)', {
           actorId: '$3',
           requestId: '$6',
           entityType: "'customer'",
           action: "'handover'",
         })}
       )
       SELECT count(*)::int AS moved FROM moved`,
      [
        fromManagerId,
        toManagerId,
        log.actorId,
        log.summary,
        JSON.stringify(log.data),
        log.requestId,
        JSON.stringify(log.changes),
      ],
    );
    return moved;
  }

  /** The customers (not closed) of a manager, as `moveAllCustomers` would move them, and their open work, in one read. */
  async handoverPreview(managerId: string): Promise<HandoverPreviewDto> {
    const [row] = await query<HandoverPreviewDto>(
      this.dataSource,
      `WITH moving AS (SELECT id FROM customers WHERE account_manager_id = $1 AND stage <> 'closed')
       SELECT (SELECT count(*)::int FROM moving) AS customers,
              (SELECT count(*)::int FROM applications a JOIN moving m ON m.id = a.customer_id
                WHERE a.status = 'open') AS "openApplications",
              (SELECT count(*)::int FROM service_tasks s JOIN moving m ON m.id = s.customer_id
                WHERE s.state = 'open') AS "openTasks",
              (SELECT count(*)::int FROM work_orders w JOIN moving m ON m.id = w.customer_id
                WHERE w.state <> 'closed') AS "openRequests"`,
      [managerId],
    );
    return row;
  }

  /** Customers (not closed) per manager, for the given managers that have any. */
  async customerCounts(manager: EntityManager, managerIds: string[]): Promise<Map<string, number>> {
    if (!managerIds.length) return new Map();
    const rows = await query<{ id: string; customers: number }>(
      manager,
      `SELECT account_manager_id AS id, count(*)::int AS customers FROM customers
        WHERE account_manager_id = ANY($1::uuid[]) AND stage <> 'closed'
        GROUP BY account_manager_id`,
      [managerIds],
    );
    return new Map(rows.map((r) => [r.id, r.customers]));
  }

  /** Each active account manager's customers (not closed), their total capacity and open work. */
  async workload(): Promise<ManagerWorkloadDto[]> {
    const rows = await query<{
      id: string;
      username: string;
      display_name: string;
      customers: number;
      capacity: string;
      open_work: number;
    }>(
      this.dataSource,
      `SELECT u.id, u.username, u.display_name,
                count(c.id)::int AS customers,
                coalesce(sum(c.contract_capacity_kva), 0) AS capacity,
                (SELECT count(*)::int FROM applications a JOIN customers oc ON oc.id = a.customer_id
                  WHERE oc.account_manager_id = u.id AND a.status = 'open') AS open_work
           FROM users u
           LEFT JOIN customers c ON c.account_manager_id = u.id AND c.stage <> 'closed'
          WHERE u.role = 'account_manager' AND u.active
          GROUP BY u.id
          ORDER BY customers DESC, u.username`,
    );
    return rows.map((r) => ({
      manager: { id: r.id, username: r.username, displayName: r.display_name },
      customers: r.customers,
      totalCapacityKva: Number(r.capacity),
      openWork: r.open_work,
    }));
  }
}
