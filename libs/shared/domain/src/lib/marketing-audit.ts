import { ErrorDetail, Page } from './api-types';
import { ForbiddenError, InvalidInputError, InvalidTransitionError, ruleDetail } from './errors';
import { Role } from './roles';
import { TARIFF_CATEGORIES, TariffCategory } from './vocabulary';

/**
 * The marketing audit (营销稽查, DESIGN.md "Marketing audit"): rules that run set-wise over every customer
 * each night and on demand; each hit is a finding with its evidence that the owning account manager
 * rectifies and an auditor verifies or dismisses. Pure rules: the rule catalogue with each rule's parameters
 * and their bounds, the parameter check, severities and their rectification limits, and the finding's state
 * machine. The rules' names and descriptions are data (seeds/audit-rules.json); their SQL lives in
 * libs/api/marketing-audit/src/lib/rules/.
 */

export const AUDIT_SEVERITIES = ['high', 'medium', 'low'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

/** Working days the owning manager has to rectify a finding, from the day it was found (or reopened). */
export const RECTIFICATION_WORKING_DAYS: Record<AuditSeverity, number> = { high: 5, medium: 10, low: 15 };

/** One parameter of a rule: a whole number within bounds, or a set of tariff categories. */
export type AuditParameterSpec =
  | { key: string; kind: 'integer'; default: number; min: number; max: number }
  | { key: string; kind: 'tariffs'; default: readonly TariffCategory[] };

export interface AuditRuleSpec {
  code: string;
  severity: AuditSeverity;
  parameters: readonly AuditParameterSpec[];
}

/** The rules, in the order the workbench lists them, with their default severity and parameters. */
export const AUDIT_RULES = [
  {
    code: 'zero_consumption',
    severity: 'high',
    parameters: [
      { key: 'months', kind: 'integer', default: 2, min: 1, max: 12 },
      { key: 'tariffCategories', kind: 'tariffs', default: ['large_industry', 'general_commercial'] },
    ],
  },
  {
    code: 'consumption_out_of_line',
    severity: 'medium',
    parameters: [
      { key: 'lowPercent', kind: 'integer', default: 30, min: 1, max: 99 },
      { key: 'highPercent', kind: 'integer', default: 300, min: 101, max: 10000 },
      { key: 'trailingMonths', kind: 'integer', default: 12, min: 3, max: 24 },
      { key: 'minimumKwh', kind: 'integer', default: 1000, min: 0, max: 100000000 },
    ],
  },
  {
    code: 'disconnection_without_notice',
    severity: 'high',
    parameters: [{ key: 'noticeDays', kind: 'integer', default: 7, min: 1, max: 30 }],
  },
  {
    code: 'restoration_late',
    severity: 'high',
    parameters: [{ key: 'hours', kind: 'integer', default: 24, min: 1, max: 240 }],
  },
  {
    code: 'outage_notice_undelivered',
    severity: 'high',
    parameters: [{ key: 'days', kind: 'integer', default: 90, min: 1, max: 365 }],
  },
  {
    code: 'contact_data_incomplete',
    severity: 'medium',
    parameters: [],
  },
  {
    code: 'application_late',
    severity: 'medium',
    parameters: [{ key: 'days', kind: 'integer', default: 365, min: 30, max: 1095 }],
  },
  {
    code: 'urged_without_contact',
    severity: 'medium',
    parameters: [{ key: 'urges', kind: 'integer', default: 1, min: 1, max: 10 }],
  },
  {
    code: 'callback_contradiction',
    severity: 'high',
    parameters: [{ key: 'days', kind: 'integer', default: 180, min: 1, max: 730 }],
  },
  {
    code: 'repair_arrival_late',
    severity: 'medium',
    parameters: [{ key: 'days', kind: 'integer', default: 90, min: 1, max: 730 }],
  },
  {
    code: 'important_customer_not_visited',
    severity: 'low',
    parameters: [{ key: 'days', kind: 'integer', default: 90, min: 30, max: 365 }],
  },
] as const satisfies readonly AuditRuleSpec[];

export type AuditRuleCode = (typeof AUDIT_RULES)[number]['code'];
export const AUDIT_RULE_CODES: readonly AuditRuleCode[] = AUDIT_RULES.map((r) => r.code);

/** A rule's parameter values, by key. */
export type AuditParameters = Record<string, number | readonly TariffCategory[]>;

export function isAuditRuleCode(value: unknown): value is AuditRuleCode {
  return typeof value === 'string' && (AUDIT_RULE_CODES as readonly string[]).includes(value);
}

export function auditRuleSpec(code: AuditRuleCode): AuditRuleSpec {
  return AUDIT_RULES.find((r) => r.code === code) as AuditRuleSpec;
}

/** The default parameter values of a rule. */
export function defaultAuditParameters(code: AuditRuleCode): AuditParameters {
  return Object.fromEntries(auditRuleSpec(code).parameters.map((p) => [p.key, p.default]));
}

/**
 * Checks a proposed set of parameter values against the rule's specification: every parameter given, nothing
 * else, whole numbers within bounds, tariff sets non-empty and known. Throws `InvalidInputError` naming each
 * bad field as `parameters.<key>`; returns the values.
 */
export function checkAuditParameters(code: AuditRuleCode, values: Record<string, unknown>): AuditParameters {
  const problems: ErrorDetail[] = [];
  const specs = auditRuleSpec(code).parameters;
  for (const key of Object.keys(values))
    if (!specs.some((s) => s.key === key))
      problems.push(
        ruleDetail(`parameters.${key}`, `${key} is not a parameter of rule ${code}`, 'audit.unknownParameter', {
          name: key,
        }),
      );
  for (const spec of specs) {
    const value = values[spec.key];
    const field = `parameters.${spec.key}`;
    if (spec.kind === 'integer') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max)
        problems.push(
          ruleDetail(field, `${spec.key} must be a whole number from ${spec.min} to ${spec.max}`, 'field.wholeNumber', {
            min: spec.min,
            max: spec.max,
          }),
        );
    } else if (
      !Array.isArray(value) ||
      value.length === 0 ||
      new Set(value).size !== value.length ||
      !value.every((v) => (TARIFF_CATEGORIES as readonly unknown[]).includes(v))
    ) {
      problems.push(
        ruleDetail(field, `${spec.key} must be a non-empty list of distinct tariff categories`, 'audit.tariffs'),
      );
    }
  }
  if (problems.length) throw new InvalidInputError('The rule parameters are not valid', problems);
  return values as AuditParameters;
}

/**
 * open → rectifying (the owning manager records what was done) → verified (an auditor) ; open or rectifying →
 * dismissed with a reason (an auditor); verified or dismissed → open again (reopen by an auditor, or a run that
 * finds the condition again after it had gone).
 */
export const AUDIT_FINDING_STATES = ['open', 'rectifying', 'verified', 'dismissed'] as const;
export type AuditFindingState = (typeof AUDIT_FINDING_STATES)[number];

export const AUDIT_FINDING_ACTIONS = ['rectify', 'verify', 'dismiss', 'reopen'] as const;
export type AuditFindingAction = (typeof AUDIT_FINDING_ACTIONS)[number];

const ACTION_RULES: Record<
  AuditFindingAction,
  { from: readonly AuditFindingState[]; to: AuditFindingState; roles: readonly Role[] }
> = {
  rectify: { from: ['open'], to: 'rectifying', roles: ['account_manager', 'admin'] },
  verify: { from: ['rectifying'], to: 'verified', roles: ['auditor', 'admin'] },
  dismiss: { from: ['open', 'rectifying'], to: 'dismissed', roles: ['auditor', 'admin'] },
  reopen: { from: ['verified', 'dismissed'], to: 'open', roles: ['auditor', 'admin'] },
};

/** Who may act on a finding, for the web to show only the buttons that work. */
export function auditActionsFor(state: AuditFindingState, role: Role): AuditFindingAction[] {
  return AUDIT_FINDING_ACTIONS.filter(
    (a) => ACTION_RULES[a].from.includes(state) && ACTION_RULES[a].roles.includes(role),
  );
}

/** The shortest note an action takes: what was done, or why it is dismissed or reopened. */
export const AUDIT_NOTE_MIN_LENGTH = 2;

/**
 * The state a finding moves to when `role` takes `action` with `note` in `state`: throws `ForbiddenError` for a
 * role that may not, `InvalidInputError` (field `note`) for a missing note, `InvalidTransitionError` from a
 * state the action does not leave.
 */
export function nextAuditState(
  state: AuditFindingState,
  action: AuditFindingAction,
  role: Role,
  note: string | undefined,
): AuditFindingState {
  const rule = ACTION_RULES[action];
  if (!rule.roles.includes(role)) throw new ForbiddenError(`A ${role} may not ${action} a finding`);
  if ((note ?? '').trim().length < AUDIT_NOTE_MIN_LENGTH)
    throw new InvalidInputError('A note is required', [
      ruleDetail(
        'note',
        `note must say what was done or why, at least ${AUDIT_NOTE_MIN_LENGTH} characters`,
        'audit.note',
        {
          limit: AUDIT_NOTE_MIN_LENGTH,
        },
      ),
    ]);
  if (!rule.from.includes(state)) throw new InvalidTransitionError(`A finding that is ${state} cannot be ${action}ed`);
  return rule.to;
}

/** What happened to a finding, in its history. `found`, `cleared` and `recurred` are written by a run. */
export const AUDIT_FINDING_EVENTS = [
  'found',
  'cleared',
  'recurred',
  'rectified',
  'verified',
  'dismissed',
  'reopened',
] as const;
export type AuditFindingEventKind = (typeof AUDIT_FINDING_EVENTS)[number];

/** A rule as the workbench shows it (names and descriptions in both languages; `lastRun` counts). */
export interface AuditRuleView {
  code: AuditRuleCode;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  severity: AuditSeverity;
  enabled: boolean;
  parameters: AuditParameters;
  parameterSpecs: readonly AuditParameterSpec[];
  version: number;
  /** Open and rectifying findings of this rule now, and what the last finished run found. */
  openFindings: number;
  lastRun: { runId: string; finishedAt: string; found: number; created: number; cleared: number } | null;
}

/** `PUT /api/marketing-audit/rules/:code`. */
export interface AuditRuleChange {
  enabled?: boolean;
  severity?: AuditSeverity;
  parameters?: AuditParameters;
  version: number;
}

export const AUDIT_RUN_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type AuditRunState = (typeof AUDIT_RUN_STATES)[number];

/** `GET /api/marketing-audit/runs/:id`: `findings` counts per rule (found now, new, gone since the last run). */
export interface AuditRunView {
  id: string;
  jobId: string;
  state: AuditRunState;
  progress: number;
  trigger: 'nightly' | 'on_demand';
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  findings: { rule: AuditRuleCode; found: number; created: number; cleared: number }[];
}

/** A finding in a list. `managerId` is the customer's account manager now (findings follow a handover). */
export interface AuditFindingListEntry {
  id: string;
  rule: AuditRuleCode;
  customer: { id: string; accountNo: string; name: string };
  managerId: string | null;
  managerName: string | null;
  severity: AuditSeverity;
  state: AuditFindingState;
  /** The last day to rectify (China date), null once rectified, verified or dismissed. */
  dueOn: string | null;
  overdue: boolean;
  firstFoundAt: string;
  lastFoundAt: string;
  /** When a run last failed to find the condition (it has gone), null while it is still there. */
  conditionClearedAt: string | null;
  recurrences: number;
}

export interface AuditFindingEvent {
  kind: AuditFindingEventKind;
  at: string;
  actorName: string | null;
  note: string | null;
}

/**
 * `GET /api/marketing-audit/findings/:id`: the list entry with the evidence (the rows that triggered the rule,
 * a JSON object whose shape each rule documents in its SQL file) and the history, newest last.
 */
export interface AuditFindingView extends AuditFindingListEntry {
  evidence: Record<string, unknown>;
  history: AuditFindingEvent[];
  /** What the caller may do now. */
  actions: AuditFindingAction[];
  version: number;
}

export type AuditFindingPage = Page<AuditFindingListEntry>;

/**
 * The evidence each rule stores on its finding (built in SQL by the rule's file in
 * libs/api/marketing-audit/src/lib/rules/). Periods are `YYYY-MM`, dates `YYYY-MM-DD` (China), moments ISO
 * 8601; energy in kWh; ids as text.
 */
export interface AuditEvidenceByRule {
  zero_consumption: {
    tariffCategory: TariffCategory;
    /** The zero months, oldest first, each beside the same month a year before (null when not recorded). */
    months: { period: string; kwh: number; lastYearKwh: number | null }[];
  };
  consumption_out_of_line: {
    period: string;
    kwh: number;
    lastYearKwh: number;
    trailingMedianKwh: number;
    /** kWh as a percentage of last year's month and of the trailing median. */
    percentOfLastYear: number;
    percentOfMedian: number;
    direction: 'low' | 'high';
  };
  disconnection_without_notice: {
    disconnectionId: string;
    noticeDate: string;
    disconnectedOn: string;
    daysOfNotice: number;
    requiredDays: number;
  };
  restoration_late: {
    disconnectionId: string;
    disconnectedOn: string;
    paidInFullOn: string;
    /** null while power is still off. */
    restoredOn: string | null;
    hoursAllowed: number;
    daysWithoutPowerAfterPayment: number;
  };
  outage_notice_undelivered: {
    messageId: string;
    createdAt: string;
    recipient: string;
    reason: 'failed' | 'no_valid_mobile';
    lastError: string | null;
  };
  contact_data_incomplete: {
    voltageKv: number;
    contacts: number;
    problems: ('no_contact' | 'no_valid_mobile' | 'no_electrical_contact')[];
  };
  application_late: {
    applicationId: string;
    kind: string;
    receivedAt: string;
    reason: 'acceptance_late' | 'commitment_exceeded';
    /** Working days allowed and used (the acceptance step's, or all utility steps' for the commitment). */
    limitDays: number;
    usedDays: number;
  };
  urged_without_contact: {
    orderId: string;
    orderNo: string;
    type: string;
    receivedAt: string;
    urges: number;
    lastUrgedAt: string;
  };
  callback_contradiction: {
    orderId: string;
    orderNo: string;
    type: string;
    result: string;
    callbackAt: string;
    callbackNote: string | null;
    satisfaction: number | null;
  };
  repair_arrival_late: {
    orderId: string;
    orderNo: string;
    area: string;
    receivedAt: string;
    /** null when the crew has not arrived yet. */
    arrivedAt: string | null;
    limitMinutes: number;
    minutesLate: number;
  };
  important_customer_not_visited: {
    vipTier: string | null;
    importance: string;
    /** The last completed on-site visit, null when there was none. */
    lastVisitOn: string | null;
    days: number;
  };
}

/**
 * `GET /api/marketing-audit/figures?months=12` (leadership, auditor, admin; marketing reads): findings per 100
 * customers (customers with a supply) by rule and by manager, the share rectified on time, repeat findings,
 * and per month the findings found, rectified and verified.
 */
export interface AuditFigures {
  customers: number;
  findings: number;
  findingsPer100: number;
  /** Rectified before their deadline, of those rectified (0–100), null when none was rectified yet. */
  rectifiedOnTimePercent: number | null;
  repeatFindings: number;
  byRule: { rule: AuditRuleCode; findings: number; open: number; overdue: number; per100: number }[];
  byManager: {
    managerId: string;
    managerName: string;
    customers: number;
    findings: number;
    open: number;
    overdue: number;
    per100: number;
  }[];
  byMonth: { month: string; found: number; rectified: number; verified: number }[];
}

/**
 * The role (customer_contacts.role) of a customer's electrical contact (电气负责人), whom the supply rules ask every
 * customer at or above `ELECTRICAL_CONTACT_VOLTAGE_KV` to name (rule `contact_data_incomplete`).
 */
export const ELECTRICAL_CONTACT_ROLE = '电气负责人';
export const ELECTRICAL_CONTACT_VOLTAGE_KV = 10;

/**
 * `sort` of `GET /api/marketing-audit/findings`: a field, or `-field` for descending (the project's list
 * convention). `dueOn` (the default) puts the nearest deadline first, so overdue findings lead and findings
 * without one (rectified, verified, dismissed) come last; `firstFoundAt`, `severity` (high first) and
 * `recurrences` likewise. Each ends on the id, so pages never overlap.
 */
export const AUDIT_FINDING_SORT_FIELDS = ['dueOn', 'firstFoundAt', 'severity', 'recurrences'] as const;
export type AuditFindingSortField = (typeof AUDIT_FINDING_SORT_FIELDS)[number];
export const AUDIT_FINDING_SORTS: readonly string[] = AUDIT_FINDING_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

/**
 * The time-limit clock of a finding's rectification: owner kind `audit_finding`, clock kind `rectification` the first
 * time it is opened and `rectification_<n>` the n-th time (a recurrence or a reopen starts a new one).
 */
export const AUDIT_CLOCK_OWNER = 'audit_finding';
export function rectificationClockKind(opening: number): string {
  return opening <= 1 ? 'rectification' : `rectification_${opening}`;
}
