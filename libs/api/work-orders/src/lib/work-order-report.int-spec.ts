import { CustomersModule } from '@crm/api/customers';
import { chinaTime as cn, createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { WorkOrderFigure, WorkOrderReport } from '@crm/shared/domain';
import { WorkOrdersModule } from '../index';

/** Every figure of the report (anything with a count and a filter), with where it is. */
function figures(value: unknown, path = 'report'): [string, WorkOrderFigure][] {
  if (!value || typeof value !== 'object') return [];
  if ('count' in value && 'filter' in value) return [[path, value as WorkOrderFigure]];
  return Object.entries(value).flatMap(([key, v]) => figures(v, `${path}.${key}`));
}

/**
 * The service-quality report over known orders in March and April 2026 (China time): two customers of
 * two managers, orders on the period's edges, clocks met and late, callbacks, an urge, a 12398 order.
 */
describe('service-quality report', () => {
  let t: TestApp;
  let report: WorkOrderReport;
  const ids: Record<string, string> = {};

  async function receive(name: string, customerId: string, body: Record<string, unknown>) {
    const res = await t.request('POST', `/customers/${customerId}/requests`, {
      as: 'marketing',
      body: { summary: `客户来电 ${name}`, ...body },
    });
    if (res.status !== 201) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    ids[name] = res.body.id;
  }
  async function step(name: string, kind: string, body: Record<string, unknown>, as = 'admin') {
    const res = await t.request('POST', `/requests/${ids[name]}/${kind}`, { as, body });
    if (res.status !== 200) throw new Error(`${name} ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  /** Contacts and handles the order `name`, then the leader calls back: at the moments given, China time. */
  async function serve(
    name: string,
    at: { contact: string; handle: string; callback: string },
    callback: { solved: boolean; satisfaction: number; note: string },
  ) {
    await step(name, 'contact', { at: cn(at.contact), note: '已联系' });
    await step(name, 'handle', {
      result: '已处理',
      cause: '抄表员误抄',
      accountability: '抄表班组',
      at: cn(at.handle),
    });
    await step(name, 'callback', { at: cn(at.callback), ...callback }, 'leader');
  }

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, WorkOrdersModule]);
    const a = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] });
    const b = await createCustomer(t, 'admin', { managerId: t.userIds['manager2'] });

    // 1: a complaint at the period's first moment, contacted and handled in time, satisfied (5).
    await receive('first', a.id, {
      channel: 'hotline_95598',
      type: 'complaint',
      topic: 'service_attitude',
      receivedAt: cn('2026-03-01T00:00'),
    });
    await serve(
      'first',
      { contact: '2026-03-01T10:00', handle: '2026-03-02T10:00', callback: '2026-03-03T10:00' },
      { solved: true, satisfaction: 5, note: '满意' },
    );
    // 2: an inquiry never contacted (both clocks overdue now), urged once.
    await receive('inquiry', a.id, { channel: 'service_hall', type: 'inquiry', receivedAt: cn('2026-03-10T09:00') });
    await step('inquiry', 'urge', { channel: 'hotline_95598', note: '客户再次来电' });
    // 3: a 12398 complaint (escalated) contacted late; the callback says "not solved" (2): reopened, contradicted.
    await receive('regulator', b.id, {
      channel: 'regulator_12398',
      type: 'complaint',
      topic: 'meter_reading_billing',
      receivedAt: cn('2026-04-15T10:00'),
    });
    await serve(
      'regulator',
      { contact: '2026-04-20T10:00', handle: '2026-04-20T11:00', callback: '2026-04-21T10:00' },
      { solved: false, satisfaction: 2, note: '未解决' },
    );
    // 4: a meter test at the period's last minute, not contacted.
    await receive('last', b.id, {
      channel: 'account_manager',
      type: 'service_request',
      topic: 'meter_test',
      receivedAt: cn('2026-04-30T23:59'),
    });
    // Outside the period, on both sides.
    await receive('before', a.id, { channel: 'hotline_95598', type: 'inquiry', receivedAt: cn('2026-02-28T23:59') });
    await receive('after', a.id, {
      channel: 'hotline_95598',
      type: 'complaint',
      topic: 'power_quality',
      receivedAt: cn('2026-05-01T00:00'),
    });

    const res = await t.request('GET', '/requests/report?from=2026-03-01&to=2026-05-01', { as: 'leader' });
    expect(res.status).toBe(200);
    report = res.body;
  });
  afterAll(() => t.close());

  const period = { from: cn('2026-03-01T00:00'), to: cn('2026-05-01T00:00') };

  it('counts the orders of the period by month, channel, type and topic (China months)', () => {
    expect(report).toMatchObject({ from: '2026-03-01', to: '2026-05-01', months: ['2026-03', '2026-04'] });
    expect(report.orders).toEqual({ count: 4, filter: period });
    expect(report.volume.byMonth).toEqual([
      { month: '2026-03', orders: { count: 2, filter: { from: cn('2026-03-01T00:00'), to: cn('2026-04-01T00:00') } } },
      { month: '2026-04', orders: { count: 2, filter: { from: cn('2026-04-01T00:00'), to: cn('2026-05-01T00:00') } } },
    ]);
    expect(report.volume.byType).toContainEqual({
      month: '2026-04',
      code: 'complaint',
      orders: { count: 1, filter: { from: cn('2026-04-01T00:00'), to: cn('2026-05-01T00:00'), type: 'complaint' } },
    });
    expect(report.volume.byChannel.map((c) => [c.month, c.code, c.orders.count]).sort()).toEqual([
      ['2026-03', 'hotline_95598', 1],
      ['2026-03', 'service_hall', 1],
      ['2026-04', 'account_manager', 1],
      ['2026-04', 'regulator_12398', 1],
    ]);
    expect(report.volume.byTopic.map((c) => [c.month, c.code, c.orders.count]).sort()).toEqual([
      ['2026-03', 'service_attitude', 1],
      ['2026-04', 'meter_reading_billing', 1],
      ['2026-04', 'meter_test', 1],
    ]);
    expect(report.volume.types[0]).toEqual({
      code: 'complaint',
      orders: { count: 2, filter: { ...period, type: 'complaint' } },
    });
    expect(report.volume.topics).toHaveLength(3);
  });

  it('rates the clocks: met against late (stopped late or running overdue)', () => {
    expect(report.contactOnTime).toEqual({
      rate: 0.25,
      met: { count: 1, filter: { ...period, contactClock: 'met' } },
      late: { count: 3, filter: { ...period, contactClock: 'late' } },
    });
    // The reopened 12398 order's new resolution clock runs overdue.
    expect(report.resolutionOnTime).toMatchObject({ rate: 0.25, met: { count: 1 }, late: { count: 3 } });
  });

  it('counts complaints per 10,000 customers not closed, satisfaction, repeats, escalations, contradictions', () => {
    expect(report.complaints).toEqual({ count: 2, filter: { ...period, type: 'complaint' } });
    expect(report.customers).toBe(2);
    expect(report.complaintsPer10000Customers).toBe(10_000);
    expect(report.satisfaction.average).toBe(3.5);
    expect(report.satisfaction.rated).toEqual({ count: 2, filter: { ...period, rated: 'true' } });
    expect(report.satisfaction.distribution.map((f) => f.count)).toEqual([0, 1, 0, 0, 1]);
    expect(report.satisfaction.distribution[4].filter).toEqual({ ...period, satisfaction: '5' });
    expect(report.repeatContact).toEqual({ rate: 0.25, urged: { count: 1, filter: { ...period, urged: 'true' } } });
    expect(report.escalated).toEqual({ count: 1, filter: { ...period, escalated: 'true' } });
    expect(report.contradicted).toEqual({ count: 1, filter: { ...period, contradicted: 'true' } });
  });

  it('gives the figures per owner', () => {
    const [one, two] = [t.userIds['manager1'], t.userIds['manager2']];
    expect(report.byManager.map((m) => [m.manager, m.orders.count, m.complaints.count])).toEqual(
      expect.arrayContaining([
        [{ id: one, displayName: 'Manager One' }, 2, 1],
        [{ id: two, displayName: 'Manager Two' }, 2, 1],
      ]),
    );
    const mine = report.byManager.find((m) => m.manager.id === two);
    expect(mine?.satisfaction).toMatchObject({ average: 2, rated: { count: 1 } });
    expect(mine?.contradicted).toEqual({ count: 1, filter: { ...period, managerId: two, contradicted: 'true' } });
    expect(mine?.contactOnTime).toMatchObject({ rate: 0, met: { count: 0 }, late: { count: 2 } });
  });

  it('opens exactly the orders behind every figure through the list', async () => {
    const all = figures(report);
    expect(all.length).toBeGreaterThan(60);
    for (const [path, f] of all) {
      const res = await t.request('GET', `/requests?${new URLSearchParams({ ...f.filter, pageSize: '500' })}`, {
        as: 'leader',
      });
      expect([path, res.status, res.body.total]).toEqual([path, 200, f.count]);
    }
  });

  it('is leadership’s, marketing’s and admins’; an account manager gets 403', async () => {
    for (const as of ['marketing', 'admin']) {
      expect((await t.request('GET', '/requests/report?from=2026-03-01&to=2026-05-01', { as })).body.orders.count).toBe(
        4,
      );
    }
    expect((await t.request('GET', '/requests/report', { as: 'manager1' })).status).toBe(403);
  });

  it('defaults to the last twelve months and refuses a bad period naming the field', async () => {
    const res = await t.request('GET', '/requests/report', { as: 'leader' });
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(12);
    for (const [q, field] of [
      ['from=2026-05-01&to=2026-03-01', 'to'],
      ['from=2026-02-30', 'from'],
      ['to=2026-03-01T00:00:00Z', 'to'],
    ]) {
      const bad = await t.request('GET', `/requests/report?${q}`, { as: 'leader' });
      expect([q, bad.status, bad.body.details?.map((d: { field: string }) => d.field)]).toEqual([q, 400, [field]]);
    }
  });
});
