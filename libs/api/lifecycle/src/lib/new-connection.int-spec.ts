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
    expect(refused.body.details).toEqual([
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
