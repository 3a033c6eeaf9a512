import { CustomerFields } from '@crm/shared/domain';

/**
 * The customers library alone writes `customers` and `customer_contacts`. Single customers change through
 * CustomersService; set-wise statements of other libraries (an import, a bulk handover) embed these
 * fragments, so each stays one statement.
 */

/** Every write of a customer row sets these: the optimistic-locking version and the change time. */
export const CUSTOMER_VERSION_BUMP = 'version = version + 1, updated_at = now()';

/**
 * An UPDATE of the customers in `source` (a sub-query or table with the column `id` and one column per
 * entry of `columns`, named as the customer column it sets), bumping each one's version.
 */
export function customersUpdateFrom(source: string, columns: readonly string[]): string {
  return `UPDATE customers c SET ${columns.map((col) => `${col} = s.${col}`).join(', ')}, ${CUSTOMER_VERSION_BUMP}
            FROM ${source} s
           WHERE c.id = s.id`;
}

/** An INSERT of one customer per row of `source`, whose columns are named as the customer columns in `columns`. */
export function customersInsertFrom(source: string, columns: readonly string[]): string {
  return `INSERT INTO customers (${columns.join(', ')})
          SELECT ${columns.map((col) => `s.${col}`).join(', ')} FROM ${source} s`;
}

/**
 * An upsert of one contact per row of `source` (columns customer_id, position, name, phone, role): a
 * contact already at that position takes the new name and phone (its role stays), and is written only if
 * one of them differs.
 */
export function customerContactsUpsertFrom(source: string): string {
  return `INSERT INTO customer_contacts AS k (customer_id, position, name, phone, role)
          SELECT s.customer_id, s.position, s.name, s.phone, s.role FROM ${source} s
          ON CONFLICT (customer_id, position) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone
           WHERE (k.name, k.phone) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.phone)`;
}

/**
 * A bulk handover: moves every customer of account manager `fromManager` that is not closed to
 * `toManager` (both SQL expressions, usually parameters), bumping their versions, `RETURNING id`. Embed it
 * as a data-modifying CTE: `WITH moved AS (${customersHandOver('$1', '$2')}), ...`.
 */
export function customersHandOver(fromManager: string, toManager: string): string {
  return `UPDATE customers SET account_manager_id = ${toManager}, ${CUSTOMER_VERSION_BUMP}
           WHERE account_manager_id = ${fromManager} AND stage <> 'closed'
          RETURNING id`;
}

/** What a customer is on record as, whoever writes it: its account number and the fields of its profile. */
export type CustomerProfile = Pick<
  CustomerFields,
  | 'name'
  | 'creditCode'
  | 'industry'
  | 'voltageKv'
  | 'contractCapacityKva'
  | 'tariffCategory'
  | 'region'
  | 'address'
  | 'importance'
> & { accountNo: string };

/** The columns of a customer's profile, in the order of `customerProfileValues`. */
export const CUSTOMER_PROFILE_COLUMNS =
  'account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva, tariff_category, region, address, importance';

/** The values of CUSTOMER_PROFILE_COLUMNS for `c`, in their order (parameters of an INSERT, fields of a COPY row). */
export function customerProfileValues(c: CustomerProfile): (string | number | null)[] {
  return [
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
  ];
}

/**
 * The bulk load of customers (the demo population): `COPY … FROM STDIN` of CSV rows in this column order
 * (the profile's columns as `customerProfileValues` gives them).
 */
export const customersCopy = `COPY customers (id, ${CUSTOMER_PROFILE_COLUMNS}, stage, account_manager_id, created_at,
                 updated_at, tags, area) FROM STDIN (FORMAT csv)`;

/** The bulk load of customer contacts: `COPY … FROM STDIN` of CSV rows in this column order. */
export const customerContactsCopy =
  'COPY customer_contacts (customer_id, position, name, phone, email, role) FROM STDIN (FORMAT csv)';
