import { CalendarModule } from '@crm/api/calendar';
import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { LifecycleModule } from '../index';

describe('lifecycle: a completed new connection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([CustomersModule, CalendarModule, LifecycleModule]);
  });
  afterAll(() => t.close());

  const walk = async (requestedCapacityKva?: number) => {
    const c = await createCustomer(t, 'manager1', { contractCapacityKva: 1 });
    const app = await t.request('POST', `/customers/${c.id}/applications`, {
      as: 'manager1',
      body: { type: 'new_connection', ...(requestedCapacityKva && { requestedCapacityKva }) },
    });
    expect(app.status).toBe(201);
    for (let i = 0; i < 6; i++) {
      expect(
        (await t.request('POST', `/applications/${app.body.id}/advance`, { as: 'manager1', body: {} })).status,
      ).toBe(200);
    }
    return (await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).body;
  };

  it('leaves the customer active at the capacity applied for', async () => {
    expect(await walk(2000)).toMatchObject({ stage: 'active', contractCapacityKva: 2000 });
  });

  it('keeps the registered capacity when the application named none', async () => {
    expect(await walk()).toMatchObject({ stage: 'active', contractCapacityKva: 1 });
  });
});

describe('lifecycle: the whole-connection commitment (获得电力)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([CustomersModule, CalendarModule, LifecycleModule]);
  });
  afterAll(() => t.close());

  /** A new connection received on the first date, each step completed on the next ones at 10:00 China time. */
  const walkOn = async (dates: string[]) => {
    const c = await createCustomer(t, 'manager1', { contractCapacityKva: 1 });
    const app = await t.request('POST', `/customers/${c.id}/applications`, {
      as: 'manager1',
      body: { type: 'new_connection', receivedAt: `${dates[0]}T02:00:00.000Z` },
    });
    expect(app.status).toBe(201);
    expect(app.body.commitment).toMatchObject({ limitWorkingDays: 22 });
    const views = [];
    for (const date of dates.slice(1)) {
      const res = await t.request('POST', `/applications/${app.body.id}/advance`, {
        as: 'manager1',
        body: { completedAt: `${date}T02:00:00.000Z` },
      });
      expect(res.status).toBe(200);
      views.push(res.body);
    }
    return views;
  };

  // July–August 2026 have no holidays. Utility days: acceptance 1 (7/2), survey 10 (7/3–7/16), design
  // review 5 (7/17–7/23) = 16 while the customer builds until the inspection on 8/20; then completion
  // acceptance 2 (8/21, 8/24) and energization.
  const before = ['2026-07-01', '2026-07-02', '2026-07-16', '2026-07-23', '2026-08-20', '2026-08-24'];

  it('counts the utility steps only: paused while the customer builds, met at 21 of 22 working days', async () => {
    const views = await walkOn([...before, '2026-08-27']);
    // After the design review the clock waits for the customer with 16 days used.
    expect(views[2].commitment).toEqual({ limitWorkingDays: 22, usedWorkingDays: 16, state: 'on_time' });
    expect(views[5]).toMatchObject({
      status: 'completed',
      commitment: { limitWorkingDays: 22, usedWorkingDays: 21, state: 'stopped_on_time' },
    });
  });

  it('is missed when the utility steps take more than 22 working days together', async () => {
    const views = await walkOn([...before, '2026-08-31']);
    expect(views[5].commitment).toEqual({ limitWorkingDays: 22, usedWorkingDays: 23, state: 'stopped_late' });
    const report = await t.request('GET', '/lifecycle/report?from=2026-08-01&to=2026-09-01', { as: 'leader' });
    expect(report.body.byMonth).toEqual([
      expect.objectContaining({ month: '2026-08', commitmentCompleted: 2, commitmentMet: 1, commitmentRate: 0.5 }),
    ]);
  });

  it('is not kept for other application types', async () => {
    const c = await createCustomer(t, 'manager1', { contractCapacityKva: 1 });
    await t.dataSource.query(`UPDATE customers SET stage = 'active' WHERE id = $1`, [c.id]);
    const app = await t.request('POST', `/customers/${c.id}/applications`, {
      as: 'manager1',
      body: { type: 'suspension' },
    });
    expect(app.body.commitment).toBeNull();
  });
});
