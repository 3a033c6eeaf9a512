import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, insertWorkOrder, seedWorkOrderReference, TestApp } from '@crm/api/testing';
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

  it('previews what a hand-over of all customers would move: customers not closed and their open work', async () => {
    const [{ id: fromId }] = await t.dataSource.query(
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ('previewed', 'Previewed Manager', 'account_manager', 'x') RETURNING id`,
    );
    const a = await create('admin', { managerId: fromId });
    const b = await create('admin', { managerId: fromId });
    const other = await create('manager1');
    const closed = await create('admin', { managerId: fromId });
    await t.dataSource.query(`UPDATE customers SET stage = 'closed' WHERE id = $1`, [closed.id]);
    const application = (customerId: string, type: string, status: string) =>
      t.dataSource.query(
        `INSERT INTO applications (customer_id, type, status, stage_before, received_at, current_position, completed_at)
         VALUES ($1, $2, $3, 'applying', now(), CASE WHEN $3 = 'open' THEN 1 END, CASE WHEN $3 = 'open' THEN NULL ELSE now() END)`,
        [customerId, type, status],
      );
    await application(a.id, 'new_connection', 'open');
    await application(a.id, 'capacity_increase', 'completed');
    await application(b.id, 'new_connection', 'open');
    await application(other.id, 'new_connection', 'open');
    await application(closed.id, 'new_connection', 'open');
    let period = 0;
    const task = (customerId: string, state: string) =>
      t.dataSource.query(
        `INSERT INTO service_tasks (customer_id, kind, trigger, period, due_on, visible_from, summary, state, completed_at)
         VALUES ($1, 'visit', 'overdue_step', $2, current_date, current_date, 'test', $3::text,
                 CASE WHEN $3::text = 'done' THEN now() END)`,
        [customerId, `p${++period}`, state],
      );
    await task(a.id, 'open');
    await task(b.id, 'open');
    await task(b.id, 'open');
    await task(b.id, 'done');
    await task(other.id, 'open');
    await seedWorkOrderReference(t);
    await insertWorkOrder(t, { customerId: a.id, type: 'inquiry' });
    await insertWorkOrder(t, { customerId: a.id, type: 'complaint', state: 'handled' });
    await insertWorkOrder(t, { customerId: b.id, type: 'inquiry', state: 'closed' });
    await insertWorkOrder(t, { customerId: other.id, type: 'inquiry' });

    const preview = await t.request('GET', `/managers/${fromId}/handover-preview`, { as: 'leader' });
    expect(preview).toMatchObject({
      status: 200,
      body: { customers: 2, openApplications: 2, openTasks: 3, openRequests: 2 },
    });
    const moved = await t.request('POST', `/managers/${fromId}/handover`, {
      as: 'admin',
      body: { toManagerId: t.userIds['manager2'], reason: '离职交接' },
    });
    expect(moved.body.moved).toBe(preview.body.customers);
    const after = await t.request('GET', `/managers/${fromId}/handover-preview`, { as: 'admin' });
    expect(after.body).toEqual({ customers: 0, openApplications: 0, openTasks: 0, openRequests: 0 });
  });

  it('previews only for leaders and admins, and only of an active account manager', async () => {
    const m1 = t.userIds['manager1'];
    expect((await t.request('GET', `/managers/${m1}/handover-preview`, { as: 'manager1' })).status).toBe(403);
    expect((await t.request('GET', `/managers/${t.userIds['leader']}/handover-preview`, { as: 'admin' })).status).toBe(
      404,
    );
    const bad = await t.request('GET', '/managers/not-a-uuid/handover-preview', { as: 'admin' });
    expect(bad.status).toBe(400);
  });
});
