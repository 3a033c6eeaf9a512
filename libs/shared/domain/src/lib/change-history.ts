import { PersonRef } from './customer';

/**
 * The business change history (who changed which field of what, from what to what, through which
 * request), next to the audit log of HTTP requests. Field names are codes; the web labels them.
 */
export const CHANGE_ENTITY_TYPES = [
  'customer',
  'application',
  'user',
  'scoring_model',
  'segment',
  'plan_template',
  'plan_enrolment',
  'export',
] as const;
export type ChangeEntityType = (typeof CHANGE_ENTITY_TYPES)[number];

export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'handover', 'advance', 'cancel', 'export'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One changed field; `from` is null for a created entity, `to` null for a deleted one. */
export interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
}

export const EXPORT_KINDS = ['segment', 'vip_list', 'work_orders'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * What left the system in an export: which list (`kind`), which one of it (`target`, e.g. the segment's
 * id, and its `name`), the file format and how many rows.
 */
export interface ExportRecord {
  kind: ExportKind;
  target: string | null;
  name: string | null;
  format: 'csv' | 'xlsx';
  /** The list's filters, e.g. `{tier: 'A'}` of the VIP list. */
  filter: Record<string, unknown>;
  /** Rows sent; null when the download was broken off (the client left, stalled or the query failed). */
  rows: number | null;
}

export interface ChangeHistoryEntry {
  id: string;
  at: string;
  actor: PersonRef | null;
  requestId: string | null;
  entityType: ChangeEntityType;
  entityId: string;
  customer: { id: string; accountNo: string; name: string } | null;
  action: ChangeAction;
  changes: FieldDiff[];
  export: ExportRecord | null;
}

/** A value in a canonical JSON form: object keys sorted, null and undefined members left out, so equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .filter((k) => v[k] !== null && v[k] !== undefined)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/**
 * The fields whose value differs between two snapshots of an entity, compared by value (arrays and
 * objects by their content, whatever the key order; a missing key equals null). `before` null is a
 * creation (every field that has a value), `after` null a deletion. Fields in the order of `fields`,
 * or of the snapshots' keys.
 */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fields: readonly string[] = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])],
): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of fields) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (canonical(from) !== canonical(to)) diffs.push({ field, from, to });
  }
  return diffs;
}
