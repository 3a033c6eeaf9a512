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
