import { ErrorDetail } from './api-types';
import { ruleDetail } from './errors';
import { CommitmentView } from './time-limits';
import { ApplicationType, CustomerStage } from './vocabulary';

/**
 * The customer lifecycle (DESIGN.md, "Lifecycle"): which applications a customer may start in which
 * stage, and what completing one does to the customer. Pure rules; the step table itself (codes,
 * names, time limits) is data in the `lifecycle_steps` table, seeded from seeds/lifecycle-steps.json.
 */

export const APPLICATION_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STEP_STATES = ['pending', 'in_progress', 'done', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** Stages in which a customer may start each type of application. */
const ALLOWED_STAGES: Record<ApplicationType, readonly CustomerStage[]> = {
  new_connection: ['applying'],
  capacity_increase: ['active'],
  capacity_reduction: ['active'],
  suspension: ['active'],
  resumption: ['suspended'],
  transfer: ['active', 'suspended'],
  closure: ['active', 'suspended'],
};

/** What the customer must be, in words, for the 409 message. */
const STAGE_NEEDED: Record<ApplicationType, string> = {
  new_connection: 'a customer that is not yet connected',
  capacity_increase: 'an active (connected, not suspended) customer',
  capacity_reduction: 'an active (connected, not suspended) customer',
  suspension: 'an active customer',
  resumption: 'a suspended customer',
  transfer: 'a connected customer',
  closure: 'a connected customer',
};

export interface ApplicationRequest {
  type: ApplicationType;
  requestedCapacityKva?: number | null;
  newOwnerName?: string | null;
}

/**
 * Stages of a customer not yet energised: a prospective customer (`applying`) and one being connected for
 * the first time (`connecting`) has no contracted capacity until its new connection is completed. From
 * energisation on (active, suspended, closing, closed) the capacity is required; the database checks it too.
 */
export const STAGES_WITHOUT_CAPACITY: readonly CustomerStage[] = ['applying', 'connecting'];

/** Why a customer in `stage` may not have this contracted capacity (null: none), or null when it may. */
export function capacityProblem(stage: CustomerStage, capacityKva: number | null): ErrorDetail | null {
  return capacityKva === null && !STAGES_WITHOUT_CAPACITY.includes(stage)
    ? ruleDetail(
        'contractCapacityKva',
        `contractCapacityKva is required once the customer is connected; this customer is ${stage}`,
        'lifecycle.capacityRequired',
      )
    : null;
}

/**
 * What a request lacks that the customer needs, as the field to name in a 400, or null: a new connection
 * of a customer without a contracted capacity needs `requestedCapacityKva`, as it is energised at it.
 */
export function applicationMissingField(
  customer: { capacityKva: number | null },
  request: ApplicationRequest,
): ErrorDetail | null {
  if (request.type === 'new_connection' && customer.capacityKva === null && !request.requestedCapacityKva) {
    return ruleDetail(
      'requestedCapacityKva',
      'requestedCapacityKva is required: the customer has no contracted capacity yet',
      'lifecycle.requestedCapacityRequired',
    );
  }
  return null;
}

/**
 * Why a customer in `stage`, with these open applications, may not start `request`; null when it may.
 * `capacityKva` is the customer's contracted capacity (null: none yet, not energised).
 */
export function applicationRefusal(
  customer: { stage: CustomerStage; capacityKva: number | null },
  openTypes: readonly ApplicationType[],
  request: ApplicationRequest,
): string | null {
  const { type } = request;
  if (customer.stage === 'closed') return 'The customer is closed: no application can be started';
  if (customer.stage === 'closing') return 'The customer is being closed: only the closure can proceed';
  if (openTypes.includes(type)) return `The customer already has an open ${type} application`;
  if (type === 'closure' && openTypes.length) {
    return `Closure needs every other application finished first; open: ${openTypes.join(', ')}`;
  }
  if (!ALLOWED_STAGES[type].includes(customer.stage)) {
    return `A ${type} application needs ${STAGE_NEEDED[type]}; this customer is ${customer.stage}`;
  }
  if ((type === 'capacity_increase' || type === 'capacity_reduction') && customer.capacityKva === null) {
    return `A ${type} needs a contracted capacity to change; this customer has none yet`;
  }
  if (type === 'capacity_increase' && !(Number(request.requestedCapacityKva) > Number(customer.capacityKva))) {
    return `A capacity increase needs requestedCapacityKva above the current ${customer.capacityKva} kVA`;
  }
  if (type === 'capacity_reduction') {
    const requested = Number(request.requestedCapacityKva);
    if (!(requested > 0 && requested < Number(customer.capacityKva))) {
      return `A capacity reduction needs requestedCapacityKva between 0 and the current ${customer.capacityKva} kVA`;
    }
  }
  if (type === 'transfer' && !request.newOwnerName?.trim()) return 'A transfer needs newOwnerName';
  return null;
}

/** The customer's stage while an application of this type is open (null: unchanged). */
export function stageWhileOpen(type: ApplicationType): CustomerStage | null {
  return type === 'closure' ? 'closing' : null;
}

/** The customer's stage once the application's step `stepIndex` (0-based) of `stepCount` is done. */
export function stageAfterStep(type: ApplicationType, stepIndex: number, stepCount: number): CustomerStage | null {
  const last = stepIndex === stepCount - 1;
  switch (type) {
    case 'new_connection':
      // The supply plan is replied after the survey (step 2): the customer is then being connected.
      return last ? 'active' : stepIndex === 1 ? 'connecting' : null;
    case 'suspension':
      return last ? 'suspended' : null;
    case 'resumption':
      return last ? 'active' : null;
    case 'closure':
      return last ? 'closed' : null;
    default:
      return null;
  }
}

/**
 * The contracted capacity a completed application leaves the customer with, or null for no change:
 * a new connection is energised at the capacity applied for, and a capacity change sets it.
 */
export function capacityAfterCompletion(type: ApplicationType, requestedCapacityKva: number | null): number | null {
  return type === 'new_connection' || type === 'capacity_increase' || type === 'capacity_reduction'
    ? requestedCapacityKva
    : null;
}

/**
 * Why the last step of an application may not be completed, or null: a new connection energises the
 * customer, which then needs a contracted capacity, its own or the one applied for.
 */
export function energisationRefusal(
  type: ApplicationType,
  customerCapacityKva: number | null,
  requestedCapacityKva: number | null,
): string | null {
  return type === 'new_connection' && customerCapacityKva === null && requestedCapacityKva === null
    ? "The customer cannot be energised without a contracted capacity: set the customer's contractCapacityKva first"
    : null;
}

/** Why a step may not be completed at `completedAt`, or null: never before it started, never in the future. */
export function completionRefusal(startedAt: Date, completedAt: Date, now: Date): ErrorDetail | null {
  if (completedAt.getTime() > now.getTime() + 60_000)
    return ruleDetail('completedAt', 'completedAt cannot be in the future', 'moment.inFuture');
  if (completedAt.getTime() < startedAt.getTime()) {
    return ruleDetail(
      'completedAt',
      `completedAt cannot be before the step started (${startedAt.toISOString()})`,
      'lifecycle.beforeStepStart',
    );
  }
  return null;
}

/** Shapes of the application routes of API.md ("Applications"). */
export interface ApplicationStepView {
  position: number;
  code: string;
  /** In the caller's language is the web app's business; `name` is the Chinese name as API.md shows it. */
  name: string;
  nameZh: string;
  nameEn: string;
  slaWorkingDays: number;
  startedAt: string | null;
  dueDate: string | null;
  warningDate: string | null;
  completedAt: string | null;
  completedBy: { id: string; displayName: string } | null;
  note: string | null;
  state: StepState;
  sla: 'on_time' | 'warning' | 'overdue';
  /**
   * Working days the step ran past its due date, to its completion (or the application's cancellation, or today);
   * null while it is not past due. 0 when only weekends or holidays passed since.
   */
  workingDaysLate: number | null;
  /** True when the due date falls in a year whose holidays are not known: weekends only were counted. */
  calendarEstimated: boolean;
}

export interface ApplicationView {
  id: string;
  customerId: string;
  customer: { id: string; accountNo: string; name: string; stage: CustomerStage };
  accountManager: { id: string; displayName: string } | null;
  type: ApplicationType;
  status: ApplicationStatus;
  /** Code of the step in progress; null once the application is completed or cancelled. */
  currentStep: string | null;
  requestedCapacityKva: number | null;
  dualSupply: boolean;
  newOwnerName: string | null;
  receivedAt: string;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** SLA of the current step (or of the worst step once finished). */
  sla: 'on_time' | 'warning' | 'overdue';
  steps: ApplicationStepView[];
  /**
   * The whole-connection commitment (获得电力) of a new connection: working days the utility's steps
   * used against 22 (single supply) or 32 (dual supply); null for other types and for applications
   * received before the time-limit engine existed.
   */
  commitment: CommitmentView | null;
}

export interface ApplicationListItem extends Omit<ApplicationView, 'steps' | 'commitment'> {
  currentStepName: string | null;
  currentStepNameEn: string | null;
  dueDate: string | null;
  /**
   * Calendar days from the current step's due date to today (China dates; to the day it was paused, if it was),
   * while an open application's current step is overdue: 1 the day after the due date. Null otherwise.
   */
  daysOverdue: number | null;
}

export interface LifecycleStepDefinition {
  applicationType: ApplicationType;
  position: number;
  code: string;
  nameZh: string;
  nameEn: string;
  slaWorkingDays: number;
  slaWorkingDaysDualSupply: number | null;
}

export interface ComplianceRow {
  completed: number;
  compliant: number;
  /** compliant / completed, 0–1; null with nothing completed. */
  rate: number | null;
  /** Completed new connections with a whole-connection commitment clock, and those within it. */
  commitmentCompleted: number;
  commitmentMet: number;
  /** commitmentMet / commitmentCompleted, 0–1; null with none. */
  commitmentRate: number | null;
}

export interface LifecycleReport {
  from: string;
  to: string;
  byMonth: (ComplianceRow & { month: string })[];
  byManager: (ComplianceRow & {
    manager: { id: string; displayName: string };
    overdueNow: number;
    warningNow: number;
  })[];
  steps: {
    code: string;
    nameZh: string;
    nameEn: string;
    limit: number;
    averageWorkingDays: number;
    completed: number;
  }[];
}
