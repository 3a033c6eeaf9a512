import { CustomersModule } from '@crm/api/customers';
import { MessagesModule } from '@crm/api/messages';
import { SegmentsModule } from '@crm/api/segments';
import {
  createCustomer,
  createTestApp,
  insertWorkOrder,
  seedWorkOrderReference,
  TestApp,
  TestWorkOrder,
} from '@crm/api/testing';
import { addCalendarDays, CARE_VISIT_DAYS, chinaDate } from '@crm/shared/domain';
import { ServicePlansModule, TaskGenerationService } from '../index';

const today = chinaDate(new Date());
const DAY = 24 * 60 * 60 * 1000;

/**
 * The trigger 'complaint_closed' (issue 14, "Follow-up"): the daily job makes one care visit per closed
 * complaint for the customer's account manager, due CARE_VISIT_DAYS calendar days after the closure. The
 * work orders are written straight into their table, as the work-orders library would.
 */
describe('Care visits after closed complaints', () => {
  let t: TestApp;
  let generation: TaskGenerationService;

  /** A work order of `customer` received 60 days ago, closed at `closedAt` when given; returns its id. */
  const order = (
    customerId: string,
    type: TestWorkOrder['type'],
    state: string,
    closedAt: Date | null,
    summary = '电压不稳',
  ): Promise<string> => insertWorkOrder(t, { customerId, type, daysAgo: 60, state, closedAt, summary });
  const careTasks = () =>
    t.dataSource.query(
      `SELECT customer_id, kind, period, due_on::text, visible_from::text, summary, state FROM service_tasks
        WHERE trigger = 'complaint_closed' ORDER BY due_on, customer_id`,
    );

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, SegmentsModule, ServicePlansModule, MessagesModule]);
    generation = t.app.get(TaskGenerationService);
    await seedWorkOrderReference(t);
  }, 60_000);
  afterAll(() => t.close());

  it('makes one care visit per complaint closed in the last 30 days, due 30 days after its closure', async () => {
    const [a, b, closed] = [
      await createCustomer(t, 'manager1'),
      await createCustomer(t, 'manager2'),
      await createCustomer(t, 'manager1'),
    ];
    await t.dataSource.query(`UPDATE customers SET stage = 'closed' WHERE id = $1`, [closed.id]);
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    const justNow = new Date();
    const recent = await order(a.id, 'complaint', 'closed', twoDaysAgo);
    const other = await order(b.id, 'complaint', 'closed', justNow, '抄表数据有误');
    // None for: a complaint closed before the window, a reopened one, an open one, a closed inquiry, and a
    // complaint of a closed customer.
    await order(a.id, 'complaint', 'closed', new Date(Date.now() - (CARE_VISIT_DAYS + 2) * DAY));
    const reopened = await order(b.id, 'complaint', 'reopened', twoDaysAgo);
    await order(b.id, 'complaint', 'open', null);
    await order(a.id, 'inquiry', 'closed', twoDaysAgo);
    await order(closed.id, 'complaint', 'closed', twoDaysAgo);

    expect((await generation.daily())['triggered']).toBe(2);
    const due = (at: Date) => addCalendarDays(chinaDate(at), CARE_VISIT_DAYS);
    expect(await careTasks()).toEqual(
      [
        {
          customer_id: a.id,
          kind: 'visit',
          period: `order-${recent}`,
          due_on: due(twoDaysAgo),
          visible_from: today,
          summary: '电压不稳',
          state: 'open',
        },
        {
          customer_id: b.id,
          kind: 'visit',
          period: `order-${other}`,
          due_on: due(justNow),
          visible_from: today,
          summary: '抄表数据有误',
          state: 'open',
        },
      ].sort((x, y) => x.due_on.localeCompare(y.due_on) || x.customer_id.localeCompare(y.customer_id)),
    );

    // Idempotent: a second run, and a complaint reopened and closed again, make none more.
    expect((await generation.daily())['triggered']).toBe(0);
    await t.dataSource.query(`UPDATE work_orders SET state = 'reopened' WHERE id = $1`, [recent]);
    await t.dataSource.query(`UPDATE work_orders SET state = 'closed', closed_at = now() WHERE id = $1`, [recent]);
    expect((await generation.daily())['triggered']).toBe(0);
    // The reopened complaint, once closed, makes its visit.
    await t.dataSource.query(`UPDATE work_orders SET state = 'closed', closed_at = now() WHERE id = $1`, [reopened]);
    expect((await generation.daily())['triggered']).toBe(1);
    expect((await careTasks()).map((r: { period: string }) => r.period)).toContain(`order-${reopened}`);
  });

  it("shows the care visits on the day of the customer's account manager only", async () => {
    const res1 = await t.request('GET', '/service-tasks?today=true&pageSize=100', { as: 'manager1' });
    const res2 = await t.request('GET', '/service-tasks?today=true&pageSize=100', { as: 'manager2' });
    expect(res1.status).toBe(200);
    const care = (body: { items: { trigger: string | null; manager: { id: string } | null }[] }) =>
      body.items.filter((i) => i.trigger === 'complaint_closed');
    expect(care(res1.body).map((i) => i.manager?.id)).toEqual([t.userIds['manager1']]);
    expect(care(res2.body).map((i) => i.manager?.id)).toEqual([t.userIds['manager2'], t.userIds['manager2']]);
  });
});
