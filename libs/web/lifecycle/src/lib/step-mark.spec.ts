import { ApplicationStepView } from '@crm/shared/domain';
import { stepMark } from './step-mark';

const step = (
  state: ApplicationStepView['state'],
  sla: ApplicationStepView['sla'],
  workingDaysLate: number | null = null,
) => ({ state, sla, workingDaysLate }) as ApplicationStepView;

describe('stepMark', () => {
  it('shows a done step as finished, and one done past its due date as finished late with its working days', () => {
    expect(stepMark(step('done', 'on_time'), 'open')).toEqual({
      tone: 'done',
      status: 'finish',
      workingDaysLate: null,
    });
    expect(stepMark(step('done', 'warning'), 'completed')).toEqual({
      tone: 'done',
      status: 'finish',
      workingDaysLate: null,
    });
    expect(stepMark(step('done', 'overdue', 3), 'completed')).toEqual({
      tone: 'late',
      status: 'finish',
      workingDaysLate: 3,
    });
  });

  it('never shows a late step as an error: the running step past its limit is in process, marked overdue', () => {
    expect(stepMark(step('in_progress', 'on_time'), 'open')).toEqual({
      tone: 'current',
      status: 'process',
      workingDaysLate: null,
    });
    expect(stepMark(step('in_progress', 'warning'), 'open')).toEqual({
      tone: 'warning',
      status: 'process',
      workingDaysLate: null,
    });
    expect(stepMark(step('in_progress', 'overdue', 12), 'open')).toEqual({
      tone: 'overdue',
      status: 'process',
      workingDaysLate: 12,
    });
  });

  it('leaves out a count of 0 working days late (past the due date over a weekend only)', () => {
    expect(stepMark(step('in_progress', 'overdue', 0), 'open').workingDaysLate).toBeNull();
    expect(stepMark(step('done', 'overdue', 0), 'open').workingDaysLate).toBeNull();
  });

  it('shows the step a cancelled application stopped at as the only error', () => {
    expect(stepMark(step('in_progress', 'overdue', 2), 'cancelled')).toEqual({
      tone: 'cancelled',
      status: 'error',
      workingDaysLate: null,
    });
    expect(stepMark(step('pending', 'on_time'), 'cancelled')).toEqual({
      tone: 'pending',
      status: 'wait',
      workingDaysLate: null,
    });
  });

  it('shows steps not reached yet, and skipped ones, as waiting', () => {
    expect(stepMark(step('pending', 'on_time'), 'open')).toEqual({
      tone: 'pending',
      status: 'wait',
      workingDaysLate: null,
    });
    expect(stepMark(step('skipped', 'on_time'), 'completed')).toEqual({
      tone: 'skipped',
      status: 'wait',
      workingDaysLate: null,
    });
  });
});
