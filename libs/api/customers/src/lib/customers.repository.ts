import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import {
  Contact,
  Customer,
  CUSTOMER_EXACT_COUNT_LIMIT,
  CustomerFields,
  CUSTOMER_LOOKUP_FIELDS,
  CUSTOMER_LOOKUP_LIMIT,
  CustomerLookupField,
  CustomerLookupHit,
  customerLookupFields,
  CustomerPage,
  CustomerSortField,
  CustomerStage,
  RepairArea,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { execute, Params, query, queryOne } from '@crm/api/database';
import { CUSTOMER_PROFILE_COLUMNS, CUSTOMER_VERSION_BUMP, customerProfileValues } from './customers-sql';
import { CustomerQueryDto } from './dto/customer-query.dto';
import { CustomerCursor, encodeCustomerCursor } from './customer-cursor';

const SORT_COLUMNS: Record<CustomerSortField, string> = {
  accountNo: 'c.account_no',
  name: 'c.name',
  contractCapacityKva: 'c.contract_capacity_kva',
  voltageKv: 'c.voltage_kv',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

const MICROSECONDS = (column: string) => `(extract(epoch FROM ${column}) * 1000000)::bigint::text`;
const FROM_MICROSECONDS = (value: string) => `('epoch'::timestamptz + ${value}::bigint * interval '1 microsecond')`;

/** Each sort's key as a cursor carries it (text PostgreSQL compares exactly), and back from a parameter. */
const SORT_KEYS: Record<CustomerSortField, { text: string; value: (param: string) => string }> = {
  accountNo: { text: 'c.account_no', value: (p) => `${p}::text` },
  name: { text: 'c.name', value: (p) => `${p}::text` },
  contractCapacityKva: { text: 'c.contract_capacity_kva::text', value: (p) => `${p}::numeric` },
  voltageKv: { text: 'c.voltage_kv::text', value: (p) => `${p}::int` },
  createdAt: { text: MICROSECONDS('c.created_at'), value: FROM_MICROSECONDS },
  updatedAt: { text: MICROSECONDS('c.updated_at'), value: FROM_MICROSECONDS },
};

/** Columns of a customer row `c` as the API shows it, but its manager's name. */
const CUSTOMER_COLUMNS = `
  c.id, c.account_no, c.name, c.credit_code, c.industry, c.voltage_kv, c.contract_capacity_kva,
  c.tariff_category, c.region, c.area, c.address, c.importance, c.tags, c.stage, c.version,
  c.created_at, c.updated_at, c.account_manager_id`;

/** The contacts of the customer row `c`, in order. */
const CONTACTS = `coalesce((SELECT json_agg(json_build_object('name', k.name, 'phone', k.phone, 'email', k.email, 'role', k.role)
                                    ORDER BY k.position)
                             FROM customer_contacts k WHERE k.customer_id = c.id), '[]'::json) AS contacts`;

/** Columns of a customer as the API shows it; `c` is the customer row, `u` its manager. */
const CUSTOMER_SELECT = `${CUSTOMER_COLUMNS}, u.display_name AS manager_name, ${CONTACTS}`;

/** The same columns in the RETURNING clause of a write of the customer row `c`. */
const CUSTOMER_RETURNING = `${CUSTOMER_COLUMNS},
  (SELECT u.display_name FROM users u WHERE u.id = c.account_manager_id) AS manager_name, ${CONTACTS}`;

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

/**
 * The search box: a name (two or more characters, through the bigram index), or the start of an
 * account number, credit code or contact phone. Each branch uses its own index; their ids are unioned.
 */
function searchCondition(term: string, params: Params): string | null {
  const t = term.trim();
  if (!t) return null;
  const branches: string[] = [];
  const contains = params.add(`%${escapeLike(t)}%`);
  branches.push(
    [...t].length >= 2
      ? `SELECT id FROM customers WHERE name_bigrams @> text_bigrams(${params.add(t)}) AND name ILIKE ${contains}`
      : `SELECT id FROM customers WHERE name ILIKE ${contains}`,
  );
  if (/^[0-9A-Za-z-]+$/.test(t)) {
    const prefix = params.add(`${escapeLike(t.toUpperCase())}%`);
    branches.push(`SELECT id FROM customers WHERE account_no LIKE ${prefix}`);
    branches.push(`SELECT id FROM customers WHERE credit_code LIKE ${prefix}`);
    branches.push(`SELECT customer_id FROM customer_contacts WHERE phone LIKE ${prefix}`);
  }
  return `c.id IN (${branches.join(' UNION ALL ')})`;
}

/** The total of a list: exact up to CUSTOMER_EXACT_COUNT_LIMIT; beyond, the planner's estimate if it says more. */
function pageTotal(counted: number, estimate: number | null): Pick<CustomerPage, 'total' | 'totalExact' | 'totalKind'> {
  if (counted <= CUSTOMER_EXACT_COUNT_LIMIT) return { total: counted, totalExact: true, totalKind: 'exact' };
  if (estimate !== null && estimate > CUSTOMER_EXACT_COUNT_LIMIT) {
    return { total: estimate, totalExact: false, totalKind: 'estimate' };
  }
  return { total: CUSTOMER_EXACT_COUNT_LIMIT + 1, totalExact: false, totalKind: 'atLeast' };
}

export interface CustomerInsert extends CustomerFields {
  accountNo: string;
  managerId: string;
  stage: CustomerStage;
}

/** The customer's fields an application changes. */
export interface CustomerLifecycleFields {
  [field: string]: unknown;
  stage: CustomerStage;
  contractCapacityKva: number | null;
  name: string;
}

/** What an application changes on its customer; a null or missing field stays as it is. */
export interface ApplicationChange {
  stage?: CustomerStage | null;
  capacityKva?: number | null;
  name?: string | null;
}

/** A numeric kVA column as a number; null stays null. */
const kva = (value: string | null): number | null => (value === null ? null : Number(value));

/** The columns of an update (but contacts), by field. */
const UPDATE_COLUMNS: Record<Exclude<keyof CustomerFields, 'contacts'>, string> = {
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

/** Whether the latest completed scoring run scored the customer `c` with `condition` on its scores `s`. */
function latestScoreSql(condition: string): string {
  return `EXISTS (SELECT 1 FROM customer_scores s
                   WHERE s.customer_id = c.id AND s.run_id = (SELECT max(r.id) FROM scoring_runs r WHERE r.state = 'completed')
                     AND ${condition})`;
}

/**
 * The statement of a page of the customer list (exported for the bench's EXPLAIN): the page walks an index
 * in the requested order and stops after it (one row more, to know whether a next page follows); the count
 * stops after CUSTOMER_EXACT_COUNT_LIMIT + 1 matches, and only then asks the planner for an estimate
 * (plan_rows); contacts and manager names are read for the page's rows only. `cursor`: the keyset page after
 * it, instead of the offset of `filters.page`. Rows: `total`, `estimate`, `sort_key` and the page's customers
 * (none but one row of nulls when the page is empty).
 */
export function customerPageStatement(
  scope: DataScope,
  filters: CustomerQueryDto,
  cursor: CustomerCursor | null,
): { sql: string; params: Params } {
  const params = new Params();
  const where = [scope.sql('c.account_manager_id', params)];
  if (filters.stage) where.push(`c.stage = ${params.add(filters.stage)}`);
  if (filters.managerId) where.push(`c.account_manager_id = ${params.add(filters.managerId)}`);
  if (filters.voltageKv) where.push(`c.voltage_kv = ${params.add(filters.voltageKv)}`);
  if (filters.industry) where.push(`c.industry = ${params.add(filters.industry)}`);
  if (filters.region) where.push(`c.region = ${params.add(filters.region)}`);
  if (filters.area) where.push(`c.area = ${params.add(filters.area)}`);
  if (filters.inService) where.push(`c.stage ${filters.inService === 'true' ? '<>' : '='} 'closed'`);
  if (filters.creditRating) where.push(latestScoreSql(`s.credit_rating = ${params.add(filters.creditRating)}`));
  if (filters.blacklisted) {
    where.push(`${filters.blacklisted === 'true' ? '' : 'NOT '}${latestScoreSql('s.blacklist_reason IS NOT NULL')}`);
  }
  const search = filters.search ? searchCondition(filters.search, params) : null;
  if (search) where.push(search);
  const condition = where.join(' AND ');
  // The count's statement for the planner's estimate, its parameters as quoted literals (format's %n$L).
  const conditionValues = params.values.map((_, i) => `$${i + 1}`);
  const estimate = `plan_rows(format(${params.add(
    `SELECT 1 FROM customers c WHERE ${condition.replace(/%/g, '%%').replace(/\$(\d+)/g, (_, n) => `%${n}$L`)}`,
  )}${conditionValues.map((v) => `, ${v}`).join('')}))`;

  const field = filters.sort.replace(/^-/, '') as CustomerSortField;
  const descending = filters.sort.startsWith('-');
  const column = SORT_COLUMNS[field];
  const idDirection = descending ? 'DESC' : 'ASC';
  const after = descending ? '<' : '>';
  // Customers without a capacity come last either way (the other sort columns are never null).
  const nullable = field === 'contractCapacityKva';
  const order = `${column} ${nullable ? `${idDirection} NULLS LAST` : idDirection}, c.id ${idDirection}`;
  const limit = params.add(filters.pageSize + 1);
  const rows = (extra: string, offset = '') =>
    `SELECT c.*, ${SORT_KEYS[field].text} AS sort_key FROM customers c
      WHERE ${condition}${extra} ORDER BY ${order} LIMIT ${limit}${offset}`;
  let page: string;
  if (!cursor) {
    page = rows('', ` OFFSET ${params.add((filters.page - 1) * filters.pageSize)}`);
  } else if (cursor.key === null) {
    page = rows(` AND ${column} IS NULL AND c.id ${after} ${params.add(cursor.id)}::uuid`);
  } else {
    const key = SORT_KEYS[field].value(params.add(cursor.key));
    const beyond = rows(` AND (${column}, c.id) ${after} (${key}, ${params.add(cursor.id)}::uuid)`);
    // Rows without a capacity follow every row with one: after a row with one, they all come next.
    page = nullable
      ? `SELECT * FROM ((${beyond}) UNION ALL (${rows(` AND ${column} IS NULL`)})) c ORDER BY ${order} LIMIT ${limit}`
      : beyond;
  }
  const sql = `WITH page AS MATERIALIZED (${page}),
     -- The estimate here, once: in the outer select list it would ask the planner again for every row of the page.
     counted AS MATERIALIZED (
       SELECT n, CASE WHEN n > ${CUSTOMER_EXACT_COUNT_LIMIT} THEN ${estimate} END AS estimate
         FROM (SELECT count(*)::int AS n
                 FROM (SELECT FROM customers c WHERE ${condition} LIMIT ${CUSTOMER_EXACT_COUNT_LIMIT + 1}) m) counts
     )
     SELECT t.n AS total, t.estimate, c.sort_key, ${CUSTOMER_SELECT}
       FROM counted t
       LEFT JOIN (page c LEFT JOIN users u ON u.id = c.account_manager_id) ON true
      ORDER BY ${order}`;
  return { sql, params };
}

/**
 * Every query on customers and their contacts; the only writer of both tables (set-wise writers of
 * other libraries embed the fragments of customers-sql.ts). Reads take the caller's DataScope.
 */
@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the list in one statement (customerPageStatement). */
  async findPage(scope: DataScope, filters: CustomerQueryDto, cursor: CustomerCursor | null): Promise<CustomerPage> {
    const { sql, params } = customerPageStatement(scope, filters, cursor);
    const found = await query<CustomerRow & { total: number; estimate: string | null; sort_key: string | null }>(
      this.dataSource,
      sql,
      params,
    );
    const matches = found.filter((r) => r.id !== null);
    const shown = matches.slice(0, filters.pageSize);
    const last = shown[shown.length - 1];
    const nextCursor =
      matches.length > filters.pageSize
        ? encodeCustomerCursor({ sort: filters.sort, key: last.sort_key, id: last.id })
        : null;
    return {
      items: shown.map(toCustomer),
      ...pageTotal(found[0].total, found[0].estimate === null ? null : Number(found[0].estimate)),
      page: filters.page,
      pageSize: filters.pageSize,
      nextCursor,
    };
  }

  /**
   * The global search: up to CUSTOMER_LOOKUP_LIMIT customers in scope whose account number, credit code or
   * contact phone starts with the term, or whose name contains it, each once with the first field that
   * matched. Each field is one branch on its own index, stopped at the limit, so a broad term reads few rows.
   */
  async lookup(scope: DataScope, term: string): Promise<CustomerLookupHit[]> {
    const t = term.trim();
    const params = new Params();
    const inScope = scope.sql('c.account_manager_id', params);
    const limit = params.add(CUSTOMER_LOOKUP_LIMIT);
    const hit = (field: CustomerLookupField, value: string, contact = 'NULL') =>
      `c.id, c.name, c.account_no, '${field}' AS field, ${value} AS value, ${contact}::text AS contact_name,
       ${CUSTOMER_LOOKUP_FIELDS.indexOf(field)} AS rank`;
    const branches = customerLookupFields(t).map((field) => {
      if (field === 'name') {
        return `SELECT ${hit('name', 'c.name')} FROM customers c
                 WHERE c.name_bigrams @> text_bigrams(${params.add(t)})
                   AND c.name ILIKE ${params.add(`%${escapeLike(t)}%`)} AND ${inScope}
                 LIMIT ${limit}`;
      }
      const prefix = params.add(`${escapeLike(t.toUpperCase())}%`);
      if (field === 'phone') {
        return `SELECT ${hit('phone', 'k.phone', 'k.name')} FROM customer_contacts k JOIN customers c ON c.id = k.customer_id
                 WHERE k.phone LIKE ${prefix} AND ${inScope} ORDER BY k.phone LIMIT ${limit}`;
      }
      const column = field === 'accountNo' ? 'c.account_no' : 'c.credit_code';
      return `SELECT ${hit(field, column)} FROM customers c
               WHERE ${column} LIKE ${prefix} AND ${inScope} ORDER BY ${column} LIMIT ${limit}`;
    });
    const rows = await query<{
      id: string;
      name: string;
      account_no: string;
      field: CustomerLookupField;
      value: string;
      contact_name: string | null;
    }>(
      this.dataSource,
      `SELECT id, name, account_no, field, value, contact_name
         FROM (SELECT DISTINCT ON (h.id) h.* FROM (${branches.map((b) => `(${b})`).join(' UNION ALL ')}) h
                ORDER BY h.id, h.rank, h.value) first
        ORDER BY rank, value, id
        LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      accountNo: r.account_no,
      field: r.field,
      value: r.value,
      contactName: r.contact_name,
    }));
  }

  /** The customer, if it exists and is in the caller's scope; `forUpdate` locks its row. */
  async findOne(
    scope: DataScope,
    id: string,
    options: { manager?: EntityManager; forUpdate?: boolean } = {},
  ): Promise<Customer | null> {
    const params = new Params(id);
    const row = await queryOne<CustomerRow>(
      options.manager ?? this.dataSource,
      `SELECT ${CUSTOMER_SELECT}
         FROM customers c LEFT JOIN users u ON u.id = c.account_manager_id
        WHERE c.id = $1 AND ${scope.sql('c.account_manager_id', params)}
        ${options.forUpdate ? 'FOR UPDATE OF c' : ''}`,
      params,
    );
    return row ? toCustomer(row) : null;
  }

  /** Whether the customer exists and is in the caller's scope. */
  async exists(scope: DataScope, id: string): Promise<boolean> {
    const params = new Params(id);
    const row = await queryOne<{ found: 1 }>(
      this.dataSource,
      `SELECT 1 AS found FROM customers c WHERE c.id = $1 AND ${scope.sql('c.account_manager_id', params)}`,
      params,
    );
    return row !== undefined;
  }

  async accountNoExists(accountNo: string): Promise<boolean> {
    const row = await queryOne<{ found: 1 }>(
      this.dataSource,
      'SELECT 1 AS found FROM customers WHERE account_no = $1',
      [accountNo],
    );
    return row !== undefined;
  }

  async industryExists(code: string): Promise<boolean> {
    const row = await queryOne<{ found: 1 }>(this.dataSource, 'SELECT 1 AS found FROM industries WHERE code = $1', [
      code,
    ]);
    return row !== undefined;
  }

  /** Inserts the customer and its contacts; returns it as written. */
  async insert(manager: EntityManager, c: CustomerInsert): Promise<Customer> {
    const [row] = await query<CustomerRow>(
      manager,
      `INSERT INTO customers AS c (${CUSTOMER_PROFILE_COLUMNS}, tags, stage, account_manager_id, area)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING ${CUSTOMER_RETURNING}`,
      [...customerProfileValues(c), c.tags, c.stage, c.managerId, c.area ?? 'urban'],
    );
    await this.replaceContacts(manager, row.id, c.contacts);
    return toCustomer({ ...row, contacts: c.contacts });
  }

  /**
   * Writes the changed fields (contacts first, so the returned customer has them) and bumps the version;
   * the caller has locked the row and compared its version. Returns the customer as written.
   */
  async update(manager: EntityManager, id: string, fields: Partial<CustomerFields>): Promise<Customer> {
    if (fields.contacts) await this.replaceContacts(manager, id, fields.contacts);
    const params = new Params(id);
    const sets = [CUSTOMER_VERSION_BUMP];
    for (const [key, column] of Object.entries(UPDATE_COLUMNS)) {
      const value = fields[key as keyof CustomerFields];
      if (value !== undefined) sets.push(`${column} = ${params.add(value)}`);
    }
    const [row] = await query<CustomerRow>(
      manager,
      `UPDATE customers c SET ${sets.join(', ')} WHERE c.id = $1 RETURNING ${CUSTOMER_RETURNING}`,
      params,
    );
    return toCustomer(row);
  }

  /**
   * Applies an application's change (stage, capacity, owner name) to the customer, locking its row, and
   * bumps its version; returns those fields before and after, for the change history.
   */
  async changeByApplication(
    manager: EntityManager,
    customerId: string,
    change: ApplicationChange,
  ): Promise<{ before: CustomerLifecycleFields; after: CustomerLifecycleFields }> {
    const [row] = await query<{
      old_stage: CustomerStage;
      old_capacity: string | null;
      old_name: string;
      stage: CustomerStage;
      capacity: string | null;
      name: string;
    }>(
      manager,
      `WITH old AS (SELECT stage, contract_capacity_kva, name FROM customers WHERE id = $1 FOR UPDATE)
       UPDATE customers c SET stage = coalesce($2, c.stage), contract_capacity_kva = coalesce($3, c.contract_capacity_kva),
              name = coalesce($4, c.name), ${CUSTOMER_VERSION_BUMP}
         FROM old
        WHERE c.id = $1
       RETURNING old.stage AS old_stage, old.contract_capacity_kva AS old_capacity, old.name AS old_name,
                 c.stage, c.contract_capacity_kva AS capacity, c.name`,
      [customerId, change.stage ?? null, change.capacityKva ?? null, change.name ?? null],
    );
    return {
      before: { stage: row.old_stage, contractCapacityKva: kva(row.old_capacity), name: row.old_name },
      after: { stage: row.stage, contractCapacityKva: kva(row.capacity), name: row.name },
    };
  }

  /** Gives the customer another account manager and bumps its version. */
  async assignManager(manager: EntityManager, customerId: string, managerId: string): Promise<void> {
    await execute(manager, `UPDATE customers SET account_manager_id = $2, ${CUSTOMER_VERSION_BUMP} WHERE id = $1`, [
      customerId,
      managerId,
    ]);
  }

  private async replaceContacts(manager: EntityManager, customerId: string, contacts: Contact[]): Promise<void> {
    await execute(manager, 'DELETE FROM customer_contacts WHERE customer_id = $1', [customerId]);
    if (!contacts.length) return;
    await execute(
      manager,
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
