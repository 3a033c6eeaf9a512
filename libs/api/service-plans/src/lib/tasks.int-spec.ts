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

describe('Service tasks: the list leadership drills into', () => {
  let t: TestApp;
  const past = (days: number) => new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
  beforeAll(async () => {
    t = await createTestApp([CustomersModule, ServicePlansModule]);
    // Overdue: manager1 in 龙湾区 (due 3 and 10 days ago), manager2 in 鹿城区 (due 5 days ago); not overdue: a task
    // of manager1 due today and a done one due 20 days ago.
    const task = async (customerId: string, dueOn: string, state = 'open') =>
      t.dataSource.query(
        `INSERT INTO service_tasks (customer_id, kind, trigger, period, due_on, visible_from, summary, state)
         VALUES ($1, 'visit', 'zero_consumption', $4, $2, $2, 'a visit', $3)`,
        [customerId, dueOn, state, `p-${dueOn}`],
      );
    const a = await createCustomer(t, 'manager1', { name: '乙电气' });
    const b = await createCustomer(t, 'manager1', { name: '甲电气' });
    const c = await createCustomer(t, 'manager2', { name: '丙电气', region: '鹿城区' });
    await task(a.id, past(3));
    await task(b.id, past(10));
    await task(c.id, past(5));
    await task(a.id, today);
    await task(b.id, past(20), 'done');
  });
  afterAll(() => t.close());

  const list = async (as: string, query: string) => {
    const res = await t.request('GET', `/service-tasks?${encodeURI(query)}`, { as });
    expect(res.status).toBe(200);
    return res.body as { total: number; items: { customer: { name: string }; dueOn: string; overdue: boolean }[] };
  };

  it('filters the overdue tasks by region and manager for leadership, the longest overdue first', async () => {
    const all = await list('leader', 'overdue=true');
    expect(all.total).toBe(3);
    expect(all.items.map((i) => i.dueOn)).toEqual([past(10), past(5), past(3)]);
    expect(all.items.every((i) => i.overdue)).toBe(true);
    expect((await list('leader', 'overdue=true&region=鹿城区')).items.map((i) => i.customer.name)).toEqual(['丙电气']);
    expect((await list('leader', `overdue=true&managerId=${t.userIds['manager1']}`)).total).toBe(2);
    expect((await list('leader', `overdue=true&managerId=${t.userIds['manager1']}&region=鹿城区`)).total).toBe(0);
  });

  it('sorts by customer name, either way, and keeps the total', async () => {
    const up = await list('admin', 'overdue=true&sort=customer');
    const down = await list('admin', 'overdue=true&sort=-customer');
    expect(down.items.map((i) => i.customer.name)).toEqual([...up.items.map((i) => i.customer.name)].reverse());
    expect(up.total).toBe(3);
  });

  it("shows an account manager only their own customers' tasks, whatever the filter", async () => {
    expect((await list('manager2', 'overdue=true')).total).toBe(1);
    expect((await list('manager2', `overdue=true&managerId=${t.userIds['manager1']}`)).total).toBe(0);
  });

  it('refuses a bad sort, region or managerId with 400 naming the field', async () => {
    for (const [query, field] of [
      ['sort=due', 'sort'],
      ['managerId=nope', 'managerId'],
      [`region=${'区'.repeat(51)}`, 'region'],
    ]) {
      const res = await t.request('GET', `/service-tasks?${encodeURI(query)}`, { as: 'leader' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
    }
  });
});
