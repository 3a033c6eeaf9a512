import { CustomersModule } from '@crm/api/customers';
import { chinaTime as cn, createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { ClockScanService } from '@crm/api/time-limits';
import { WorkOrdersModule } from '../index';

/**
 * The clocks of requests and complaints on the 2026 calendar the reference sync loads (chinese-days):
 * Mid-Autumn 25–27 Sep, National Day 1–7 Oct, make-up working days Sun 20 Sep and Sat 10 Oct.
 */
describe('work-order clocks', () => {
  let t: TestApp;
  let urban: { id: string };
  let rural: { id: string };
  const receive = (customerId: string, body: Record<string, unknown>, as = 'manager1') =>
    t.request('POST', `/customers/${customerId}/requests`, { as, body: { summary: '客户来电', ...body } });

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, WorkOrdersModule]);
    urban = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] });
    rural = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], area: 'rural' });
  });
  afterAll(() => t.close());

  it('counts a complaint in working days across National Day', async () => {
    const res = await receive(urban.id, {
      channel: 'hotline_95598',
      type: 'complaint',
      topic: 'service_attitude',
      receivedAt: cn('2026-09-30T16:00'),
    });
    expect(res.status).toBe(201);
    // 1 working day: Thu 8 Oct (1–7 Oct off); 7: 8, 9, Sat 10 (make-up), 12, 13, 14, 15 Oct.
    expect(res.body.contactDueAt).toBe(cn('2026-10-09T00:00'));
    expect(res.body.resolveDueAt).toBe(cn('2026-10-16T00:00'));
    expect(res.body.contactClock).toMatchObject({ dueAt: cn('2026-10-09T00:00'), warnAt: cn('2026-10-08T00:00') });

    const contacted = await t.request('POST', `/requests/${res.body.id}/contact`, {
      as: 'manager1',
      body: { at: cn('2026-10-09T09:00'), note: '电话联系客户' },
    });
    expect(contacted.status).toBe(200);
    expect(contacted.body.contactClock).toMatchObject({ state: 'stopped_late', stoppedAt: cn('2026-10-09T09:00') });
    // The resolution clock still runs, long past its due date today.
    expect(contacted.body.resolutionClock.state).toBe('overdue');
    expect(contacted.body.sla).toBe('overdue');
  });

  it('counts working hours over the holiday and the make-up Saturday', async () => {
    const inquiry = await receive(urban.id, {
      channel: 'service_hall',
      type: 'inquiry',
      receivedAt: cn('2026-09-30T15:30'),
    });
    // 4 working hours: 2 h on 30 Sep, 2 h on 8 Oct; answered within 1 working day: 8 Oct.
    expect(inquiry.body.contactDueAt).toBe(cn('2026-10-08T10:30'));
    expect(inquiry.body.resolveDueAt).toBe(cn('2026-10-09T00:00'));

    const test = await receive(urban.id, {
      channel: 'hotline_95598',
      type: 'service_request',
      topic: 'meter_test',
      receivedAt: cn('2026-10-09T10:00'),
    });
    // Sat 10 Oct is a working day: contact due at its end; 5 days: 10, 12, 13, 14, 15 Oct.
    expect(test.body.contactDueAt).toBe(cn('2026-10-11T00:00'));
    expect(test.body.resolveDueAt).toBe(cn('2026-10-16T00:00'));
  });

  it('times a rural repair in minutes around the clock, the power-back clock from the arrival', async () => {
    const res = await receive(rural.id, {
      channel: 'hotline_95598',
      type: 'fault_repair',
      receivedAt: cn('2026-10-02T10:00'),
    });
    expect(res.status).toBe(201);
    expect(res.body.customer.area).toBe('rural');
    // On site within 90 minutes, on a holiday; no power-back clock before the arrival.
    expect(res.body.contactDueAt).toBe(cn('2026-10-02T11:30'));
    expect(res.body.contactClock.warnAt).toBe(cn('2026-10-02T11:12'));
    expect(res.body.resolveDueAt).toBeNull();
    expect(res.body.resolutionClock).toBeNull();

    // The crew arrives after 2.5 h: late; power back within 4 h of the arrival.
    const arrived = await t.request('POST', `/requests/${res.body.id}/contact`, {
      as: 'manager1',
      body: { at: cn('2026-10-02T12:30'), note: '抢修人员到达现场' },
    });
    expect(arrived.body.contactClock.state).toBe('stopped_late');
    expect(arrived.body.resolveDueAt).toBe(cn('2026-10-02T16:30'));

    const handled = await t.request('POST', `/requests/${res.body.id}/handle`, {
      as: 'manager1',
      body: { at: cn('2026-10-02T15:00'), result: '更换跌落式熔断器，已恢复供电' },
    });
    expect(handled.status).toBe(200);
    expect(handled.body.state).toBe('handled');
    expect(handled.body.resolutionClock.state).toBe('stopped_on_time');
    // No clock runs: the worse of the stopped ones.
    expect(handled.body.sla).toBe('stopped_late');

    const list = await t.request('GET', `/requests?sla=stopped_late&customerId=${rural.id}`, { as: 'manager1' });
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([res.body.id]);
  });

  it("takes the repair limits from the customer's area, which customers accept, show and filter by", async () => {
    const created = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] });
    expect(created.area).toBe('urban');
    const bad = await t.request('PATCH', `/customers/${created.id}`, {
      as: 'manager1',
      body: { area: 'suburb', version: created.version },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'area' })]);
    const moved = await t.request('PATCH', `/customers/${created.id}`, {
      as: 'manager1',
      body: { area: 'remote', version: created.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.area).toBe('remote');
    const listed = await t.request('GET', '/customers?area=rural', { as: 'admin' });
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([rural.id]);
    const res = await receive(created.id, {
      channel: 'hotline_95598',
      type: 'fault_repair',
      receivedAt: cn('2026-10-02T10:00'),
    });
    expect(res.body.contactDueAt).toBe(cn('2026-10-02T12:00'));
  });

  it('times an urban repair with 45 minutes', async () => {
    const res = await receive(urban.id, {
      channel: 'hotline_95598',
      type: 'fault_repair',
      receivedAt: cn('2026-10-01T23:40'),
    });
    expect(res.body.contactDueAt).toBe(cn('2026-10-02T00:25'));
  });

  it('lets only an admin edit the limit table; an order keeps the limits it was received with', async () => {
    const limits = await t.request('GET', '/requests/limits', { as: 'manager1' });
    expect(limits.status).toBe(200);
    expect(limits.body).toHaveLength(11);
    const complaint = limits.body.find((l: { type: string }) => l.type === 'complaint');
    expect(complaint).toMatchObject({
      contact: { amount: 1, unit: 'working_days' },
      resolution: { amount: 7, unit: 'working_days' },
      resolutionStartsAt: 'opened',
      updatedBy: null,
    });
    const before = await receive(urban.id, {
      channel: 'account_manager',
      type: 'complaint',
      topic: 'power_quality',
      receivedAt: cn('2026-09-30T16:00'),
    });

    const edit = {
      contactAmount: 2,
      contactUnit: 'working_days',
      resolutionAmount: 10,
      resolutionUnit: 'working_days',
      resolutionStartsAt: 'opened',
    };
    for (const as of ['manager1', 'leader', 'marketing']) {
      expect((await t.request('PUT', `/requests/limits/${complaint.id}`, { as, body: edit })).status).toBe(403);
    }
    const bad = await t.request('PUT', `/requests/limits/${complaint.id}`, {
      as: 'admin',
      body: { ...edit, contactUnit: 'weeks', resolutionAmount: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['contactUnit', 'resolutionAmount']);
    const fractionalMinutes = await t.request('PUT', `/requests/limits/${complaint.id}`, {
      as: 'admin',
      body: { ...edit, contactAmount: 1.5, contactUnit: 'minutes' },
    });
    expect(fractionalMinutes.status).toBe(400);
    expect(fractionalMinutes.body.details).toEqual([expect.objectContaining({ field: 'contactAmount' })]);
    expect((await t.request('PUT', '/requests/limits/999999', { as: 'admin', body: edit })).status).toBe(404);
    const unchanged = (await t.request('GET', '/requests/limits', { as: 'admin' })).body;
    expect(unchanged.find((l: { id: string }) => l.id === complaint.id).contact).toEqual({
      amount: 1,
      unit: 'working_days',
    });

    const saved = await t.request('PUT', `/requests/limits/${complaint.id}`, { as: 'admin', body: edit });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      contact: { amount: 2, unit: 'working_days' },
      resolution: { amount: 10, unit: 'working_days' },
      updatedBy: { id: t.userIds['admin'] },
    });

    const after = await receive(urban.id, {
      channel: 'account_manager',
      type: 'complaint',
      topic: 'power_quality',
      receivedAt: cn('2026-09-30T16:00'),
    });
    // 2 working days: 8, 9 Oct; 10: 8, 9, 10, 12–16, 19, 20 Oct.
    expect(after.body.contactDueAt).toBe(cn('2026-10-10T00:00'));
    expect(after.body.resolveDueAt).toBe(cn('2026-10-21T00:00'));
    const kept = await t.request('GET', `/requests/${before.body.id}`, { as: 'manager1' });
    expect(kept.body.contactDueAt).toBe(cn('2026-10-09T00:00'));
    expect(kept.body.resolveDueAt).toBe(cn('2026-10-16T00:00'));
    await t.request('PUT', `/requests/limits/${complaint.id}`, {
      as: 'admin',
      body: { ...edit, contactAmount: 1, resolutionAmount: 7 },
    });
  });

  it("tells the owner once when an order's clock is overdue", async () => {
    const scan = async () => (await t.app.get(ClockScanService).scan())['work_order'];
    await scan();
    const res = await receive(urban.id, {
      channel: 'service_hall',
      type: 'praise',
      receivedAt: cn('2026-10-09T10:00'),
    });
    expect(await scan()).toEqual({ warning: 0, overdue: 2 });
    expect(await scan()).toEqual({ warning: 0, overdue: 0 });
    const notes = await t.dataSource.query(
      `SELECT user_id, data FROM notifications WHERE kind = 'request_overdue' AND data ->> 'workOrderId' = $1
        ORDER BY data ->> 'clock'`,
      [res.body.id],
    );
    expect(notes).toEqual([
      expect.objectContaining({
        user_id: t.userIds['manager1'],
        data: expect.objectContaining({ clock: 'contact', typeEn: 'Praise', typeZh: '表扬' }),
      }),
      expect.objectContaining({
        user_id: t.userIds['manager1'],
        data: expect.objectContaining({ clock: 'resolution' }),
      }),
    ]);
    const timeline = await t.dataSource.query(
      `SELECT type FROM customer_timeline WHERE data ->> 'workOrderId' = $1 ORDER BY id`,
      [res.body.id],
    );
    expect(timeline.map((r: { type: string }) => r.type)).toEqual([
      'request_received',
      'request_overdue',
      'request_overdue',
    ]);
  });

  it('keeps on each order the outcomes of its clocks, as the clocks are, which the clock filters read', async () => {
    const step = async (id: string, kind: string, body: Record<string, unknown>, as = 'manager1') => {
      const res = await t.request('POST', `/requests/${id}/${kind}`, { as, body });
      expect(res.status).toBe(200);
      return res.body;
    };
    const handled = { result: '已处理', cause: '抄表员误抄', accountability: '抄表班组' };
    // A complaint contacted in time, handled late, called back "not solved": a new resolution clock runs.
    const complaint = (
      await receive(urban.id, {
        channel: 'hotline_95598',
        type: 'complaint',
        topic: 'service_attitude',
        receivedAt: cn('2026-03-02T09:00'),
      })
    ).body;
    await step(complaint.id, 'contact', { at: cn('2026-03-02T10:00'), note: '已联系' });
    await step(complaint.id, 'handle', { ...handled, at: cn('2026-03-20T10:00') });
    const reopened = await step(
      complaint.id,
      'callback',
      { at: cn('2026-03-21T10:00'), solved: false, satisfaction: 1, note: '未解决' },
      'leader',
    );
    expect(reopened.resolutionClock.state).toBe('overdue');
    // A repair reopened after its arrival: no resolution clock until the crew arrives again.
    const repair = (
      await receive(urban.id, { channel: 'hotline_95598', type: 'fault_repair', receivedAt: cn('2026-03-03T10:00') })
    ).body;
    await step(repair.id, 'contact', { at: cn('2026-03-03T10:30'), note: '已到达' });
    await step(repair.id, 'handle', { at: cn('2026-03-03T11:00'), result: '已恢复供电' });
    const again = await step(
      repair.id,
      'callback',
      { at: cn('2026-03-03T12:00'), solved: false, satisfaction: 2, note: '又停电' },
      'leader',
    );
    expect(again.resolutionClock).toBeNull();
    // A closed order (its clocks stopped by the callback), one never contacted (both clocks overdue).
    const closed = (
      await receive(urban.id, { channel: 'service_hall', type: 'inquiry', receivedAt: cn('2026-03-04T09:00') })
    ).body;
    await step(closed.id, 'contact', { at: cn('2026-03-04T09:30'), note: '已联系' });
    await step(closed.id, 'handle', { at: cn('2026-03-04T10:00'), result: '已答复' });
    await step(
      closed.id,
      'callback',
      { at: cn('2026-03-04T11:00'), solved: true, satisfaction: 5, note: '满意' },
      'leader',
    );
    await receive(urban.id, { channel: 'service_hall', type: 'inquiry', receivedAt: cn('2026-03-05T09:00') });
    // And one received now: its clocks are pending.
    await receive(urban.id, { channel: 'service_hall', type: 'inquiry' });

    // Every order of this suite: what it keeps equals its clocks' outcome (met, late, pending, none).
    const outcome = (k: string) => `CASE WHEN ${k}.id IS NULL THEN NULL WHEN ${k}.stopped_at IS NOT NULL
      THEN CASE WHEN ${k}.stopped_at > ${k}.due_at THEN 'late' ELSE 'met' END
      WHEN now() > ${k}.due_at THEN 'late' ELSE 'pending' END`;
    const kept = (clock: string) => `CASE WHEN w.${clock}_due_at IS NULL THEN NULL
      WHEN w.${clock}_outcome IS NOT NULL THEN w.${clock}_outcome WHEN now() > w.${clock}_due_at THEN 'late' ELSE 'pending' END`;
    const rows: { id: string; kept_contact: string; contact: string; kept_resolution: string; resolution: string }[] =
      await t.dataSource.query(
        `SELECT w.id, ${kept('contact')} AS kept_contact, ${outcome('kc')} AS contact,
                ${kept('resolution')} AS kept_resolution, ${outcome('kr')} AS resolution,
                w.contact_due_at = kc.due_at OR (w.contact_due_at IS NULL AND kc.id IS NULL) AS contact_due_kept,
                w.resolution_due_at = kr.due_at OR (w.resolution_due_at IS NULL AND kr.id IS NULL) AS resolution_due_kept
           FROM work_orders w
           LEFT JOIN clocks kc ON kc.owner_kind = 'work_order' AND kc.owner_id = w.id AND kc.clock_kind = 'contact'
           LEFT JOIN clocks kr ON kr.owner_kind = 'work_order' AND kr.owner_id = w.id
                 AND kr.clock_kind = CASE WHEN w.period = 1 THEN 'resolution' ELSE 'resolution_' || w.period END`,
      );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r).toMatchObject({
        kept_contact: r.contact,
        kept_resolution: r.resolution,
        contact_due_kept: true,
        resolution_due_kept: true,
      });
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(complaint.id)).toMatchObject({ contact: 'met', resolution: 'late' });
    expect(byId.get(repair.id)).toMatchObject({ contact: 'met', resolution: null });
    expect(byId.get(closed.id)).toMatchObject({ contact: 'met', resolution: 'met' });
    const seen = new Set(rows.flatMap((r) => [r.contact, r.resolution]));
    expect(seen).toEqual(new Set(['met', 'late', 'pending', null]));

    // sla=overdue (read from what the orders keep) lists exactly the orders with a running clock past due.
    const list = await t.request('GET', `/requests?sla=overdue&pageSize=100`, { as: 'admin' });
    const overdue = await t.dataSource.query(
      `SELECT DISTINCT w.id FROM work_orders w JOIN clocks k ON k.owner_kind = 'work_order' AND k.owner_id = w.id
        WHERE k.stopped_at IS NULL AND now() > k.due_at
          AND k.clock_kind IN ('contact', CASE WHEN w.period = 1 THEN 'resolution' ELSE 'resolution_' || w.period END)`,
    );
    expect(list.body.total).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((o: { id: string }) => o.id))).toEqual(
      new Set(overdue.map((r: { id: string }) => r.id)),
    );
    expect(list.body.items.every((o: { sla: string }) => o.sla === 'overdue')).toBe(true);
  });
});
