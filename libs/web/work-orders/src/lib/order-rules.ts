import {
  chinaDate,
  ClockLimit,
  WorkOrderListItem,
  WorkOrderReference,
  WorkOrderState,
  WorkOrderType,
} from '@crm/shared/domain';

/** A step an order page offers. */
export type OrderAction = 'contact' | 'handle' | 'callback' | 'urge';

/**
 * The steps an order's state allows (the API decides the rest, e.g. refuses the handler's own callback):
 * an open period is contacted, then handled; a handled order waits for its callback; any order that is
 * not closed takes an urge.
 */
export function orderActions(order: { state: WorkOrderState; contactedAt: string | null }): OrderAction[] {
  if (order.state === 'closed') return [];
  if (order.state === 'handled') return ['callback', 'urge'];
  return [order.contactedAt ? 'handle' : 'contact', 'urge'];
}

/** A text a step's dialog asks for: its field, the i18n key of its label and its height in rows. */
export interface StepText {
  name: 'note' | 'result' | 'cause' | 'accountability';
  label: string;
  rows: number;
}

/**
 * The texts a step asks for: handling asks for the result (of a complaint, the investigation, its cause and who is
 * held accountable); the other steps for a note.
 */
export function stepTexts(action: OrderAction, type: WorkOrderType): StepText[] {
  if (action !== 'handle') return [{ name: 'note', label: 'requests.note', rows: 3 }];
  if (type !== 'complaint') return [{ name: 'result', label: 'requests.result', rows: 3 }];
  return [
    { name: 'result', label: 'requests.investigation', rows: 3 },
    { name: 'cause', label: 'requests.cause', rows: 2 },
    { name: 'accountability', label: 'requests.accountability', rows: 2 },
  ];
}

/** Only a complaint and a service request have topics; which ones, by type. */
export function topicsFor(
  type: WorkOrderType | null,
  reference: WorkOrderReference | null,
): WorkOrderReference['topics'] {
  if (type !== 'complaint' && type !== 'service_request') return [];
  return (reference?.topics ?? []).filter((t) => t.type === type);
}

type Timed = Pick<WorkOrderListItem, 'state' | 'contactedAt' | 'contactDueAt' | 'resolveDueAt'>;

/** When the order's running clock is due: the contact until the customer is contacted, then the resolution. */
export function runningDue(order: Timed): string | null {
  if (order.state !== 'open' && order.state !== 'reopened') return null;
  return order.contactedAt ? order.resolveDueAt : order.contactDueAt;
}

/**
 * The orders whose running clock is due today (China's date) or earlier, earliest due first: "My day".
 */
export function dueTodayOrOverdue<T extends Timed>(orders: readonly T[], now: Date): T[] {
  const today = chinaDate(now);
  return orders
    .filter((o) => {
      const due = runningDue(o);
      return !!due && chinaDate(new Date(due)) <= today;
    })
    .sort((a, b) => (runningDue(a) ?? '').localeCompare(runningDue(b) ?? ''));
}

/** The name of a code of the reference data in the language shown; empty while the reference is not loaded. */
export function codeName(
  list: readonly { code: string; nameZh: string; nameEn: string }[] | undefined,
  code: string | null,
  zh: boolean,
): string | null {
  if (code === null) return null;
  if (!list) return '';
  const found = list.find((c) => c.code === code);
  return found ? (zh ? found.nameZh : found.nameEn) : code;
}

/** `YYYY-MM-DD` of a picked day, in the browser's time zone. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day after `YYYY-MM-DD`: the list keeps the picked last day, the API's `to` is exclusive. */
export function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** What an event of the timeline recorded, read from its `details` (only the fields of the right types). */
export interface EventFacts {
  note?: string;
  result?: string;
  cause?: string;
  accountability?: string;
  channel?: string;
  solved?: boolean;
  satisfaction?: number;
  reasons?: string[];
}

export function eventFacts(details: Record<string, unknown>): EventFacts {
  const facts: EventFacts = {};
  for (const key of ['note', 'result', 'cause', 'accountability', 'channel'] as const) {
    const value = details[key];
    if (typeof value === 'string' && value.trim()) facts[key] = value;
  }
  if (typeof details['solved'] === 'boolean') facts.solved = details['solved'];
  if (typeof details['satisfaction'] === 'number') facts.satisfaction = details['satisfaction'];
  const reasons = details['reasons'];
  if (Array.isArray(reasons)) facts.reasons = reasons.filter((r): r is string => typeof r === 'string');
  return facts;
}

/** The i18n key of a limit in words ("1 working day", "45 minutes"): `requests.amount.<unit>.<one|other>`. */
export function amountKey(limit: ClockLimit): string {
  return `requests.amount.${limit.unit}.${limit.amount === 1 ? 'one' : 'other'}`;
}
