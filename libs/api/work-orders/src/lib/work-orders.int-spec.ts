import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { WorkOrdersModule } from '../index';

/** The rules of requests and complaints: intake, scope, urges and escalation, the callback, reopening, export. */
describe('work orders', () => {
  let t: TestApp;
  let customer: { id: string; accountNo: string; name: string };
  const receive = (body: Record<string, unknown>, as = 'manager1', customerId = customer.id) =>
    t.request('POST', `/customers/${customerId}/requests`, {
      as,
      body: { channel: 'account_manager', type: 'service_request', summary: '客户申请电能表校验', ...body },
    });
  const post = (id: string, step: string, body: Record<string, unknown>, as = 'manager1') =>
    t.request('POST', `/requests/${id}/${step}`, { as, body });
  const orderCount = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM work_orders'))[0].n);
  const eventKinds = async (id: string) =>
    (await t.request('GET', `/requests/${id}/events`, { as: 'admin' })).body.map((e: { kind: string }) => e.kind);
  const escalationNotes = (id: string) =>
    t.dataSource.query(
      `SELECT user_id FROM notifications WHERE kind = 'request_escalated' AND data ->> 'workOrderId' = $1 ORDER BY user_id`,
      [id],
    );

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, WorkOrdersModule]);
    customer = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] });
  });
  afterAll(() => t.close());

  it('serves the channels, types and topics with their names', async () => {
    const res = await t.request('GET', '/requests/reference', { as: 'marketing' });
    expect(res.status).toBe(200);
    expect(res.body.channels).toHaveLength(8);
    expect(res.body.types).toHaveLength(7);
    expect(res.body.topics).toHaveLength(14);
    expect(res.body.channels[0]).toEqual({
      code: 'hotline_95598',
      nameZh: '95598（热线、网站及掌上电力）',
      nameEn: '95598 (hotline, website and app)',
    });
    expect(res.body.topics).toContainEqual({
      code: 'meter_test',
      type: 'service_request',
      nameZh: '电能表校验',
      nameEn: 'Meter accuracy test',
    });
  });

  it('records an order: the caller is the recorder, the account manager its owner, on the customer timeline', async () => {
    const res = await receive(
      { channel: 'hotline_95598', externalRef: '95598-0001', contactName: '王先生', contactPhone: '13800138000' },
      'marketing',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      customer: { id: customer.id, accountNo: customer.accountNo, area: 'urban' },
      channel: 'hotline_95598',
      type: 'service_request',
      topic: null,
      state: 'open',
      period: 1,
      externalRef: '95598-0001',
      contactName: '王先生',
      recordedBy: { id: t.userIds['marketing'] },
      owner: { id: t.userIds['manager1'], displayName: 'Manager One' },
      escalated: false,
      urges: [],
      callback: null,
      version: 1,
    });
    expect(await eventKinds(res.body.id)).toEqual(['received']);
    const rows = await t.dataSource.query(`SELECT type FROM customer_timeline WHERE data ->> 'workOrderId' = $1`, [
      res.body.id,
    ]);
    expect(rows).toEqual([{ type: 'request_received' }]);
  });

  it('refuses a re-sent external number on the same channel with 409 naming externalRef', async () => {
    expect((await receive({ channel: 'hotline_95598', externalRef: '95598-0777' })).status).toBe(201);
    const count = await orderCount();
    const again = await receive({ channel: 'hotline_95598', externalRef: '95598-0777', summary: '重复推送' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('95598-0777');
    expect(again.body.details).toEqual([expect.objectContaining({ field: 'externalRef' })]);
    expect(await orderCount()).toBe(count);
    // Another channel's numbers are its own.
    expect((await receive({ channel: 'government_platform', externalRef: '95598-0777' })).status).toBe(201);
  });

  it('answers bad input with 400 naming the fields, and records nothing', async () => {
    const count = await orderCount();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ channel: 'fax', summary: '  ' }, ['channel', 'summary']],
      [{ type: 'complaint' }, ['topic']],
      [{ type: 'inquiry', topic: 'meter_test' }, ['topic']],
      [{ receivedAt: '2099-01-01T00:00:00.000Z' }, ['receivedAt']],
      [{ receivedAt: 'yesterday', contactPhone: 5 }, ['contactPhone', 'receivedAt']],
      [{ summary: null }, ['summary']],
    ];
    for (const [body, fields] of cases) {
      const res = await receive(body);
      expect(res.status).toBe(400);
      expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(fields);
    }
    expect(await orderCount()).toBe(count);

    const order = (await receive({})).body;
    const contact = await post(order.id, 'contact', { at: 'soon', note: '' });
    expect(contact.status).toBe(400);
    expect(contact.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['at', 'note']);
    expect(
      (await post(order.id, 'callback', { solved: 'yes', satisfaction: 6, note: 'x' })).body.details.map(
        (d: { field: string }) => d.field,
      ),
    ).toEqual(expect.arrayContaining(['solved', 'satisfaction']));
    expect((await post(order.id, 'urge', { channel: 'pigeon', note: '催' })).status).toBe(400);
    const unchanged = await t.request('GET', `/requests/${order.id}`, { as: 'manager1' });
    expect(unchanged.body).toMatchObject({ state: 'open', contactedAt: null, version: 1, urges: [] });
  });

  it('needs the "three in place" record for a complaint and the contact before the result', async () => {
    const complaint = (await receive({ type: 'complaint', topic: 'service_attitude', channel: 'hotline_95598' })).body;
    const early = await post(complaint.id, 'handle', { result: '已核实' });
    expect(early.status).toBe(409);
    expect((await post(complaint.id, 'contact', { note: '已联系客户' })).status).toBe(200);
    const incomplete = await post(complaint.id, 'handle', { result: '已核实', cause: ' ' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['accountability', 'cause']);
    const handled = await post(complaint.id, 'handle', {
      result: '营业员服务用语不规范属实',
      cause: '新员工培训不到位',
      accountability: '营业厅班长考核扣分',
    });
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({
      state: 'handled',
      cause: '新员工培训不到位',
      handledBy: { id: t.userIds['manager1'] },
    });
  });

  it('refuses the callback by the user who recorded the result, then reopens and closes', async () => {
    const order = (await receive({ type: 'complaint', topic: 'power_quality', channel: 'hotline_95598' })).body;
    await post(order.id, 'contact', { note: '已联系客户' });
    await post(order.id, 'handle', { result: '已调整变压器分接头', cause: '电压偏低', accountability: '运维班' });
    const before = (await t.request('GET', `/requests/${order.id}`, { as: 'manager1' })).body;

    const own = await post(order.id, 'callback', { solved: true, satisfaction: 5, note: '满意' });
    expect(own.status).toBe(403);
    expect(own.body.message).toBe('The user who recorded the result cannot make the callback');
    const after = (await t.request('GET', `/requests/${order.id}`, { as: 'manager1' })).body;
    expect(after).toEqual(before);

    // The customer says it is not solved: reopened in period 2, with a new resolution clock.
    const reopened = await post(
      order.id,
      'callback',
      { solved: false, satisfaction: 2, note: '电压仍然偏低' },
      'leader',
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      state: 'reopened',
      period: 2,
      contactedAt: null,
      handledAt: null,
      result: null,
      contradicted: true,
      callback: { solved: false, satisfaction: 2, contradicts: true, by: { id: t.userIds['leader'] } },
    });
    expect(reopened.body.resolutionClock.state).toBe('on_time');
    const clocks = await t.dataSource.query(
      `SELECT clock_kind, stopped_at IS NOT NULL AS stopped FROM clocks WHERE owner_id = $1 ORDER BY clock_kind`,
      [order.id],
    );
    expect(clocks).toEqual([
      { clock_kind: 'contact', stopped: true },
      { clock_kind: 'resolution', stopped: true },
      { clock_kind: 'resolution_2', stopped: false },
    ]);
    const contradicted = await t.request('GET', '/requests?contradicted=true', { as: 'leader' });
    expect(contradicted.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);

    // Period 2: contacted and handled again, then a solved callback by someone else closes it.
    expect((await post(order.id, 'contact', { note: '再次上门' })).status).toBe(200);
    expect(
      (
        await post(
          order.id,
          'handle',
          { result: '更换配变', cause: '配变容量不足', accountability: '运检部' },
          'marketing',
        )
      ).status,
    ).toBe(200);
    expect(
      (await post(order.id, 'callback', { solved: true, satisfaction: 4, note: '已解决' }, 'marketing')).status,
    ).toBe(403);
    const closed = await post(order.id, 'callback', { solved: true, satisfaction: 4, note: '已解决' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', callback: { solved: true, contradicts: false } });
    expect(closed.body.closedAt).not.toBeNull();
    const running = await t.dataSource.query('SELECT 1 FROM clocks WHERE owner_id = $1 AND stopped_at IS NULL', [
      order.id,
    ]);
    expect(running).toEqual([]);
    expect(await eventKinds(order.id)).toEqual([
      'received',
      'contacted',
      'handled',
      'callback',
      'reopened',
      'contacted',
      'handled',
      'callback',
    ]);
    const list = await t.request('GET', `/requests?state=closed&customerId=${customer.id}`, { as: 'manager1' });
    expect(list.body.items.find((o: { id: string }) => o.id === order.id)).toMatchObject({ satisfaction: 4 });
  });

  it('counts urges and escalates on the third, telling leadership and the owner once', async () => {
    const order = (await receive({ channel: 'hotline_95598' })).body;
    for (const n of [1, 2]) {
      const urged = await post(order.id, 'urge', { channel: 'hotline_95598', note: `第${n}次催办` }, 'marketing');
      expect(urged.status).toBe(200);
      expect(urged.body).toMatchObject({ escalated: false, state: 'open' });
      expect(urged.body.urges).toHaveLength(n);
    }
    const third = await post(order.id, 'urge', { channel: 'hotline_95598', note: '第3次催办' }, 'marketing');
    expect(third.body).toMatchObject({ escalated: true, escalationReasons: ['repeated_urges'] });
    expect(third.body.urges[2]).toMatchObject({
      channel: 'hotline_95598',
      note: '第3次催办',
      by: { id: t.userIds['marketing'] },
    });
    const notified = [t.userIds['leader'], t.userIds['manager1']].sort();
    expect((await escalationNotes(order.id)).map((r: { user_id: string }) => r.user_id)).toEqual(notified);

    const fourth = await post(order.id, 'urge', { channel: 'news_media', note: '媒体关注' });
    expect(fourth.body.escalationReasons).toEqual(['repeated_urges', 'news_media']);
    expect((await escalationNotes(order.id)).length).toBe(2);
    expect((await eventKinds(order.id)).filter((k: string) => k === 'escalated')).toHaveLength(1);
    const list = await t.request('GET', '/requests?escalated=true', { as: 'leader' });
    expect(list.body.items.map((o: { id: string; urgeCount: number }) => [o.id, o.urgeCount])).toContainEqual([
      order.id,
      4,
    ]);
  });

  it('escalates a 12398 order on receipt', async () => {
    const res = await receive({ channel: 'regulator_12398', type: 'complaint', topic: 'arrears_disconnection' });
    expect(res.body).toMatchObject({ escalated: true, escalationReasons: ['regulator_12398'] });
    expect(await eventKinds(res.body.id)).toEqual(['received', 'escalated']);
    expect((await escalationNotes(res.body.id)).map((r: { user_id: string }) => r.user_id)).toEqual(
      [t.userIds['leader'], t.userIds['manager1']].sort(),
    );
  });

  it('refuses an urge on a closed order with 409', async () => {
    const order = (await receive({})).body;
    await post(order.id, 'contact', { note: '已联系' });
    await post(order.id, 'handle', { result: '已校验，误差合格' });
    await post(order.id, 'callback', { solved: true, satisfaction: 5, note: '满意' }, 'leader');
    const urge = await post(order.id, 'urge', { channel: 'hotline_95598', note: '又来电' });
    expect(urge.status).toBe(409);
    expect((await t.request('GET', `/requests/${order.id}`, { as: 'manager1' })).body.urges).toEqual([]);
  });

  it("hides another manager's orders (404) and lists only one's own", async () => {
    const order = (await receive({ summary: '只属于经理一' })).body;
    expect((await t.request('GET', `/requests/${order.id}`, { as: 'manager2' })).status).toBe(404);
    expect((await t.request('GET', `/requests/${order.id}/events`, { as: 'manager2' })).status).toBe(404);
    expect((await post(order.id, 'contact', { note: '越权' }, 'manager2')).status).toBe(404);
    expect((await post(order.id, 'urge', { channel: 'hotline_95598', note: '越权' }, 'manager2')).status).toBe(404);
    expect((await receive({}, 'manager2')).status).toBe(404);
    expect((await t.request('GET', '/requests', { as: 'manager2' })).body.total).toBe(0);
    const own = await t.request('GET', '/requests?q=只属于经理一', { as: 'manager1' });
    expect(own.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const byRef = await t.request('GET', `/requests?q=${customer.accountNo}&pageSize=1`, { as: 'leader' });
    expect(byRef.body.total).toBeGreaterThan(1);
    expect(byRef.body.items).toHaveLength(1);
  });

  it('pages the list in its sort order, ties by id in the sort direction, and counts each sla', async () => {
    const own = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] });
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const repair = { type: 'fault_repair', summary: '线路故障' };
    for (const body of [{}, {}, {}, repair, repair])
      expect((await receive({ ...body, receivedAt }, 'manager1', own.id)).status).toBe(201);
    type Item = {
      id: string;
      receivedAt: string;
      contactDueAt: string | null;
      resolveDueAt: string | null;
      sla: string;
    };
    const list = async (query: string): Promise<{ total: number; items: Item[] }> =>
      (await t.request('GET', `/requests?customerId=${own.id}&${query}`, { as: 'manager1' })).body;
    const all = (await list('pageSize=100')).items;
    // A fault repair's resolution clock starts at the contact: no resolve-by moment yet, last either way.
    expect(all.filter((o) => o.resolveDueAt === null)).toHaveLength(2);
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = (field: 'receivedAt' | 'contactDueAt' | 'resolveDueAt', direction: 1 | -1) =>
      [...all].sort((a, b) => {
        const [x, y] = [a[field], b[field]];
        if (x === null || y === null) return x === y ? direction * compare(a.id, b.id) : x === null ? 1 : -1;
        return direction * (compare(x, y) || compare(a.id, b.id));
      });
    const expected: Record<string, Item[]> = {
      '-receivedAt': sorted('receivedAt', -1),
      receivedAt: sorted('receivedAt', 1),
      contactDueAt: sorted('contactDueAt', 1),
      '-contactDueAt': sorted('contactDueAt', -1),
      resolveDueAt: sorted('resolveDueAt', 1),
      '-resolveDueAt': sorted('resolveDueAt', -1),
    };
    for (const [sort, items] of Object.entries(expected)) {
      const pages = [];
      for (const page of [1, 2, 3]) {
        const res = await list(`sort=${sort}&pageSize=2&page=${page}`);
        expect([sort, res.total]).toEqual([sort, 5]);
        pages.push(...res.items.map((o) => o.id));
      }
      expect([sort, pages]).toEqual([sort, items.map((o) => o.id)]);
    }
    for (const sla of new Set(all.map((o) => o.sla))) {
      const res = await list(`sla=${sla}&pageSize=1`);
      expect([sla, res.total]).toEqual([sla, all.filter((o) => o.sla === sla).length]);
    }
  });

  it('belongs to the recorder while the customer has no manager, then follows the customer', async () => {
    // Only a closed customer has no account manager (customers_managed_unless_closed).
    const orphan = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] });
    await t.dataSource.query(`UPDATE customers SET stage = 'closed', account_manager_id = NULL WHERE id = $1`, [
      orphan.id,
    ]);
    const order = (await receive({}, 'marketing', orphan.id)).body;
    expect(order.owner).toEqual({ id: t.userIds['marketing'], displayName: 'Marketing' });
    await t.dataSource.query(`UPDATE customers SET stage = 'active', account_manager_id = $2 WHERE id = $1`, [
      orphan.id,
      t.userIds['manager2'],
    ]);
    const after = await t.request('GET', `/requests/${order.id}`, { as: 'manager2' });
    expect(after.body.owner).toEqual({ id: t.userIds['manager2'], displayName: 'Manager Two' });
    const mine = await t.request('GET', `/requests?managerId=${t.userIds['manager2']}`, { as: 'leader' });
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
  });

  it('exports the filtered list as CSV with headers and names in the language asked, or raw', async () => {
    await receive({
      type: 'complaint',
      topic: 'temporary_power',
      channel: 'social_media',
      summary: '临时用电投诉导出',
    });
    const zh = await fetch(`${t.baseUrl}/api/requests/export?q=${encodeURIComponent('临时用电投诉导出')}`, {
      headers: { authorization: `Bearer ${t.tokens['manager1']}` },
    });
    expect(zh.status).toBe(200);
    const zhLines = (await zh.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(zhLines[0].split(',').slice(0, 4)).toEqual(['受理时间', '户号', '客户名称', '渠道']);
    expect(zhLines).toHaveLength(2);
    expect(zhLines[1]).toContain('投诉');
    expect(zhLines[1]).toContain('临时用电');
    expect(zhLines[1]).toContain('待处理');
    expect(zhLines[1]).not.toContain('complaint');
    // Received, in China time to the minute.
    expect(zhLines[1].split(',')[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const raw = await fetch(
      `${t.baseUrl}/api/requests/export?raw=true&lang=en&q=${encodeURIComponent('临时用电投诉导出')}`,
      { headers: { authorization: `Bearer ${t.tokens['manager1']}` } },
    );
    const rawLines = (await raw.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rawLines[0]).toBe(
      'receivedAt,accountNo,customerName,channel,externalRef,type,topic,summary,state,owner,contactDueAt,contactedAt,resolveDueAt,handledAt,sla,urgeCount,satisfaction,escalated,contradicted',
    );
    const rawRow = rawLines[1].split(',');
    expect(rawRow[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect([rawRow[3], rawRow[5], rawRow[6], rawRow[8]]).toEqual([
      'social_media',
      'complaint',
      'temporary_power',
      'open',
    ]);
    expect(rawRow.slice(-2)).toEqual(['false', 'false']);
    const en = await fetch(`${t.baseUrl}/api/requests/export?lang=en&type=complaint&channel=social_media`, {
      headers: { authorization: `Bearer ${t.tokens['manager1']}` },
    });
    const enLines = (await en.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(enLines[0]).toMatch(/^Received,Account number,Customer,Channel,External number,Type,Topic,Summary,State/);
    expect(enLines[1]).toContain('Social media (WeChat, Weibo)');
    expect(enLines[1]).toContain('Temporary power');
    expect(enLines[1]).not.toContain('social_media');
    const other = await fetch(`${t.baseUrl}/api/requests/export?lang=en&type=complaint&channel=social_media`, {
      headers: { authorization: `Bearer ${t.tokens['manager2']}` },
    });
    expect(
      (await other.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    // The export is recorded once its last byte is sent: wait for the fourth.
    const exports = () =>
      t.dataSource.query(
        `SELECT export ->> 'kind' AS kind, (export ->> 'rows')::int AS rows FROM change_history WHERE action = 'export' ORDER BY id`,
      );
    for (let i = 0; i < 50 && (await exports()).length < 4; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await exports()).toEqual([
      { kind: 'work_orders', rows: 1 },
      { kind: 'work_orders', rows: 1 },
      { kind: 'work_orders', rows: 1 },
      { kind: 'work_orders', rows: 0 },
    ]);
  });
});
