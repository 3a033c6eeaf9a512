import {
  addCalendarDays,
  addWorkingDays,
  ApplicationStatus,
  ApplicationType,
  chinaDate,
  clockMoments,
  clockUsed,
  connectionCommitmentLimit,
  CustomerStage,
  CUSTOMER_CONSTRUCTION_STEP,
  workingDaysBefore,
  LifecycleStepDefinition,
  StepState,
  WorkingCalendar,
} from '@crm/shared/domain';
import { GeneratedCustomer } from './customers.generator';
import { Random } from './random';

/** A step of a generated application: its definition's fields, and how far it got. */
export interface GeneratedStep
  extends Pick<LifecycleStepDefinition, 'position' | 'code' | 'nameZh' | 'nameEn' | 'slaWorkingDays'> {
  state: StepState;
  startedAt: Date | null;
  /** The step's clock (libs/api/time-limits): its moments, null before the step starts. */
  warnAt: Date | null;
  dueAt: Date | null;
  calendarEstimated: boolean;
  completedAt: Date | null;
  note: string | null;
}

/** The whole-connection commitment clock of a new connection, as the engine would have kept it. */
export interface GeneratedCommitment {
  limit: number;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
  calendarEstimated: boolean;
  pausedAt: Date | null;
  resumedAt: Date | null;
  usedBefore: number;
  stoppedAt: Date | null;
}

export interface GeneratedApplication {
  /** Index of the customer in the list given to the generator. */
  customerIndex: number;
  type: ApplicationType;
  status: ApplicationStatus;
  requestedCapacityKva: number | null;
  dualSupply: boolean;
  newOwnerName: string | null;
  stageBefore: CustomerStage;
  currentPosition: number | null;
  receivedAt: Date;
  completedAt: Date | null;
  steps: GeneratedStep[];
  commitment: GeneratedCommitment | null;
}

/**
 * The commitment clock of a new connection walked like the API walks it: started at receipt, paused
 * while the customer builds (CUSTOMER_CONSTRUCTION_STEP), resumed after it, stopped at completion.
 */
function commitmentOf(
  dualSupply: boolean,
  receivedAt: Date,
  steps: GeneratedStep[],
  completedAt: Date | null,
  calendar: WorkingCalendar,
): GeneratedCommitment {
  const limit = connectionCommitmentLimit(dualSupply);
  let clock: GeneratedCommitment = {
    limit,
    startedAt: receivedAt,
    ...toMoments(clockMoments(receivedAt, limit, 'working_days', calendar)),
    pausedAt: null,
    resumedAt: null,
    usedBefore: 0,
    stoppedAt: completedAt,
  };
  const construction = steps.find((s) => s.code === CUSTOMER_CONSTRUCTION_STEP);
  if (construction?.startedAt) {
    const usedBefore = clockUsed('working_days', receivedAt, construction.startedAt, calendar);
    clock = { ...clock, pausedAt: construction.startedAt, usedBefore };
    if (construction.completedAt) {
      const resumed = clockMoments(construction.completedAt, limit, 'working_days', calendar, usedBefore);
      clock = { ...clock, ...toMoments(resumed), pausedAt: null, resumedAt: construction.completedAt };
    }
  }
  return clock;
}

function toMoments(m: { warnAt: Date; dueAt: Date; estimated: boolean }) {
  return { warnAt: m.warnAt, dueAt: m.dueAt, calendarEstimated: m.estimated };
}

const NOTES: Record<string, string[]> = {
  acceptance: ['资料齐全，予以受理', '客户现场递交申请资料'],
  survey_plan: ['现场勘查完成，供电方案已答复客户', '方案经客户确认'],
  design_review: ['设计图纸审查通过', '审查意见已书面告知客户'],
  mid_inspection: ['隐蔽工程检查合格'],
  completion_acceptance: ['竣工检验合格'],
  energization: ['装表接电完成，客户正式用电'],
  site_check: ['现场核查无误'],
  execution: ['已完成现场操作'],
};

/** A moment on a China calendar date, during office hours (09:00–17:59 China time). */
function atOfficeHours(r: Random, date: string): Date {
  return new Date(`${date}T${String(r.int(1, 9)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`);
}

/**
 * Walks the steps of one application from `receivedDate`: each done step takes a random share of its
 * limit (about one in thirty runs late); the step left open (if any) has been running a random
 * number of working days, so the demo shows open work on time, in warning and overdue.
 */
function walk(
  r: Random,
  definitions: LifecycleStepDefinition[],
  receivedDate: string,
  doneSteps: number,
  dualSupply: boolean,
  calendar: WorkingCalendar,
  now: Date,
): { steps: GeneratedStep[]; end: Date | null; current: number | null } {
  const today = chinaDate(now);
  const steps: GeneratedStep[] = [];
  let start = atOfficeHours(r, receivedDate);
  let end: Date | null = null;
  let current: number | null = null;
  definitions.forEach((d, i) => {
    const limit = dualSupply && d.slaWorkingDaysDualSupply ? d.slaWorkingDaysDualSupply : d.slaWorkingDays;
    const base = { position: d.position, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, slaWorkingDays: limit };
    if (i > doneSteps) {
      steps.push({
        ...base,
        state: 'pending',
        startedAt: null,
        warnAt: null,
        dueAt: null,
        calendarEstimated: false,
        completedAt: null,
        note: null,
      });
      return;
    }
    const deadlines = toMoments(clockMoments(start, limit, 'working_days', calendar));
    if (i === doneSteps) {
      current = d.position;
      steps.push({ ...base, state: 'in_progress', startedAt: start, ...deadlines, completedAt: null, note: null });
      return;
    }
    const late = r.chance(0.035);
    const took = late ? limit + r.int(1, Math.max(2, Math.ceil(limit / 2))) : r.int(Math.min(1, limit), limit);
    let doneDate = addWorkingDays(chinaDate(start), took, calendar);
    if (doneDate > today) doneDate = today;
    const completedAt = new Date(
      Math.min(Math.max(atOfficeHours(r, doneDate).getTime(), start.getTime() + 60_000), now.getTime()),
    );
    steps.push({
      ...base,
      state: 'done',
      startedAt: start,
      ...deadlines,
      completedAt,
      note: r.pick(NOTES[d.code] ?? ['办理完成']),
    });
    start = completedAt;
    end = completedAt;
  });
  return { steps, end, current };
}

/** Working days to go back from today so that an open step has been running for a share of its limit. */
function openStepAge(r: Random, limit: number): number {
  return r.weighted([
    [Math.floor(limit * 0.4), 5],
    [Math.ceil(limit * 0.85), 2],
    [limit + r.int(1, 4), 2],
  ] as const);
}

/** A random working day after `from` and at least `margin` working days before `to` (or `from`'s next one). */
function workingDayBetween(r: Random, from: string, to: string, margin: number, calendar: WorkingCalendar): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  const candidate = addCalendarDays(from, r.int(1, Math.max(1, span)));
  const latest = workingDaysBefore(to, margin, calendar);
  const day = candidate > latest ? latest : candidate;
  return day <= from ? addWorkingDays(from, 1, calendar) : addWorkingDays(addCalendarDays(day, -1), 1, calendar);
}

/**
 * Applications consistent with each customer's stage: a completed new connection for every customer
 * that was ever connected, the open one of customers still applying or connecting, completed or open
 * capacity changes, suspensions, resumptions, transfers and closures. Deterministic for a seed.
 */
export function generateApplications(options: {
  seed: number;
  customers: GeneratedCustomer[];
  steps: LifecycleStepDefinition[];
  calendar: WorkingCalendar;
  now: Date;
}): GeneratedApplication[] {
  const r = new Random(options.seed);
  const today = chinaDate(options.now);
  const byType = (type: ApplicationType) => options.steps.filter((s) => s.applicationType === type);
  const apps: GeneratedApplication[] = [];

  const add = (
    customerIndex: number,
    type: ApplicationType,
    receivedDate: string,
    doneSteps: number,
    extra: Partial<GeneratedApplication> = {},
  ) => {
    const definitions = byType(type);
    const dualSupply = extra.dualSupply ?? false;
    const { steps, end, current } = walk(
      r,
      definitions,
      receivedDate,
      doneSteps,
      dualSupply,
      options.calendar,
      options.now,
    );
    const completed = doneSteps >= definitions.length;
    apps.push({
      customerIndex,
      type,
      status: completed ? 'completed' : 'open',
      requestedCapacityKva: null,
      dualSupply,
      newOwnerName: null,
      stageBefore: 'active',
      currentPosition: completed ? null : current,
      receivedAt: steps[0].startedAt as Date,
      completedAt: completed ? end : null,
      steps,
      commitment:
        type === 'new_connection'
          ? commitmentOf(dualSupply, steps[0].startedAt as Date, steps, completed ? end : null, options.calendar)
          : null,
      ...extra,
    });
    return end;
  };

  /** An open application whose current step (index `at`) has been running a while. */
  const addOpen = (
    customerIndex: number,
    type: ApplicationType,
    at: number,
    extra: Partial<GeneratedApplication> = {},
  ) => {
    const definitions = byType(type);
    const totalBefore = definitions.slice(0, at).reduce((s, d) => s + d.slaWorkingDays, 0);
    const back = Math.ceil(totalBefore * 0.8) + openStepAge(r, definitions[at].slaWorkingDays);
    add(customerIndex, type, workingDaysBefore(today, back, options.calendar), at, extra);
  };

  options.customers.forEach((c, i) => {
    const connectedOn = chinaDate(c.createdAt);
    const dual = c.voltageKv >= 35 || c.importance === 'level1' || c.importance === 'special';
    switch (c.stage) {
      case 'applying':
        addOpen(i, 'new_connection', r.int(0, 1), { dualSupply: dual, stageBefore: 'applying' });
        return;
      case 'connecting':
        addOpen(i, 'new_connection', r.int(2, 5), { dualSupply: dual, stageBefore: 'applying' });
        return;
    }
    // Everyone else was connected once, the new connection starting some weeks before createdAt.
    const received = workingDaysBefore(connectedOn, r.int(35, 60), options.calendar);
    const connected = chinaDate(
      add(i, 'new_connection', received, 6, { dualSupply: dual, stageBefore: 'applying' }) as Date,
    );
    switch (c.stage) {
      case 'active': {
        const change = r.weighted<ApplicationType | null>([
          ['capacity_increase', 6],
          ['capacity_reduction', 2],
          ['transfer', 2],
          ['suspension', 2],
          [null, 88],
        ]);
        if (change === 'capacity_increase')
          addOpen(i, change, r.int(0, 4), { requestedCapacityKva: c.contractCapacityKva * 2 });
        if (change === 'capacity_reduction')
          addOpen(i, change, r.int(0, 2), { requestedCapacityKva: Math.round(c.contractCapacityKva / 2) });
        if (change === 'transfer')
          addOpen(i, change, r.int(0, 2), { newOwnerName: `${c.name.replace(/有限公司$/, '')}新材料有限公司` });
        if (change === 'suspension') addOpen(i, change, r.int(0, 2));
        return;
      }
      case 'suspended':
        add(i, 'suspension', workingDayBetween(r, connected, today, 8, options.calendar), 3);
        if (r.chance(0.3)) addOpen(i, 'resumption', r.int(0, 2), { stageBefore: 'suspended' });
        return;
      case 'closing':
        addOpen(i, 'closure', r.int(0, 2));
        return;
      case 'closed':
        add(i, 'closure', workingDayBetween(r, connected, today, 8, options.calendar), 3, { stageBefore: 'active' });
        return;
    }
  });
  return apps;
}
