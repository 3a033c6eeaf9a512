import { CustomerStage, ImportanceClass, TariffCategory, VoltageKv } from './vocabulary';
import { RepairArea } from './work-orders';

/** Shapes of the customer routes of API.md ("Customers"), shared by the API and the web app. */

export interface Contact {
  name: string;
  phone: string;
  email?: string | null;
  /** What the person does for the customer, e.g. 电气负责人, 财务. */
  role: string;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

/** The editable fields of a customer. */
export interface CustomerFields {
  name: string;
  creditCode: string;
  industry: string;
  voltageKv: VoltageKv;
  /** kVA; null while the customer is not yet energised (applying, connecting) and has none yet. */
  contractCapacityKva: number | null;
  tariffCategory: TariffCategory;
  region: string;
  address: string;
  importance: ImportanceClass;
  contacts: Contact[];
  tags: string[];
  /** Where the customer is, for the fault-repair time limits (urban when not given). */
  area?: RepairArea;
}

export interface NewCustomer extends Omit<CustomerFields, 'contractCapacityKva'> {
  accountNo: string;
  /** A new customer is applying: it may have no contracted capacity yet. */
  contractCapacityKva?: number | null;
  /** Admin and leader only: an account manager creating a customer owns it. */
  managerId?: string;
}

export interface CustomerUpdate extends Partial<CustomerFields> {
  version: number;
}

export interface Customer extends CustomerFields {
  id: string;
  area: RepairArea;
  accountNo: string;
  stage: CustomerStage;
  version: number;
  accountManager: PersonRef | null;
  createdAt: string;
  updatedAt: string;
}

/** `sort` of the customer list: a field, or `-field` for descending. */
export const CUSTOMER_SORT_FIELDS = [
  'accountNo',
  'name',
  'contractCapacityKva',
  'voltageKv',
  'createdAt',
  'updatedAt',
] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
export const CUSTOMER_SORTS: readonly string[] = CUSTOMER_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

/**
 * What the `total` of a customer list is: the exact count (up to `CUSTOMER_EXACT_COUNT_LIMIT` matches), the
 * planner's estimate (beyond it), or only "more than the limit" when the planner expects no more.
 */
export const CUSTOMER_TOTAL_KINDS = ['exact', 'estimate', 'atLeast'] as const;
export type CustomerTotalKind = (typeof CUSTOMER_TOTAL_KINDS)[number];

export interface CustomerPage {
  items: Customer[];
  total: number;
  /** False when there are more than `CUSTOMER_EXACT_COUNT_LIMIT` matches (`totalKind` says what `total` is then). */
  totalExact: boolean;
  totalKind: CustomerTotalKind;
  page: number;
  pageSize: number;
  /** The `after` of the next page (keyset pagination); null on the last page. */
  nextCursor: string | null;
}

/** Up to this many matches the customer list counts exactly; beyond it, it estimates. */
export const CUSTOMER_EXACT_COUNT_LIMIT = 1_000;

export const TIMELINE_TYPES = ['created', 'updated', 'handover'] as const;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TimelineEntry {
  at: string;
  type: string;
  actor: PersonRef | null;
  summary: string;
  data: Record<string, unknown>;
}

export interface Industry {
  code: string;
  section: string;
  nameZh: string;
  nameEn: string;
}

export interface ManagerWorkload {
  manager: PersonRef & { username: string };
  customers: number;
  totalCapacityKva: number;
  /** Open applications and tasks of the manager's customers. */
  openWork: number;
}

export interface Handover {
  toManagerId: string;
  reason: string;
  /** The customer's version the caller read: a stale one is refused, so of two handovers only one wins. */
  version?: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  user: (PersonRef & { username: string; role: string }) | null;
  method: string;
  path: string;
  status: number;
  requestId: string;
  ip: string | null;
  durationMs: number;
}

export interface HandoverResult {
  moved: number;
}

/** What a hand-over of all of a manager's customers would move: the customers (not closed) and their open work. */
export interface HandoverPreview {
  customers: number;
  openApplications: number;
  openTasks: number;
  /** Requests and complaints not closed. */
  openRequests: number;
}

/**
 * The fields that differ between two versions of a customer, compared by value
 * (arrays and contacts by their JSON form), in the order of `fields`.
 */
export function changedFields<T extends object>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after) || after[field] === undefined) continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ field: String(field), before: before[field], after: after[field] });
    }
  }
  return changes;
}

/** Operational data (API.md, "Data import"): what the billing and metering systems report. */
export interface ConsumptionMonth {
  /** YYYY-MM */
  period: string;
  kwh: number;
  maxDemandKw: number;
  powerFactor: number;
}

export interface BillView {
  period: string;
  amount: number;
  dueDate: string;
  paidAmount: number;
  /** Date of the last payment, if any. */
  paidAt: string | null;
  daysLate: number;
  outstanding: number;
}

export interface ViolationView {
  occurredOn: string;
  kind: 'violation' | 'theft';
  description: string;
  penalty: number;
}

export interface DisconnectionView {
  noticeDate: string;
  disconnectedOn: string | null;
  restoredOn: string | null;
}

export interface OperationalSummary {
  arrears: number;
  overdueBills: number;
  lateBills12Months: number;
  violations24Months: number;
  kwh12Months: number;
}

/** The global search (`GET /api/customers/lookup?q=`): the fields a customer is found by. */
export const CUSTOMER_LOOKUP_FIELDS = ['accountNo', 'creditCode', 'phone', 'name'] as const;
export type CustomerLookupField = (typeof CUSTOMER_LOOKUP_FIELDS)[number];
/** A shorter term is refused (400): it would match too much to be of use. */
export const CUSTOMER_LOOKUP_MIN_LENGTH = 2;
export const CUSTOMER_LOOKUP_MAX_LENGTH = 100;
/** At most this many customers are found. */
export const CUSTOMER_LOOKUP_LIMIT = 10;

/** A customer the global search found, with the field that matched and its value (for a phone, whose phone). */
export interface CustomerLookupHit {
  id: string;
  name: string;
  accountNo: string;
  field: CustomerLookupField;
  /** The matching value: the name, account number, credit code, or the contact's phone. */
  value: string;
  /** The contact whose phone matched; null for the other fields. */
  contactName: string | null;
}

/**
 * The fields a search term can match, in the order the results list them: the start of an account
 * number or credit code (letters, digits, dashes), the start of a contact phone (digits, dashes), and
 * a fragment of the name (any term).
 */
export function customerLookupFields(term: string): CustomerLookupField[] {
  const t = term.trim();
  const fields: CustomerLookupField[] = [];
  if (/^[0-9A-Za-z-]+$/.test(t)) fields.push('accountNo', 'creditCode');
  if (/^[0-9-]+$/.test(t)) fields.push('phone');
  fields.push('name');
  return fields;
}
