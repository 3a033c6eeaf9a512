import { clockState, LifecycleStepDefinition, workingCalendar } from '@crm/shared/domain';
import lifecycleSteps from '@crm/seeds/lifecycle-steps.json';
import { generateApplications } from './applications.generator';
import { generateCustomers } from './customers.generator';

describe('generateApplications', () => {
  const now = new Date('2026-11-20T04:00:00Z');
  const calendar = workingCalendar([{ date: '2026-10-01', working: false }], [2026]);
  const customers = generateCustomers({ seed: 3, count: 600, managers: 8, now });
  const steps = lifecycleSteps.steps as LifecycleStepDefinition[];
  const apps = generateApplications({ seed: 3, customers, steps, calendar, now });

  it('is deterministic for a seed', () => {
    expect(generateApplications({ seed: 3, customers, steps, calendar, now })).toEqual(apps);
  });

  it('fits each customer’s stage', () => {
    customers.forEach((c, i) => {
      const mine = apps.filter((a) => a.customerIndex === i);
      const open = mine.filter((a) => a.status === 'open');
      if (c.stage === 'applying' || c.stage === 'connecting') {
        expect(open.map((a) => a.type)).toEqual(['new_connection']);
      } else {
        expect(mine.find((a) => a.type === 'new_connection')?.status).toBe('completed');
      }
      if (c.stage === 'closed') expect(mine.find((a) => a.type === 'closure')?.status).toBe('completed');
      if (c.stage === 'closing') expect(open.map((a) => a.type)).toEqual(['closure']);
      expect(open.length).toBeLessThanOrEqual(1);
    });
  });

  it('keeps steps in order: each starts when the previous one finished, nothing in the future', () => {
    for (const a of apps) {
      a.steps.forEach((s, k) => {
        if (s.completedAt) expect(s.completedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        if (k > 0 && s.startedAt) expect(s.startedAt).toEqual(a.steps[k - 1].completedAt);
        if (s.completedAt && s.startedAt) expect(s.completedAt.getTime()).toBeGreaterThanOrEqual(s.startedAt.getTime());
      });
    }
  });

  it('leaves open work on time, in warning and overdue, and most completed work within its limits', () => {
    const clockOf = (s: { warnAt: Date | null; dueAt: Date | null; completedAt: Date | null }) => ({
      warnAt: s.warnAt as Date,
      dueAt: s.dueAt as Date,
      stoppedAt: s.completedAt,
      pausedAt: null,
    });
    const slas = apps
      .filter((a) => a.status === 'open')
      .map((a) => clockState(clockOf(a.steps.find((x) => x.state === 'in_progress') as never), now));
    expect(new Set(slas)).toEqual(new Set(['on_time', 'warning', 'overdue']));
    const done = apps.flatMap((a) => a.steps).filter((s) => s.state === 'done');
    const late = done.filter((s) => clockState(clockOf(s), now) === 'stopped_late');
    expect(late.length / done.length).toBeGreaterThan(0.01);
    expect(late.length / done.length).toBeLessThan(0.1);
  });
});
