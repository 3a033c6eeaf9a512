import { ApplicationStatus, ApplicationStepView } from '@crm/shared/domain';

/**
 * How a step reads on the application page: done, finished late, running (on time, close to its limit, or past it),
 * stopped by the cancellation of its application, not reached yet, or skipped. Late, overdue and warning are amber:
 * a late step is not a failure.
 */
export type StepTone = 'done' | 'late' | 'current' | 'warning' | 'overdue' | 'cancelled' | 'pending' | 'skipped';

/**
 * A step's mark, mapped once from its state and time limit: the step bar's status, its colour, and its words (the
 * i18n key `applications.mark.<tone>`).
 */
export interface StepMark {
  tone: StepTone;
  /** nz-steps status: only a cancelled application's stopped step is an error (the red ✕); late is not a failure. */
  status: 'finish' | 'process' | 'error' | 'wait';
  /** Working days past the due date when the API gives them (1 or more), else null. */
  workingDaysLate: number | null;
}

/** The tag colour of each tone: amber for late, overdue and warning; red only for a cancelled application's step. */
export const TONE_COLOUR: Record<StepTone, string> = {
  done: 'green',
  late: 'orange',
  current: 'blue',
  warning: 'gold',
  overdue: 'orange',
  cancelled: 'red',
  pending: 'default',
  skipped: 'default',
};

/** The mark of one step of an application in `status`. */
export function stepMark(step: ApplicationStepView, status: ApplicationStatus): StepMark {
  const late = step.workingDaysLate ? step.workingDaysLate : null;
  if (step.state === 'done') {
    return step.sla === 'overdue'
      ? { tone: 'late', status: 'finish', workingDaysLate: late }
      : { tone: 'done', status: 'finish', workingDaysLate: null };
  }
  if (step.state === 'in_progress') {
    if (status === 'cancelled') {
      return { tone: 'cancelled', status: 'error', workingDaysLate: null };
    }
    if (step.sla === 'overdue') {
      return { tone: 'overdue', status: 'process', workingDaysLate: late };
    }
    if (step.sla === 'warning') {
      return { tone: 'warning', status: 'process', workingDaysLate: null };
    }
    return { tone: 'current', status: 'process', workingDaysLate: null };
  }
  if (step.state === 'skipped') {
    return { tone: 'skipped', status: 'wait', workingDaysLate: null };
  }
  return { tone: 'pending', status: 'wait', workingDaysLate: null };
}
