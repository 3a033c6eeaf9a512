import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { chinaDate } from '@crm/shared/domain';
import { NotificationsModule } from '@crm/api/notifications';
import { ServicePlansModule } from '../index';

const today = chinaDate(new Date());

describe('Service tasks: one completion wins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([CustomersModule, ServicePlansModule, NotificationsModule]);
  });
  afterAll(() => t.close());

  /** An open task of a new customer of manager1, made by a trigger. */
  const openTask = async (): Promise<string> => {
    const customer = await createCustomer(t, 'manager1');
    const [task] = await t.dataSource.query(
      `INSERT INTO service_tasks (customer_id, kind, trigger, period, due_on, visible_from, summary)
       VALUES ($1, 'visit', 'zero_consumption', '2026-10', $2, $2, 'two months at zero') RETURNING id`,
      [customer.id, today],
    );
    return task.id;
  };

  it('of ten simultaneous completions exactly one is recorded; the other nine get 409', async () => {
    const id = await openTask();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.request('POST', `/service-tasks/${id}/complete`, {
          as: 'manager1',
          body: { outcome: 'completed', notes: `visit note ${i}`, visitedOn: today },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const winner = results.find((r) => r.status === 200);
    const [stored] = await t.dataSource.query('SELECT state, notes FROM service_tasks WHERE id = $1', [id]);
    expect(stored).toEqual({ state: 'done', notes: winner?.body.notes });
  });

  it("puts the completed task on the customer's timeline, once", async () => {
    const id = await openTask();
    const [{ customer_id: customerId }] = await t.dataSource.query(
      'SELECT customer_id FROM service_tasks WHERE id = $1',
      [id],
    );
    const done = await t.request('POST', `/service-tasks/${id}/complete`, {
      as: 'manager1',
      body: { outcome: 'follow_up_needed', notes: '变压器温升偏高', visitedOn: today },
    });
    expect(done.status).toBe(200);
    const timeline = (await t.request('GET', `/customers/${customerId}/timeline`, { as: 'manager1' })).body;
    const entries = timeline.filter((e: { type: string }) => e.type === 'task_completed');
    expect(entries).toEqual([
      expect.objectContaining({
        type: 'task_completed',
        actor: expect.objectContaining({ displayName: 'Manager One' }),
        data: { taskId: id, kind: 'visit', outcome: 'follow_up_needed', notes: '变压器温升偏高', visitedOn: today },
      }),
    ]);
  });

  it('refuses to complete a cancelled task with 409 and leaves it cancelled', async () => {
    const id = await openTask();
    await t.dataSource.query(`UPDATE service_tasks SET state = 'cancelled' WHERE id = $1`, [id]);
    const res = await t.request('POST', `/service-tasks/${id}/complete`, {
      as: 'manager1',
      body: { outcome: 'completed', visitedOn: today },
    });
    expect(res.status).toBe(409);
    const [stored] = await t.dataSource.query('SELECT state, outcome FROM service_tasks WHERE id = $1', [id]);
    expect(stored).toEqual({ state: 'cancelled', outcome: null });
  });

  it("resolves the manager's overdue-tasks notification once the last task it counted is completed", async () => {
    const yesterday = chinaDate(new Date(Date.now() - 86_400_000));
    const due = async () => {
      const customer = await createCustomer(t, 'manager2');
      const [task] = await t.dataSource.query(
        `INSERT INTO service_tasks (customer_id, kind, trigger, period, due_on, visible_from, summary)
         VALUES ($1, 'visit', 'zero_consumption', '2026-09', $2, $2, 'two months at zero') RETURNING id`,
        [customer.id, yesterday],
      );
      return task.id as string;
    };
    const [first, second] = [await due(), await due()];
    await t.dataSource.query(
      `INSERT INTO notifications (user_id, kind, summary, data)
       VALUES ($1, 'tasks_overdue', '2 service tasks overdue', jsonb_build_object('tasks', 2, 'on', $2::date))`,
      [t.userIds['manager2'], today],
    );
    const overdue = async () =>
      (await t.request('GET', '/notifications', { as: 'manager2' })).body.items.find(
        (n: { kind: string }) => n.kind === 'tasks_overdue',
      );
    const complete = (id: string) =>
      t.request('POST', `/service-tasks/${id}/complete`, {
        as: 'manager2',
        body: { outcome: 'completed', notes: 'done', visitedOn: today },
      });

    expect((await complete(first)).status).toBe(200);
    expect(await overdue()).toMatchObject({ resolved: false });
    expect((await complete(second)).status).toBe(200);
    expect(await overdue()).toMatchObject({ resolved: true, read: false });
    expect((await t.request('GET', '/notifications', { as: 'manager2' })).body.unread).toBe(0);
  });
});
