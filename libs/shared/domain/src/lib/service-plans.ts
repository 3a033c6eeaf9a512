import { ruleDetail } from './errors';
import { MessageCode, MessageParams } from './messages';
import { ErrorDetail } from './api-types';

/**
 * Proactive service plans (DESIGN.md, "service plan"): templates of recurring services, enrolments of
 * customers (one by one or by segment) and the dated tasks they become for the account manager.
 */

export const SERVICE_KINDS = [
  'visit',
  'safety_inspection',
  'energy_efficiency_advice',
  'payment_reminder',
  'contract_renewal_notice',
  'pre_outage_consultation',
  'pre_summer_peak_check',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * When a service is due: on `day` of every month, of the first month of every quarter, of `month` every
 * year, or `daysBefore` each bill's due date.
 */
export type Recurrence =
  | { every: 'month'; day: number }
  | { every: 'quarter'; day: number }
  | { every: 'year'; month: number; day: number }
  | { every: 'bill'; daysBefore: number };
export type CalendarRecurrence = Exclude<Recurrence, { every: 'bill' }>;
export const RECURRENCE_EVERY = ['month', 'quarter', 'year', 'bill'] as const;

export interface PlanService {
  /** Names the service within its template; part of each task's unique key. */
  key: string;
  kind: ServiceKind;
  recurrence: Recurrence;
  /** Days before the due date that the task shows on the manager's day. */
  leadDays: number;
}

export interface PlanTemplateFields {
  name: string;
  description: string;
  services: PlanService[];
  /** Months an enrolment lasts (a first-year plan: 12); none: until unenrolled. */
  durationMonths: number | null;
}

export interface PlanTemplate extends PlanTemplateFields {
  id: string;
  /** A seeded description as a message code (`messages.<code>`), shown instead of `description` until it is changed. */
  descriptionCode: MessageCode | null;
  createdAt: string;
  updatedAt: string;
  enrolled: number;
}

/** How far ahead the generation job creates tasks, in days from today. */
export const TASK_HORIZON_DAYS = 92;

export const TASK_STATES = ['open', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** What creates a task on its own, without a plan (issue "event triggers"; a closed complaint: issue 14). */
export const TASK_TRIGGERS = [
  'consumption_drop',
  'zero_consumption',
  'rating_fall',
  'overdue_step',
  'complaint_closed',
] as const;
export type TaskTrigger = (typeof TASK_TRIGGERS)[number];

/** Calendar days from the day an event trigger makes its task to the task's due date. */
export const TRIGGER_DUE_DAYS = 5;

/**
 * Calendar days from a complaint's closure (its day in China) to the due date of the care visit it
 * makes for the customer's account manager. Calendar days, as every task's due date is: the visit is
 * the manager's to schedule within a month, and a due date on a holiday only shows it a day early.
 */
export const CARE_VISIT_DAYS = 30;

export const TASK_OUTCOMES = ['completed', 'customer_unavailable', 'follow_up_needed', 'not_needed'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/**
 * The sorts of `GET /api/service-tasks` (`field` or `-field` for descending): dueOn (earliest first, so the longest
 * overdue lead), customer (name), manager (display name; tasks of customers without one last), kind. Each ends on
 * the due date and the id, so pages never overlap.
 */
export const SERVICE_TASK_SORT_FIELDS = ['dueOn', 'customer', 'manager', 'kind'] as const;
export type ServiceTaskSortField = (typeof SERVICE_TASK_SORT_FIELDS)[number];
export const SERVICE_TASK_SORTS: readonly string[] = SERVICE_TASK_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

export interface ServiceTask {
  id: string;
  kind: ServiceKind;
  customer: { id: string; accountNo: string; name: string };
  manager: { id: string; displayName: string } | null;
  plan: { id: string; name: string } | null;
  trigger: TaskTrigger | null;
  period: string;
  dueOn: string;
  visibleFrom: string;
  state: TaskState;
  overdue: boolean;
  /** English for a task an event made (its reason), else the plan's or the person's text. */
  summary: string;
  /** The message code of an event's reason (`messages.<code>` with `summaryParams`), null for a person's text. */
  summaryCode: MessageCode | null;
  summaryParams: MessageParams | null;
  outcome: TaskOutcome | null;
  notes: string | null;
  visitedOn: string | null;
  completedAt: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * The occurrences of a calendar recurrence whose due date falls within [from, to] (YYYY-MM-DD, both
 * included): each with its period (2027-03, 2027-Q1, 2027), which keeps one task per period.
 */
export function occurrences(r: CalendarRecurrence, from: string, to: string): { period: string; dueOn: string }[] {
  const result: { period: string; dueOn: string }[] = [];
  const [startYear] = from.split('-').map(Number);
  const [endYear] = to.split('-').map(Number);
  for (let year = startYear; year <= endYear; year++) {
    for (let month = 1; month <= 12; month++) {
      let period: string;
      if (r.every === 'month') period = `${year}-${pad(month)}`;
      else if (r.every === 'quarter' && (month - 1) % 3 === 0) period = `${year}-Q${(month - 1) / 3 + 1}`;
      else if (r.every === 'year' && month === r.month) period = String(year);
      else continue;
      const dueOn = dateOf(year, month, r.day);
      if (dueOn >= from && dueOn <= to) result.push({ period, dueOn });
    }
  }
  return result;
}

function isInt(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

function recurrenceProblems(r: unknown, at: string): ErrorDetail[] {
  if (typeof r !== 'object' || r === null)
    return [ruleDetail(at, 'must be an object {every, …}', 'servicePlan.recurrence')];
  const x = r as Record<string, unknown>;
  const problem = (field: string, min: number, max: number) => [
    ruleDetail(`${at}.${field}`, `must be a whole number from ${min} to ${max}`, 'field.wholeNumber', { min, max }),
  ];
  switch (x['every']) {
    case 'month':
    case 'quarter':
      return isInt(x['day'], 1, 28) ? [] : problem('day', 1, 28);
    case 'year':
      if (!isInt(x['month'], 1, 12)) return problem('month', 1, 12);
      return isInt(x['day'], 1, 28) ? [] : problem('day', 1, 28);
    case 'bill':
      return isInt(x['daysBefore'], 0, 60) ? [] : problem('daysBefore', 0, 60);
    default:
      return [
        ruleDetail(`${at}.every`, `must be one of ${RECURRENCE_EVERY.join(', ')}`, 'validation.isIn', {
          values: RECURRENCE_EVERY.join(', '),
        }),
      ];
  }
}

/** Every problem of a template's services (input of unknown shape), each naming its place. */
export function planServicesProblems(services: unknown, path = 'services'): ErrorDetail[] {
  if (!Array.isArray(services) || services.length === 0 || services.length > 20)
    return [ruleDetail(path, 'must be a list of 1 to 20 services', 'servicePlan.services')];
  const problems: ErrorDetail[] = [];
  const keys = new Set<string>();
  services.forEach((s: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof s !== 'object' || s === null) {
      problems.push(ruleDetail(at, 'must be an object {key, kind, recurrence, leadDays}', 'servicePlan.service'));
      return;
    }
    const x = s as Record<string, unknown>;
    if (typeof x['key'] !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(x['key']))
      problems.push(ruleDetail(`${at}.key`, 'must be 1 to 40 of a-z, 0-9, _ and -', 'servicePlan.key'));
    else if (keys.has(x['key']))
      problems.push(ruleDetail(`${at}.key`, `repeats ${x['key']}`, 'servicePlan.keyRepeated', { value: x['key'] }));
    else keys.add(x['key']);
    if (!SERVICE_KINDS.includes(x['kind'] as ServiceKind))
      problems.push(
        ruleDetail(`${at}.kind`, `must be one of ${SERVICE_KINDS.join(', ')}`, 'validation.isIn', {
          values: SERVICE_KINDS.join(', '),
        }),
      );
    problems.push(...recurrenceProblems(x['recurrence'], `${at}.recurrence`));
    if (!isInt(x['leadDays'], 0, 90))
      problems.push(
        ruleDetail(`${at}.leadDays`, 'must be a whole number from 0 to 90', 'field.wholeNumber', { min: 0, max: 90 }),
      );
  });
  return problems;
}
