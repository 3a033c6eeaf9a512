import { CalendarModule } from '@crm/api/calendar';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { CustomersModule } from '@crm/api/customers';
import { LifecycleModule } from '@crm/api/lifecycle';
import { OwnershipModule } from '@crm/api/ownership';
import { ScoringModule } from '@crm/api/scoring';
import { SegmentsModule } from '@crm/api/segments';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { ChangeHistoryEntry } from '@crm/shared/domain';

describe('the change history: who changed what', () => {
  let t: TestApp;

  const historyOf = async (customerId: string, as = 'admin'): Promise<ChangeHistoryEntry[]> => {
    const res = await t.request('GET', `/customers/${customerId}/history?pageSize=100`, { as });
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const patch = (id: string, body: Record<string, unknown>, as = 'manager1') =>
    t.request('PATCH', `/customers/${id}`, { as, body });

  beforeAll(async () => {
    t = await createTestApp(
      [
        CustomersModule,
        OwnershipModule,
        CalendarModule,
        LifecycleModule,
        SegmentsModule,
        ScoringModule,
        ChangeHistoryModule,
      ],
      { jobs: true },
    );
  });
  afterAll(() => t.close());

  it('records a PATCH as exactly the changed fields, from and to, with who and the request id', async () => {
    const c = await createCustomer(t, 'manager1', { address: '旧地址 1 号', voltageKv: 10 });
    const res = await patch(c.id, { version: c.version, address: '新地址 8 号', voltageKv: 35, name: c.name });
    expect(res.status).toBe(200);
    const [update, create] = await historyOf(c.id);
    expect(update).toMatchObject({
      entityType: 'customer',
      entityId: c.id,
      action: 'update',
      actor: { id: t.userIds['manager1'], displayName: 'Manager One' },
      requestId: res.headers.get('x-request-id'),
      customer: { id: c.id, accountNo: c.accountNo },
    });
    expect(update.changes).toEqual([
      { field: 'voltageKv', from: 10, to: 35 },
      { field: 'address', from: '旧地址 1 号', to: '新地址 8 号' },
    ]);
    expect(create).toMatchObject({ action: 'create', actor: { id: t.userIds['manager1'] } });
    expect(create.changes).toContainEqual({ field: 'address', from: null, to: '旧地址 1 号' });
  });

  it('records a change of contacts, and nothing for a save that changed nothing', async () => {
    const c = await createCustomer(t, 'manager1');
    const contacts = [{ ...c.contacts[0], phone: '13957798765' }];
    expect((await patch(c.id, { version: c.version, contacts })).status).toBe(200);
    expect((await patch(c.id, { version: c.version + 1, contacts })).status).toBe(200);
    const [change, ...rest] = await historyOf(c.id);
    expect(rest.map((e) => e.action)).toEqual(['create']);
    expect(change.changes).toEqual([{ field: 'contacts', from: c.contacts, to: contacts }]);
  });

  it('records an application opened and advanced, with the stage it gave the customer', async () => {
    const c = await createCustomer(t, 'manager1');
    const app = (
      await t.request('POST', `/customers/${c.id}/applications`, { as: 'manager1', body: { type: 'new_connection' } })
    ).body;
    for (let i = 0; i < 2; i++) {
      const res = await t.request('POST', `/applications/${app.id}/advance`, { as: 'manager1', body: {} });
      expect(res.status).toBe(200);
    }
    const history = await historyOf(c.id);
    const advances = history.filter((e) => e.entityType === 'application' && e.action === 'advance');
    expect(advances).toHaveLength(2);
    const step = (i: number) => ({ code: app.steps[i].code, nameZh: app.steps[i].name, nameEn: app.steps[i].nameEn });
    expect(advances[1].changes).toEqual([{ field: 'currentStep', from: step(0), to: step(1) }]);
    expect(advances[0].changes).toEqual([{ field: 'currentStep', from: step(1), to: step(2) }]);
    expect(history.find((e) => e.entityType === 'application' && e.action === 'create')).toMatchObject({
      entityId: app.id,
    });
    expect(history).toContainEqual(
      expect.objectContaining({
        entityType: 'customer',
        action: 'update',
        changes: [{ field: 'stage', from: 'applying', to: 'connecting' }],
      }),
    );
  });

  it('records a handover, one customer or all of a manager at once, with the request id', async () => {
    const one = await createCustomer(t, 'manager1');
    const res = await t.request('POST', `/customers/${one.id}/handover`, {
      as: 'leader',
      body: { toManagerId: t.userIds['manager2'], reason: '工作量平衡' },
    });
    expect(res.status).toBe(200);
    const [handover] = await historyOf(one.id);
    expect(handover).toMatchObject({
      action: 'handover',
      actor: { id: t.userIds['leader'] },
      requestId: res.headers.get('x-request-id'),
      changes: [
        {
          field: 'accountManager',
          from: { id: t.userIds['manager1'], displayName: 'Manager One' },
          to: { id: t.userIds['manager2'], displayName: 'Manager Two' },
        },
      ],
    });

    const [{ id: leavingId }] = await t.dataSource.query(
      `INSERT INTO users (username, display_name, role, password_hash)
       VALUES ('leaving-h', 'Leaving', 'account_manager', 'x') RETURNING id`,
    );
    const moved = [
      await createCustomer(t, 'admin', { managerId: leavingId }),
      await createCustomer(t, 'admin', { managerId: leavingId }),
    ];
    const bulk = await t.request('POST', `/managers/${leavingId}/handover`, {
      as: 'admin',
      body: { toManagerId: t.userIds['manager2'], reason: '离职交接' },
    });
    expect(bulk.body).toEqual({ moved: 2 });
    for (const c of moved) {
      const [entry] = await historyOf(c.id, 'manager2');
      expect(entry).toMatchObject({
        action: 'handover',
        actor: { id: t.userIds['admin'] },
        requestId: bulk.headers.get('x-request-id'),
        changes: [{ field: 'accountManager', from: { displayName: 'Leaving' }, to: { displayName: 'Manager Two' } }],
      });
    }
  });

  it('records a segment rule change and an export with its row count', async () => {
    const mine = [
      await createCustomer(t, 'manager1', { region: '洞头区' }),
      await createCustomer(t, 'manager1', { region: '洞头区' }),
    ];
    const before = { op: 'and', rules: [{ field: 'region', operator: 'eq', value: '洞头区' }] };
    const after = { op: 'and', rules: [{ field: 'region', operator: 'in', value: ['洞头区', '瓯海区'] }] };
    const segment = (
      await t.request('POST', '/segments', { as: 'marketing', body: { name: '洞头', kind: 'dynamic', rule: before } })
    ).body;
    const res = await t.request('PATCH', `/segments/${segment.id}`, { as: 'marketing', body: { rule: after } });
    expect(res.status).toBe(200);
    const list = (path: string) => t.request('GET', path, { as: 'admin' }).then((r) => r.body);
    const segmentHistory = await list(`/change-history?entityType=segment&actorId=${t.userIds['marketing']}`);
    expect(segmentHistory.items[0]).toMatchObject({
      entityId: segment.id,
      action: 'update',
      requestId: res.headers.get('x-request-id'),
      changes: [{ field: 'rule', from: before, to: after }],
    });
    expect(segmentHistory.items[1]).toMatchObject({ action: 'create' });

    for (const format of ['csv', 'xlsx']) {
      const download = await fetch(`${t.baseUrl}/api/segments/${segment.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${t.tokens['manager1']}` },
      });
      expect(download.status).toBe(200);
      await download.arrayBuffer();
    }
    // An export is recorded once its last byte has gone, which may be just after the client has read it.
    const recorded = async (actor: string, count: number) => {
      let page = await list(`/change-history?entityType=export&actorId=${t.userIds[actor]}`);
      for (const deadline = Date.now() + 5_000; page.items.length < count && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        page = await list(`/change-history?entityType=export&actorId=${t.userIds[actor]}`);
      }
      return page;
    };
    const exports = await recorded('manager1', 2);
    expect(exports.items.map((e: ChangeHistoryEntry) => e.export)).toEqual([
      { kind: 'segment', target: segment.id, name: '洞头', format: 'xlsx', filter: {}, rows: mine.length },
      { kind: 'segment', target: segment.id, name: '洞头', format: 'csv', filter: {}, rows: mine.length },
    ]);
    const vip = await fetch(`${t.baseUrl}/api/vip/export?tier=gold`, {
      headers: { authorization: `Bearer ${t.tokens['leader']}` },
    });
    await vip.text();
    const [vipExport] = (await recorded('leader', 1)).items;
    expect(vipExport.export).toEqual({
      kind: 'vip_list',
      target: null,
      name: null,
      format: 'csv',
      filter: { tier: 'gold' },
      rows: 0,
    });
  });

  it('pages the admin list and filters it by customer', async () => {
    const c = await createCustomer(t, 'manager1');
    await patch(c.id, { version: c.version, address: '改 1' });
    await patch(c.id, { version: c.version + 1, address: '改 2' });
    const page = await t.request('GET', `/change-history?customerId=${c.id}&page=2&pageSize=1`, { as: 'admin' });
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(page.body.items[0].changes).toEqual([{ field: 'address', from: '温州市龙湾区滨海园区 1 号', to: '改 1' }]);
    expect((await t.request('GET', '/change-history?entityType=nothing', { as: 'admin' })).status).toBe(400);
  });

  it("is limited to the caller's customers, and the whole list to admins and leadership", async () => {
    const c = await createCustomer(t, 'manager1');
    expect((await t.request('GET', `/customers/${c.id}/history`, { as: 'manager2' })).status).toBe(404);
    expect((await t.request('GET', `/customers/${c.id}/history`, { as: 'manager1' })).status).toBe(200);
    expect((await t.request('GET', '/change-history', { as: 'manager1' })).status).toBe(403);
    expect((await t.request('GET', '/change-history', { as: 'leader' })).status).toBe(200);
  });

  it('refuses to change or delete a recorded change', async () => {
    await createCustomer(t, 'manager1');
    await expect(t.dataSource.query(`UPDATE change_history SET action = 'delete'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM change_history')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE change_history')).rejects.toThrow(/append-only/);
  });
});
