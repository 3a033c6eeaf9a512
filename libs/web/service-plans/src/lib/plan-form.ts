import { ErrorDetail, PlanService, Recurrence, RECURRENCE_EVERY } from '@crm/shared/domain';

export type RecurrenceEvery = (typeof RECURRENCE_EVERY)[number];

const DEFAULT_DAY = 1;
const DEFAULT_MONTH = 1;
const DEFAULT_DAYS_BEFORE = 5;
const DEFAULT_LEAD_DAYS = 7;

/** The recurrence `every` another way, keeping the day (and month) the user already chose where it still applies. */
export function switchRecurrence(r: Recurrence, every: RecurrenceEvery): Recurrence {
  const day = r.every === 'bill' ? DEFAULT_DAY : r.day;
  switch (every) {
    case 'month':
    case 'quarter':
      return { every, day };
    case 'year':
      return { every, month: r.every === 'year' ? r.month : DEFAULT_MONTH, day };
    case 'bill':
      return { every, daysBefore: r.every === 'bill' ? r.daysBefore : DEFAULT_DAYS_BEFORE };
  }
}

/** A number of a recurrence as the editor shows it: its field, its bounds, the unit after it and its test id. */
export interface RecurrencePart {
  field: 'daysBefore' | 'month' | 'day';
  min: number;
  max: number;
  unit: string;
  testId: string;
}

const DAYS_BEFORE: RecurrencePart = {
  field: 'daysBefore',
  min: 0,
  max: 60,
  unit: 'servicePlans.daysBeforeBill',
  testId: 'service-days-before',
};
const MONTH: RecurrencePart = {
  field: 'month',
  min: 1,
  max: 12,
  unit: 'servicePlans.monthUnit',
  testId: 'service-month',
};
const DAY: RecurrencePart = { field: 'day', min: 1, max: 28, unit: 'servicePlans.dayUnit', testId: 'service-day' };

/** The numbers a recurrence asks for, in the order the editor shows them. */
export function recurrenceParts(every: RecurrenceEvery): RecurrencePart[] {
  if (every === 'bill') return [DAYS_BEFORE];
  return every === 'year' ? [MONTH, DAY] : [DAY];
}

/** One number of a recurrence (null when it has none, or it was emptied). */
export function recurrenceValue(r: Recurrence, field: RecurrencePart['field']): number | null {
  return (r as Partial<Record<RecurrencePart['field'], number | null>>)[field] ?? null;
}

/** A service to add to a template: a monthly visit, keyed `service-N` with N unused so far. */
export function newService(services: readonly PlanService[]): PlanService {
  const keys = new Set(services.map((s) => s.key));
  let n = services.length + 1;
  while (keys.has(`service-${n}`)) n++;
  return {
    key: `service-${n}`,
    kind: 'visit',
    recurrence: { every: 'month', day: DEFAULT_DAY },
    leadDays: DEFAULT_LEAD_DAYS,
  };
}

/** The first problem of each field (`services[1].recurrence.day`, `name`, …). */
export function problemsByField(problems: readonly ErrorDetail[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const p of problems) if (!byField.has(p.field)) byField.set(p.field, p.message);
  return byField;
}
