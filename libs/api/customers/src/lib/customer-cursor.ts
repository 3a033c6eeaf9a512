import { CustomerSortField } from '@crm/shared/domain';

/**
 * The `after` cursor of the customer list (keyset pagination): the sort it belongs to, and the sort key and
 * id of the last row of the page before. Opaque to clients: base64url of `[sort, key, id]`. Keys travel as
 * the text PostgreSQL compares exactly: names and account numbers as they are, capacities as numeric text
 * (null for customers without one), voltages as integers, times as microseconds since 1970.
 */
export interface CustomerCursor {
  sort: string;
  key: string | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a sort key of each field looks like in a cursor. */
const KEY_FORMATS: Record<CustomerSortField, RegExp> = {
  accountNo: /^[^\0]{1,200}$/u,
  name: /^[^\0]{1,200}$/u,
  contractCapacityKva: /^\d{1,12}(\.\d{1,2})?$/,
  voltageKv: /^\d{1,4}$/,
  createdAt: /^-?\d{1,17}$/,
  updatedAt: /^-?\d{1,17}$/,
};

export function encodeCustomerCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

/** The cursor `value` stands for, if it is one of the list sorted by `sort`; null otherwise. */
export function decodeCustomerCursor(value: string, sort: string): CustomerCursor | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return null;
  const [cursorSort, key, id] = decoded as unknown[];
  if (cursorSort !== sort || typeof id !== 'string' || !UUID.test(id)) return null;
  const field = sort.replace(/^-/, '') as CustomerSortField;
  const keyValid =
    key === null ? field === 'contractCapacityKva' : typeof key === 'string' && KEY_FORMATS[field].test(key);
  return keyValid ? { sort, key: key as string | null, id } : null;
}
