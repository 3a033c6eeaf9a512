import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, csvFile, TestApp } from '@crm/api/testing';
import { DataImportModule } from '../index';

const header = 'channel,externalRef,accountNo,type,topic,summary,receivedAt,contactName,contactPhone';

/** The 95598 CSV import of work orders: all or nothing, idempotent on channel + externalRef, clocks started. */
/** The row errors as an integrator reads them: row, field and English message. */
const englishOf = (errors: { row: number; field: string | null; message: string }[]) =>
  errors.map(({ row, field, message }) => ({ row, field, message }));

describe('CSV import of work orders', () => {
  let t: TestApp;
  let mine: { id: string; accountNo: string };
  let remote: { id: string; accountNo: string };
  let others: { id: string; accountNo: string };

  const importOrders = (content: string) => t.upload('/import/work-orders', content, { as: 'admin' });
  const counts = async () =>
    (
      await t.dataSource.query(`
        SELECT (SELECT count(*) FROM work_orders)::int AS orders, (SELECT count(*) FROM work_order_events)::int AS events,
               (SELECT count(*) FROM clocks WHERE owner_kind = 'work_order')::int AS clocks,
               (SELECT count(*) FROM customer_timeline WHERE type LIKE 'request_%')::int AS timeline`)
    )[0];

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, DataImportModule]);
    mine = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] });
    remote = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], area: 'remote' });
    others = await createCustomer(t, 'admin', { managerId: t.userIds['manager2'] });
  });
  afterAll(() => t.close());

  const good = () =>
    csvFile(
      header,
      `hotline_95598,9559820261101001,${mine.accountNo},咨询,,询问峰谷电价,2026-11-02 09:15,王先生,13800138000`,
      `95598（热线、网站及掌上电力）,9559820261101002,${mine.accountNo},Complaint,服务态度,"营业厅工作人员态度差",2026-11-02T10:00:00+08:00,,`,
      `hotline_95598,9559820261101003,${remote.accountNo},fault_repair,,厂区10kV进线失电,2026-11-03 22:40:00,李工,0577-88881234`,
      `hotline_95598,9559820261101004,${others.accountNo},service_request,meter_test,申请电能表校验,2026-11-04 08:00,,`,
      `12398 能源监管热线,12398-0001,${others.accountNo},complaint,power_quality,电压长期偏低,2026-11-05 14:00,,`,
    );

  it('refuses a file with a bad row, naming the row and column, and writes nothing', async () => {
    const before = await counts();
    const res = await importOrders(
      csvFile(
        header,
        `hotline_95598,A-1,${mine.accountNo},inquiry,,询问电价,2026-11-02 09:15,,`,
        `hotline_95598,A-2,${mine.accountNo},complaint,,没有主题的投诉,2026-11-02 09:20,,`,
        `fax,A-3,000000000,inquiry,meter_test,主题不属于咨询,2026-13-02 09:20,,`,
        `hotline_95598,A-1,${mine.accountNo},inquiry,,重复单号,2999-01-01 00:00,,`,
      ),
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ kind: 'work-orders', accepted: 0, rejected: 3, inserted: 0 });
    expect(englishOf(res.body.errors)).toEqual([
      { row: 2, field: 'topic', message: 'is required for a complaint' },
      { row: 3, field: 'accountNo', message: 'is not the account number of any customer' },
      { row: 3, field: 'channel', message: 'is not the code or name of a channel' },
      {
        row: 3,
        field: 'receivedAt',
        message: 'must be a moment (YYYY-MM-DD HH:MM[:SS] China time, or ISO 8601 with an offset)',
      },
      {
        row: 3,
        field: 'topic',
        message: 'is not a topic of this type (only complaints and service requests have topics)',
      },
      { row: 4, field: 'externalRef', message: 'repeats the channel, externalRef of row 1' },
      { row: 4, field: 'receivedAt', message: 'is in the future' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports new orders with codes or names, their received events, clocks and escalations', async () => {
    const res = await importOrders(good());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 5, rejected: 0, inserted: 5, updated: 0, unchanged: 0, errors: [] });
    expect(await counts()).toEqual({ orders: 5, events: 6, clocks: 9, timeline: 6 });

    const orders = await t.dataSource.query(
      `SELECT external_ref, channel, type, topic, state, recorded_by, received_at, escalation_reasons, escalated_at
         FROM work_orders ORDER BY external_ref`,
    );
    expect(
      orders.map((o: { external_ref: string; channel: string; type: string; topic: string | null }) => [
        o.external_ref,
        o.channel,
        o.type,
        o.topic,
      ]),
    ).toEqual([
      ['12398-0001', 'regulator_12398', 'complaint', 'power_quality'],
      ['9559820261101001', 'hotline_95598', 'inquiry', null],
      ['9559820261101002', 'hotline_95598', 'complaint', 'service_attitude'],
      ['9559820261101003', 'hotline_95598', 'fault_repair', null],
      ['9559820261101004', 'hotline_95598', 'service_request', 'meter_test'],
    ]);
    expect(
      orders.every(
        (o: { state: string; recorded_by: string }) => o.state === 'open' && o.recorded_by === t.userIds['admin'],
      ),
    ).toBe(true);
    // China time without an offset.
    expect(new Date(orders[1].received_at).toISOString()).toBe('2026-11-02T01:15:00.000Z');
    // 12398 escalates at once: reasons, event, leaders and the owner told.
    expect(orders[0]).toMatchObject({ escalation_reasons: ['regulator_12398'] });
    expect(new Date(orders[0].escalated_at).toISOString()).toBe('2026-11-05T06:00:00.000Z');
    const told = await t.dataSource.query(
      `SELECT n.user_id FROM notifications n WHERE n.kind = 'request_escalated' ORDER BY n.user_id`,
    );
    expect(told.map((n: { user_id: string }) => n.user_id)).toContain(t.userIds['manager2']);

    // The remote fault repair: on site within 120 minutes of receipt, counted around the clock.
    const repair = await t.dataSource.query(
      `SELECT k.clock_kind, k.limit_value::float8 AS limit, k.limit_unit, k.due_at
         FROM clocks k JOIN work_orders w ON w.id = k.owner_id
        WHERE k.owner_kind = 'work_order' AND w.external_ref = '9559820261101003' ORDER BY k.clock_kind`,
    );
    expect(repair).toEqual([
      { clock_kind: 'contact', limit: 120, limit_unit: 'minutes', due_at: new Date('2026-11-03T16:40:00.000Z') },
    ]);
    // The order keeps its clocks' outcomes (running: no outcome yet; no power-back clock before the arrival).
    const kept = await t.dataSource.query(
      `SELECT contact_due_at, contact_outcome, resolution_due_at, resolution_outcome
         FROM work_orders WHERE external_ref = '9559820261101003'`,
    );
    expect(kept).toEqual([
      {
        contact_due_at: new Date('2026-11-03T16:40:00.000Z'),
        contact_outcome: null,
        resolution_due_at: null,
        resolution_outcome: null,
      },
    ]);
    // The view reads the limits from the received event, like an order recorded by the form.
    const id = (await t.dataSource.query(`SELECT id FROM work_orders WHERE external_ref = '9559820261101002'`))[0].id;
    const view = await t.request('GET', `/requests/${id}`, { as: 'manager1' });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ type: 'complaint', state: 'open', owner: { id: t.userIds['manager1'] } });
    expect(view.body.contactDueAt).toBe('2026-11-03T16:00:00.000Z');
    expect(view.body.resolveDueAt).toBe('2026-11-11T16:00:00.000Z');
  });

  it('skips a re-import: nothing new, reported unchanged', async () => {
    const before = await counts();
    const res = await importOrders(good());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 5, rejected: 0, inserted: 0, updated: 0, unchanged: 5 });
    expect(await counts()).toEqual(before);
  });

  it('shows an account manager only the imported orders of their customers', async () => {
    const list = await t.request('GET', '/requests', { as: 'manager1' });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(
      list.body.items.every((o: { customer: { id: string } }) => [mine.id, remote.id].includes(o.customer.id)),
    ).toBe(true);
    const id = (await t.dataSource.query(`SELECT id FROM work_orders WHERE external_ref = '12398-0001'`))[0].id;
    expect((await t.request('GET', `/requests/${id}`, { as: 'manager1' })).status).toBe(404);
    expect((await t.request('GET', `/requests/${id}`, { as: 'manager2' })).status).toBe(200);
  });
});
