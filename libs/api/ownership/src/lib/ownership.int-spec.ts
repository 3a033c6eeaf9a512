import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { OwnershipModule } from '../index';

describe('ownership: handover and workload', () => {
  let t: TestApp;
  const create = (as: string, overrides: Record<string, unknown> = {}) => createCustomer(t, as, overrides);
  /** Hands the customer `id` over to the user `to`, as `as`, for the reason 调岗 unless `body` says otherwise. */
  const handover = (id: string, as: string, to: string, body: Record<string, unknown> = {}) =>
    t.request('POST', `/customers/${id}/handover`, {
      as,
      body: { toManagerId: t.userIds[to], reason: '调岗', ...body },
    });

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OwnershipModule]);
  });
  afterAll(() => t.close());

  it('moves one customer to another manager, on the timeline, and only leaders and admins may', async () => {
    const c = await create('manager1');
    const denied = await handover(c.id, 'manager1', 'manager2');
    expect(denied.status).toBe(403);
    const res = await handover(c.id, 'leader', 'manager2', { reason: '工作量平衡' });
    expect(res.status).toBe(200);
    expect(res.body.accountManager.id).toBe(t.userIds['manager2']);
    expect((await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).status).toBe(404);
    expect((await t.request('GET', `/customers/${c.id}`, { as: 'manager2' })).status).toBe(200);
    const [entry] = (await t.request('GET', `/customers/${c.id}/timeline`, { as: 'manager2' })).body;
    expect(entry).toMatchObject({
      type: 'handover',
      actor: { displayName: 'Leader' },
      data: { from: { username: 'manager1' }, to: { username: 'manager2' }, reason: '工作量平衡' },
    });
  });

  it('refuses a handover to someone who is not an account manager, or to the current owner', async () => {
    const c = await create('manager1');
    const toLeader = await handover(c.id, 'admin', 'leader');
    expect(toLeader.status).toBe(400);
    expect(toLeader.body.details[0].field).toBe('toManagerId');
    const toSelf = await handover(c.id, 'admin', 'manager1');
    expect(toSelf.status).toBe(409);
    const noReason = await handover(c.id, 'admin', 'manager2', { reason: undefined });
    expect(noReason.status).toBe(400);
  });

  it('of two handovers of one customer read at the same version, one wins and the other gets 409', async () => {
    const c = await create('manager1');
    const results = await Promise.all(
      [1, 2].map((n) => handover(c.id, 'admin', 'manager2', { reason: `并发移交 ${n}`, version: c.version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body.message).toContain(`you sent version ${c.version}`);
    const after = (await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body;
    expect(after).toMatchObject({ version: c.version + 1, accountManager: { id: t.userIds['manager2'] } });
    const handovers = (await t.request('GET', `/customers/${c.id}/timeline`, { as: 'admin' })).body.filter(
      (e: { type: string }) => e.type === 'handover',
    );
    expect(handovers).toHaveLength(1);
  });

  it('refuses a handover carrying a stale version and moves nothing', async () => {
    const c = await create('manager1');
    const res = await handover(c.id, 'admin', 'manager2', { version: c.version + 5 });
    expect(res.status).toBe(409);
    const after = (await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body;
    expect(after).toMatchObject({ version: c.version, accountManager: { id: t.userIds['manager1'] } });
  });

  it('moves all customers of a leaving manager at once and shows it in the workload', async () => {
    const departing = await t.dataSource.query(
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ('leaving', 'Leaving Manager', 'account_manager', 'x') RETURNING id`,
    );
    const fromId = departing[0].id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create('admin', { managerId: fromId, contractCapacityKva: 1000 })).id);
    // A prospective customer without a capacity yet counts as a customer and adds nothing to the capacity.
    ids.push((await create('admin', { managerId: fromId, contractCapacityKva: null })).id);
    const before = (await t.request('GET', '/managers/workload', { as: 'leader' })).body;
    expect(before.find((w: { manager: { id: string } }) => w.manager.id === fromId)).toMatchObject({
      customers: 4,
      totalCapacityKva: 3000,
    });
    const res = await t.request('POST', `/managers/${fromId}/handover`, {
      as: 'admin',
      body: { toManagerId: t.userIds['manager2'], reason: '离职交接' },
    });
    expect(res).toMatchObject({ status: 200, body: { moved: 4 } });
    for (const id of ids) {
      const c = (await t.request('GET', `/customers/${id}`, { as: 'manager2' })).body;
      expect(c.accountManager.id).toBe(t.userIds['manager2']);
      expect(c.version).toBe(2);
      const [entry] = (await t.request('GET', `/customers/${id}/timeline`, { as: 'manager2' })).body;
      expect(entry).toMatchObject({ type: 'handover', data: { reason: '离职交接', bulk: true } });
    }
    const after = (await t.request('GET', '/managers/workload', { as: 'leader' })).body;
    expect(after.find((w: { manager: { id: string } }) => w.manager.id === fromId)).toMatchObject({ customers: 0 });
    expect((await t.request('GET', '/managers/workload', { as: 'manager1' })).status).toBe(403);
  });
});
