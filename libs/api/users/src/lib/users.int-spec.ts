import { CustomersModule } from '@crm/api/customers';
import { OwnershipModule } from '@crm/api/ownership';
import { createCustomer, createTestApp, TEST_PASSWORD, TestApp, englishDetails } from '@crm/api/testing';
import { UsersModule } from '../index';

describe('users administration', () => {
  let t: TestApp;
  let sequence = 0;

  /** Creates a user as admin and returns it with a token of theirs. */
  const newUser = async (role = 'account_manager', displayName = 'New User') => {
    const username = `user${++sequence}`;
    const password = `${username}-secret-pw`;
    const created = await t.request('POST', '/users', {
      as: 'admin',
      body: { username, displayName, role, password },
    });
    expect(created.status).toBe(201);
    const login = await t.request('POST', '/auth/login', { body: { username, password } });
    expect(login.status).toBe(200);
    return { ...created.body, password, token: login.body.accessToken as string };
  };
  const me = (token: string) => fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OwnershipModule, UsersModule]);
  });
  afterAll(() => t.close());

  it('creates a user who can log in, and lists users with search, filters, sort and paging', async () => {
    const user = await newUser('marketing', '营销 张三');
    expect(user).toMatchObject({ role: 'marketing', active: true, version: 1, customers: 0 });
    expect((await me(user.token)).status).toBe(200);

    const found = await t.request('GET', `/users?search=${encodeURIComponent('张三')}`, { as: 'admin' });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total: 1, page: 1, items: [{ id: user.id, username: user.username }] });

    const managers = await t.request('GET', '/users?role=account_manager&sort=-username&pageSize=1', { as: 'admin' });
    expect(managers.body.total).toBeGreaterThanOrEqual(2);
    expect(managers.body.items).toHaveLength(1);
    expect(managers.body.items[0].role).toBe('account_manager');
    const all = await t.request('GET', '/users?role=account_manager&sort=-username&pageSize=500', { as: 'admin' });
    const names = all.body.items.map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort().reverse());

    expect((await t.request('GET', '/users?active=false', { as: 'admin' })).body.total).toBe(0);
    expect((await t.request('GET', '/users?sort=password', { as: 'admin' })).status).toBe(400);
  });

  it('lets only admins manage users', async () => {
    expect((await t.request('GET', '/users', { as: 'leader' })).status).toBe(403);
    const create = await t.request('POST', '/users', {
      as: 'manager1',
      body: { username: 'sneaky', displayName: 'S', role: 'admin', password: 'long-enough-pw' },
    });
    expect(create.status).toBe(403);
  });

  it('refuses a short password, the username as password and a taken username, naming the field', async () => {
    const short = await t.request('POST', '/users', {
      as: 'admin',
      body: { username: 'shorty', displayName: 'S', role: 'marketing', password: '123456789' },
    });
    expect(short.status).toBe(400);
    expect(englishDetails(short.body.details)).toEqual([
      { field: 'password', message: expect.stringMatching(/10 characters/) },
    ]);
    const same = await t.request('POST', '/users', {
      as: 'admin',
      body: { username: 'samename.user', displayName: 'S', role: 'marketing', password: 'samename.user' },
    });
    expect(same.status).toBe(400);
    expect(same.body.details[0].field).toBe('password');
    const taken = await t.request('POST', '/users', {
      as: 'admin',
      body: { username: 'manager1', displayName: 'S', role: 'marketing', password: 'long-enough-pw' },
    });
    expect(taken.status).toBe(409);
    const badName = await t.request('POST', '/users', {
      as: 'admin',
      body: { username: 'Has Space', displayName: 'S', role: 'root', password: 'long-enough-pw' },
    });
    expect(badName.status).toBe(400);
    expect(badName.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['role', 'username']);
    const reset = await t.request('POST', `/users/${t.userIds['marketing']}/password`, {
      as: 'admin',
      body: { password: 'short' },
    });
    expect(reset.status).toBe(400);
    expect(reset.body.details[0].field).toBe('password');
  });

  it('ends a deactivated user’s session at once and refuses their login', async () => {
    const user = await newUser('leader');
    const res = await t.request('PATCH', `/users/${user.id}`, { as: 'admin', body: { active: false, version: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, version: 2 });
    expect((await me(user.token)).status).toBe(401);
    const login = await t.request('POST', '/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(login.status).toBe(401);
    // Reactivated, they log in again; the old token stays dead.
    await t.request('PATCH', `/users/${user.id}`, { as: 'admin', body: { active: true, version: 2 } });
    expect((await me(user.token)).status).toBe(401);
    const again = await t.request('POST', '/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(again.status).toBe(200);
  });

  it('ends the sessions on a role change and a password reset, not on a new display name', async () => {
    const user = await newUser('marketing');
    const renamed = await t.request('PATCH', `/users/${user.id}`, {
      as: 'admin',
      body: { displayName: '新名字', version: 1 },
    });
    expect(renamed.body).toMatchObject({ displayName: '新名字', version: 2 });
    expect((await me(user.token)).status).toBe(200);

    const promoted = await t.request('PATCH', `/users/${user.id}`, {
      as: 'admin',
      body: { role: 'leader', version: 2 },
    });
    expect(promoted.body).toMatchObject({ role: 'leader', version: 3 });
    expect((await me(user.token)).status).toBe(401);
    const login = await t.request('POST', '/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(login.body.user.role).toBe('leader');
    expect((await me(login.body.accessToken)).status).toBe(200);

    const reset = await t.request('POST', `/users/${user.id}/password`, {
      as: 'admin',
      body: { password: 'a-brand-new-password' },
    });
    expect(reset).toMatchObject({ status: 200, body: { version: 4 } });
    expect((await me(login.body.accessToken)).status).toBe(401);
    const old = await t.request('POST', '/auth/login', { body: { username: user.username, password: user.password } });
    expect(old.status).toBe(401);
    const fresh = await t.request('POST', '/auth/login', {
      body: { username: user.username, password: 'a-brand-new-password' },
    });
    expect(fresh.status).toBe(200);
  });

  it('records every change to a user in the change history, the password as reset and never its value', async () => {
    const user = await newUser('marketing', '旧名字');
    await t.request('PATCH', `/users/${user.id}`, { as: 'admin', body: { displayName: '新名字', version: 1 } });
    await t.request('POST', `/users/${user.id}/password`, { as: 'admin', body: { password: 'another-long-password' } });
    const rows = await t.dataSource.query(
      `SELECT action, actor_id, request_id IS NOT NULL AS has_request, changes FROM change_history
        WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update', 'update']);
    expect(
      rows.every((r: { actor_id: string; has_request: boolean }) => r.actor_id === t.userIds['admin'] && r.has_request),
    ).toBe(true);
    expect(rows[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'username', from: null, to: user.username },
        { field: 'role', from: null, to: 'marketing' },
      ]),
    );
    expect(rows[1].changes).toEqual([{ field: 'displayName', from: '旧名字', to: '新名字' }]);
    expect(rows[2].changes).toEqual([{ field: 'password', from: null, to: 'reset' }]);
    expect(JSON.stringify(rows)).not.toContain('another-long-password');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const user = await newUser('marketing', 'Before');
    await t.request('PATCH', `/users/${user.id}`, { as: 'admin', body: { displayName: 'First', version: 1 } });
    const stale = await t.request('PATCH', `/users/${user.id}`, {
      as: 'admin',
      body: { displayName: 'Second', active: false, version: 1 },
    });
    expect(stale.status).toBe(409);
    const [row] = (await t.request('GET', `/users?search=${user.username}`, { as: 'admin' })).body.items;
    expect(row).toMatchObject({ displayName: 'First', active: true, version: 2 });
    expect((await me(user.token)).status).toBe(200);
    expect((await t.request('PATCH', `/users/${user.id}`, { as: 'admin', body: { displayName: 'X' } })).status).toBe(
      400,
    );
  });

  it('refuses an admin deactivating themselves or changing their own role', async () => {
    const [admin] = (await t.request('GET', '/users?search=admin&role=admin', { as: 'admin' })).body.items;
    const res = await t.request('PATCH', `/users/${admin.id}`, {
      as: 'admin',
      body: { active: false, version: admin.version },
    });
    expect(res.status).toBe(409);
    expect((await t.request('GET', '/auth/me', { as: 'admin' })).status).toBe(200);
  });

  it('refuses to deactivate an account manager who manages customers unless someone takes them over', async () => {
    const leaving = await newUser('account_manager', 'Leaving');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createCustomer(t, 'admin', { managerId: leaving.id })).id);
    const [listed] = (await t.request('GET', `/users?search=${leaving.username}`, { as: 'admin' })).body.items;
    expect(listed.customers).toBe(3);

    const refused = await t.request('PATCH', `/users/${leaving.id}`, {
      as: 'admin',
      body: { active: false, version: 1 },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/3 customers/);
    expect(englishDetails(refused.body.details)).toEqual([
      { field: 'takeOverManagerId', message: expect.stringMatching(/3 customers/) },
    ]);
    const toRole = await t.request('PATCH', `/users/${leaving.id}`, {
      as: 'admin',
      body: { role: 'leader', version: 1 },
    });
    expect(toRole.status).toBe(409);
    const toLeader = await t.request('PATCH', `/users/${leaving.id}`, {
      as: 'admin',
      body: { active: false, version: 1, takeOverManagerId: t.userIds['leader'] },
    });
    expect(toLeader.status).toBe(400);
    expect(toLeader.body.details[0].field).toBe('takeOverManagerId');
    expect((await me(leaving.token)).status).toBe(200);

    const done = await t.request('PATCH', `/users/${leaving.id}`, {
      as: 'admin',
      body: { active: false, version: 1, takeOverManagerId: t.userIds['manager2'], takeOverReason: '离职交接' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ active: false, customers: 0 });
    expect((await me(leaving.token)).status).toBe(401);
    for (const id of ids) {
      const c = (await t.request('GET', `/customers/${id}`, { as: 'manager2' })).body;
      expect(c.accountManager.id).toBe(t.userIds['manager2']);
      const [entry] = (await t.request('GET', `/customers/${id}/timeline`, { as: 'manager2' })).body;
      expect(entry).toMatchObject({ type: 'handover', data: { reason: '离职交接', bulk: true } });
    }
  });

  it('deactivates an account manager without customers at once', async () => {
    const idle = await newUser('account_manager');
    const res = await t.request('PATCH', `/users/${idle.id}`, { as: 'admin', body: { active: false, version: 1 } });
    expect(res.status).toBe(200);
    expect(
      (await t.request('POST', '/auth/login', { body: { username: 'manager1', password: TEST_PASSWORD } })).status,
    ).toBe(200);
  });
});
