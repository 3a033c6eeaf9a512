import { ApplicationStepView } from '@crm/shared/domain';
import { finishedLate, trackerStatus } from './application.page';

const step = (state: ApplicationStepView['state'], sla: ApplicationStepView['sla']) =>
  ({ state, sla }) as ApplicationStepView;

describe('trackerStatus', () => {
  it('shows done steps as finished, also when they ran late (marked late, not failed)', () => {
    expect(trackerStatus(step('done', 'on_time'))).toBe('finish');
    expect(trackerStatus(step('done', 'overdue'))).toBe('finish');
    expect(finishedLate(step('done', 'overdue'))).toBe(true);
    expect(finishedLate(step('done', 'on_time'))).toBe(false);
    expect(finishedLate(step('in_progress', 'overdue'))).toBe(false);
  });

  it('shows the running step as in process, or as an error once overdue', () => {
    expect(trackerStatus(step('in_progress', 'warning'))).toBe('process');
    expect(trackerStatus(step('in_progress', 'overdue'))).toBe('error');
  });

  it('shows steps not reached yet, and skipped ones, as waiting', () => {
    expect(trackerStatus(step('pending', 'on_time'))).toBe('wait');
    expect(trackerStatus(step('skipped', 'on_time'))).toBe('wait');
  });
});
