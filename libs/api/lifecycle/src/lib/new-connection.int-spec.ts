import { CalendarModule } from '@crm/api/calendar';
import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp, englishDetails } from '@crm/api/testing';
import { LifecycleModule } from '../index';

describe('lifecycle: a completed new connection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([CustomersModule, CalendarModule, LifecycleModule]);
  });
  afterAll(() => t.close());

  const walk = async (requestedCapacityKva?: number, contractCapacityKva: number | null = 1) => {
    const c = await createCustomer(t, 'manager1', { contractCapacityKva });
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

  it('needs requestedCapacityKva of a customer without a capacity, and energises it at that capacity', async () => {
    const c = await createCustomer(t, 'manager1', { contractCapacityKva: null });
    const refused = await t.request('POST', `/customers/${c.id}/applications`, {
      as: 'manager1',
      body: { type: 'new_connection' },
    });
    expect(refused.status).toBe(400);
    expect(englishDetails(refused.body.details)).toEqual([
      {
        field: 'requestedCapacityKva',
        message: 'requestedCapacityKva is required: the customer has no contracted capacity yet',
      },
    ]);
    expect(await t.dataSource.query('SELECT id FROM applications WHERE customer_id = $1', [c.id])).toEqual([]);

    const active = await walk(1600, null);
    expect(active).toMatchObject({ stage: 'active', contractCapacityKva: 1600 });
  });

  it('stays without a capacity while connecting, and is not energised once the capacity is cleared', async () => {
    // Registered with a capacity, applied for without one, then the capacity cleared on the way.
    const c = await createCustomer(t, 'manager1', { contractCapacityKva: 800 });
    const app = await t.request('POST', `/customers/${c.id}/applications`, {
      as: 'manager1',
      body: { type: 'new_connection' },
    });
    expect(app.status).toBe(201);
    const advance = () => t.request('POST', `/applications/${app.body.id}/advance`, { as: 'manager1', body: {} });
    for (let i = 0; i < 5; i++) expect((await advance()).status).toBe(200);
    const connecting = (await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).body;
    expect(connecting.stage).toBe('connecting');
    const cleared = await t.request('PATCH', `/customers/${c.id}`, {
      as: 'manager1',
      body: { version: connecting.version, contractCapacityKva: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ stage: 'connecting', contractCapacityKva: null });

    const refused = await advance();
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/cannot be energised without a contracted capacity/);
    expect((await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).body.stage).toBe('connecting');

    await t.request('PATCH', `/customers/${c.id}`, {
      as: 'manager1',
      body: { version: cleared.body.version, contractCapacityKva: 1000 },
    });
    expect((await advance()).status).toBe(200);
    expect((await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).body).toMatchObject({
      stage: 'active',
      contractCapacityKva: 1000,
    });
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
