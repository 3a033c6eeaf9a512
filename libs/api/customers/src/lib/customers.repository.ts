import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import {
  Contact,
  Customer,
  CUSTOMER_EXACT_COUNT_LIMIT,
  CustomerFields,
  CustomerPage,
  CustomerSortField,
  CustomerStage,
  RepairArea,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerQueryDto } from './dto/customer-query.dto';

const SORT_COLUMNS: Record<CustomerSortField, string> = {
  accountNo: 'c.account_no',
  name: 'c.name',
  contractCapacityKva: 'c.contract_capacity_kva',
  voltageKv: 'c.voltage_kv',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

/** Columns of a customer as the API shows it; `c` is the customer row. */
const CUSTOMER_SELECT = `
  c.id, c.account_no, c.name, c.credit_code, c.industry, c.voltage_kv, c.contract_capacity_kva,
  c.tariff_category, c.region, c.area, c.address, c.importance, c.tags, c.stage, c.version,
  c.created_at, c.updated_at, c.account_manager_id, u.display_name AS manager_name,
  coalesce((SELECT json_agg(json_build_object('name', k.name, 'phone', k.phone, 'email', k.email, 'role', k.role)
                     ORDER BY k.position)
              FROM customer_contacts k WHERE k.customer_id = c.id), '[]'::json) AS contacts`;

interface CustomerRow {
  id: string;
  account_no: string;
  name: string;
  credit_code: string;
  industry: string;
  voltage_kv: number;
  contract_capacity_kva: string | null;
  tariff_category: Customer['tariffCategory'];
  region: string;
  area: RepairArea;
  address: string;
  importance: Customer['importance'];
  tags: string[];
  stage: CustomerStage;
  version: number;
  created_at: Date;
  updated_at: Date;
  account_manager_id: string | null;
  manager_name: string | null;
  contacts: Contact[];
}

function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    creditCode: r.credit_code,
    industry: r.industry,
    voltageKv: r.voltage_kv as Customer['voltageKv'],
    contractCapacityKva: r.contract_capacity_kva === null ? null : Number(r.contract_capacity_kva),
    tariffCategory: r.tariff_category,
    region: r.region,
    area: r.area,
    address: r.address,
    importance: r.importance,
    contacts: r.contacts.map((k) => ({ name: k.name, phone: k.phone, email: k.email ?? null, role: k.role })),
    tags: r.tags,
    stage: r.stage,
    version: r.version,
    accountManager: r.account_manager_id ? { id: r.account_manager_id, displayName: r.manager_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Appends a parameter and returns its placeholder. */
function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/**
 * The search box: a name (two or more characters, through the bigram index), or the start of an
 * account number, credit code or contact phone. Each branch uses its own index; their ids are unioned.
 */
function searchCondition(term: string, params: unknown[]): string | null {
  const t = term.trim();
  if (!t) return null;
  const branches: string[] = [];
  const contains = param(params, `%${escapeLike(t)}%`);
  branches.push(
    [...t].length >= 2
      ? `SELECT id FROM customers WHERE name_bigrams @> text_bigrams(${param(params, t)}) AND name ILIKE ${contains}`
      : `SELECT id FROM customers WHERE name ILIKE ${contains}`,
  );
  if (/^[0-9A-Za-z-]+$/.test(t)) {
    const prefix = param(params, `${escapeLike(t.toUpperCase())}%`);
    branches.push(`SELECT id FROM customers WHERE account_no LIKE ${prefix}`);
    branches.push(`SELECT id FROM customers WHERE credit_code LIKE ${prefix}`);
    branches.push(`SELECT customer_id FROM customer_contacts WHERE phone LIKE ${prefix}`);
  }
  return `c.id IN (${branches.join(' UNION ALL ')})`;
}

interface PageQuery {
  condition: string;
  order: string;
  limit: string;
  offset: string;
  params: unknown[];
}

export interface CustomerInsert extends CustomerFields {
  accountNo: string;
  managerId: string;
  stage: CustomerStage;
}

/** Every query on customers and their contacts. Reads take the caller's DataScope. */
@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findPage(scope: DataScope, query: CustomerQueryDto): Promise<CustomerPage> {
    const params: unknown[] = [];
    const where = [scope.sql('c.account_manager_id', params)];
    if (query.stage) where.push(`c.stage = ${param(params, query.stage)}`);
    if (query.managerId) where.push(`c.account_manager_id = ${param(params, query.managerId)}`);
    if (query.voltageKv) where.push(`c.voltage_kv = ${param(params, query.voltageKv)}`);
    if (query.industry) where.push(`c.industry = ${param(params, query.industry)}`);
    if (query.region) where.push(`c.region = ${param(params, query.region)}`);
    if (query.area) where.push(`c.area = ${param(params, query.area)}`);
    const search = query.search ? searchCondition(query.search, params) : null;
    if (search) where.push(search);
    const condition = where.join(' AND ');

    const descending = query.sort.startsWith('-');
    const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as CustomerSortField];
    const idDirection = descending ? 'DESC' : 'ASC';
    // Customers without a capacity come last either way (the other sort columns are never null).
    const direction = column === SORT_COLUMNS.contractCapacityKva ? `${idDirection} NULLS LAST` : idDirection;
    const order = `${column} ${direction}, c.id ${idDirection}`;

    const pageParams = [...params];
    const limit = param(pageParams, query.pageSize);
    const offset = param(pageParams, (query.page - 1) * query.pageSize);
    const page = { condition, order, limit, offset, params: pageParams };
    const small = await this.smallResult(page, column, direction, idDirection);
    if (small) return { ...small, totalExact: true, page: query.page, pageSize: query.pageSize };
    const rows = await this.pageOfLargeResult(page);
    return {
      items: rows.map(toCustomer),
      ...(await this.estimate(condition, params)),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Most lists are narrowed by a filter or a search: one statement finds every match (up to
   * CUSTOMER_EXACT_COUNT_LIMIT), counts them and reads the page. Undefined when there are more matches.
   */
  private async smallResult(
    page: PageQuery,
    column: string,
    direction: string,
    idDirection: string,
  ): Promise<{ items: Customer[]; total: number } | undefined> {
    const rows: (CustomerRow & { total: number })[] = await this.dataSource.query(
      `WITH matches AS MATERIALIZED (
         SELECT c.id, ${column} AS sort_key FROM customers c WHERE ${page.condition} LIMIT ${CUSTOMER_EXACT_COUNT_LIMIT + 1}
       ), total AS (SELECT count(*)::int AS n FROM matches),
       page AS (
         SELECT m.id FROM matches m WHERE (SELECT n FROM total) <= ${CUSTOMER_EXACT_COUNT_LIMIT}
          ORDER BY m.sort_key ${direction}, m.id ${idDirection} LIMIT ${page.limit} OFFSET ${page.offset}
       )
       SELECT t.n AS total, ${CUSTOMER_SELECT}
         FROM total t
         LEFT JOIN (page p JOIN customers c ON c.id = p.id) ON true
         LEFT JOIN users u ON u.id = c.account_manager_id
        ORDER BY ${page.order}`,
      page.params,
    );
    const total = rows[0].total;
    if (total > CUSTOMER_EXACT_COUNT_LIMIT) return undefined;
    return { items: rows.filter((r) => r.id !== null).map(toCustomer), total };
  }

  /** A page of a long list, read in the order of an index; contacts and manager names for its rows only. */
  private pageOfLargeResult(page: PageQuery): Promise<CustomerRow[]> {
    return this.dataSource.query(
      `SELECT ${CUSTOMER_SELECT}
         FROM (SELECT c.* FROM customers c WHERE ${page.condition} ORDER BY ${page.order} LIMIT ${page.limit} OFFSET ${page.offset}) c
         LEFT JOIN users u ON u.id = c.account_manager_id
        ORDER BY ${page.order}`,
      page.params,
    );
  }

  /** More than CUSTOMER_EXACT_COUNT_LIMIT matches: the planner's estimate, never below the limit. */
  private async estimate(condition: string, params: unknown[]): Promise<{ total: number; totalExact: false }> {
    const [plan] = await this.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM customers c WHERE ${condition}`,
      params,
    );
    const estimate = Number(plan['QUERY PLAN'][0].Plan['Plan Rows']);
    return { total: Math.max(estimate, CUSTOMER_EXACT_COUNT_LIMIT + 1), totalExact: false };
  }

  /** The customer, if it exists and is in the caller's scope; `forUpdate` locks its row. */
  async findOne(
    scope: DataScope,
    id: string,
    options: { manager?: EntityManager; forUpdate?: boolean } = {},
  ): Promise<Customer | null> {
    const params: unknown[] = [id];
    const rows: CustomerRow[] = await (options.manager ?? this.dataSource).query(
      `SELECT ${CUSTOMER_SELECT}
         FROM customers c LEFT JOIN users u ON u.id = c.account_manager_id
        WHERE c.id = $1 AND ${scope.sql('c.account_manager_id', params)}
        ${options.forUpdate ? 'FOR UPDATE OF c' : ''}`,
      params,
    );
    return rows.length ? toCustomer(rows[0]) : null;
  }

  async accountNoExists(accountNo: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM customers WHERE account_no = $1', [accountNo]);
    return rows.length > 0;
  }

  async industryExists(code: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM industries WHERE code = $1', [code]);
    return rows.length > 0;
  }

  async insert(manager: EntityManager, c: CustomerInsert): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva, tariff_category,
                              region, address, importance, tags, stage, account_manager_id, area)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        c.accountNo,
        c.name,
        c.creditCode,
        c.industry,
        c.voltageKv,
        c.contractCapacityKva,
        c.tariffCategory,
        c.region,
        c.address,
        c.importance,
        c.tags,
        c.stage,
        c.managerId,
        c.area ?? 'urban',
      ],
    );
    await this.replaceContacts(manager, id, c.contacts);
    return id;
  }

  /** Writes the changed fields and bumps the version; false when `version` is no longer current. */
  async update(manager: EntityManager, id: string, version: number, fields: Partial<CustomerFields>): Promise<boolean> {
    const columns: Record<Exclude<keyof CustomerFields, 'contacts'>, string> = {
      name: 'name',
      creditCode: 'credit_code',
      industry: 'industry',
      voltageKv: 'voltage_kv',
      contractCapacityKva: 'contract_capacity_kva',
      tariffCategory: 'tariff_category',
      region: 'region',
      area: 'area',
      address: 'address',
      importance: 'importance',
      tags: 'tags',
    };
    const params: unknown[] = [id, version];
    const sets = ['version = version + 1', 'updated_at = now()'];
    for (const [key, column] of Object.entries(columns)) {
      const value = fields[key as keyof CustomerFields];
      if (value !== undefined) sets.push(`${column} = ${param(params, value)}`);
    }
    const [, affected] = await manager.query(
      `UPDATE customers SET ${sets.join(', ')} WHERE id = $1 AND version = $2`,
      params,
    );
    if (fields.contacts && affected === 1) await this.replaceContacts(manager, id, fields.contacts);
    return affected === 1;
  }

  private async replaceContacts(manager: EntityManager, customerId: string, contacts: Contact[]): Promise<void> {
    await manager.query('DELETE FROM customer_contacts WHERE customer_id = $1', [customerId]);
    if (!contacts.length) return;
    await manager.query(
      `INSERT INTO customer_contacts (customer_id, position, name, phone, email, role)
       SELECT $1, p, n, ph, e, r FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(p, n, ph, e, r)`,
      [
        customerId,
        contacts.map((_, i) => i),
        contacts.map((k) => k.name),
        contacts.map((k) => k.phone),
        contacts.map((k) => k.email ?? null),
        contacts.map((k) => k.role),
      ],
    );
  }
}
