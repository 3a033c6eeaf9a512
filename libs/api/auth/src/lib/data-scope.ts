import { ROLES_READING_ALL_CUSTOMERS } from '@crm/shared/domain';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from './auth-user';

/**
 * The one place that decides which customers a caller may see (DESIGN.md, "One manager, always"):
 * an account manager sees only the customers they own; marketing, leaders and admins see all.
 * Every repository method that reads or writes customer data takes a DataScope, so no query can
 * forget it; anything outside the scope is reported as not found, never as forbidden.
 */
export class DataScope {
  private constructor(readonly user: AuthUser) {}

  static of(user: AuthUser): DataScope {
    return new DataScope(user);
  }

  /** The account manager whose customers the caller is limited to, or null for all customers. */
  get ownerId(): string | null {
    return ROLES_READING_ALL_CUSTOMERS.includes(this.user.role) ? null : this.user.id;
  }

  /** True when a customer owned by `managerId` is within the caller's scope. */
  includes(managerId: string | null | undefined): boolean {
    return this.ownerId === null || this.ownerId === managerId;
  }

  /** Limits a query to the caller's customers; `managerColumn` is e.g. `c.account_manager_id`. */
  restrict<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, managerColumn: string): SelectQueryBuilder<T> {
    return this.ownerId === null ? qb : qb.andWhere(`${managerColumn} = :scopeOwnerId`, { scopeOwnerId: this.ownerId });
  }

  /**
   * The same limit for hand-written SQL: a condition on the caller's id, added to `params` (a `Params` of
   * libs/api/database, or an array whose next placeholder is `$n`, n = length + 1). `TRUE` when the caller
   * sees everything.
   */
  sql(managerColumn: string, params: unknown[] | { add(value: unknown): string }): string {
    if (this.ownerId === null) return 'TRUE';
    if (!Array.isArray(params)) return `${managerColumn} = ${params.add(this.ownerId)}`;
    params.push(this.ownerId);
    return `${managerColumn} = $${params.length}`;
  }
}
