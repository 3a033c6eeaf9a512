import { createTestApp, TestApp } from '@crm/api/testing';
import { NotificationsModule } from '../index';

describe('notifications: each user reads and dismisses their own', () => {
  let t: TestApp;
  const list = (as: string, query = '') => t.request('GET', `/notifications${query}`, { as });
  const summaries = (body: { items: { summary: string }[] }) => body.items.map((n) => n.summary);

  /** Notifications as the jobs write them: straight into the table, `minutesAgo` before now. */
  async function notify(
    username: string,
    summary: string,
    minutesAgo: number,
    read = false,
    kind = 'task_overdue',
  ): Promise<number> {
    const [row] = await t.dataSource.query(
      `INSERT INTO notifications (user_id, kind, summary, data, created_at, read_at)
       VALUES ($1, $6, $2, $3, now() - make_interval(mins => $4), CASE WHEN $5 THEN now() END)
       RETURNING id`,
      [t.userIds[username], summary, JSON.stringify({ n: minutesAgo }), minutesAgo, read, kind],
    );
    return Number(row.id);
  }

  beforeAll(async () => {
    t = await createTestApp([NotificationsModule]);
    await notify('manager1', 'old, read', 300, true);
    await notify('manager1', 'older', 120);
    await notify('manager1', 'newest', 1);
    await notify('manager1', 'middle', 60);
    await notify('manager2', 'of manager2', 0);
  });
  afterAll(() => t.close());

  it('lists the caller’s notifications newest first, with the unread count and paging', async () => {
    const res = await list('manager1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, unread: 3, page: 1 });
    expect(summaries(res.body)).toEqual(['newest', 'middle', 'older', 'old, read']);
    expect(res.body.items[0]).toEqual({
      id: expect.any(Number),
      kind: 'task_overdue',
      summary: 'newest',
      customerId: null,
      data: { n: 1 },
      createdAt: expect.any(String),
      read: false,
      resolved: false,
    });
    expect(res.body.items[3].read).toBe(true);

    const page2 = await list('manager1', '?pageSize=2&page=2');
    expect(page2.body).toMatchObject({ total: 4, unread: 3, page: 2, pageSize: 2 });
    expect(summaries(page2.body)).toEqual(['older', 'old, read']);

    const unread = await list('manager1', '?unread=true');
    expect(unread.body).toMatchObject({ total: 3, unread: 3 });
    expect(summaries(unread.body)).toEqual(['newest', 'middle', 'older']);
  });

  it('orders notifications of the same moment by the later one first', async () => {
    const at = '2026-03-01T08:00:00Z';
    const first = await notify('leader', 'first', 0);
    const second = await notify('leader', 'second', 0);
    await t.dataSource.query('UPDATE notifications SET created_at = $1 WHERE id = ANY($2)', [at, [first, second]]);
    expect(summaries((await list('leader')).body)).toEqual(['second', 'first']);
  });

  it('shows a user only their own notifications', async () => {
    expect(summaries((await list('manager2')).body)).toEqual(['of manager2']);
    expect((await list('admin')).body).toMatchObject({ items: [], total: 0, unread: 0 });
    expect((await t.request('GET', '/notifications')).status).toBe(401);
  });

  it('marks one read, only the caller’s own: another user’s stays unread', async () => {
    const mine = await notify('manager2', 'to read', 5);
    const theirs = await notify('marketing', 'not for manager2', 5);

    expect((await t.request('POST', `/notifications/${theirs}/read`, { as: 'manager2' })).status).toBe(204);
    expect((await list('marketing')).body).toMatchObject({
      unread: 1,
      items: [{ summary: 'not for manager2', read: false }],
    });

    expect((await t.request('POST', `/notifications/${mine}/read`, { as: 'manager2' })).status).toBe(204);
    const after = (await list('manager2')).body;
    expect(after.unread).toBe(1);
    expect(after.items.find((n: { id: number }) => n.id === mine).read).toBe(true);
    // Reading it again keeps the first reading.
    const [{ read_at: readAt }] = await t.dataSource.query('SELECT read_at FROM notifications WHERE id = $1', [mine]);
    expect((await t.request('POST', `/notifications/${mine}/read`, { as: 'manager2' })).status).toBe(204);
    expect((await t.dataSource.query('SELECT read_at FROM notifications WHERE id = $1', [mine]))[0].read_at).toEqual(
      readAt,
    );

    const bad = await t.request('POST', '/notifications/abc/read', { as: 'manager2' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('id');
  });

  it('marks all of the caller’s read, and nobody else’s', async () => {
    expect((await t.request('POST', '/notifications/read-all', { as: 'manager1' })).status).toBe(204);
    const mine = (await list('manager1')).body;
    expect(mine).toMatchObject({ total: 4, unread: 0 });
    expect(mine.items.every((n: { read: boolean }) => n.read)).toBe(true);
    expect((await list('manager1', '?unread=true')).body).toMatchObject({ items: [], total: 0 });
    expect((await list('manager2')).body.unread).toBe(1);
    expect((await list('marketing')).body.unread).toBe(1);
  });

  it('groups by kind with counts, the latest group first; a resolved one is no longer unread', async () => {
    await notify('auditor', 'warning 1', 30, false, 'sla_warning');
    await notify('auditor', 'warning 2', 20, false, 'sla_warning');
    const resolved = await notify('auditor', 'warning 3', 25, false, 'sla_warning');
    await notify('auditor', 'tier', 10, true, 'tier_changed');
    await notify('auditor', 'overdue', 40, false, 'sla_overdue');
    await t.dataSource.query('UPDATE notifications SET resolved_at = now() WHERE id = $1', [resolved]);

    const all = (await list('auditor')).body;
    expect(all).toMatchObject({ total: 5, unread: 3 });
    expect(all.groups).toEqual([
      { kind: 'tier_changed', total: 1, unread: 0, latestAt: expect.any(String) },
      { kind: 'sla_warning', total: 3, unread: 2, latestAt: expect.any(String) },
      { kind: 'sla_overdue', total: 1, unread: 1, latestAt: expect.any(String) },
    ]);
    expect(all.items.find((n: { id: number }) => n.id === resolved)).toMatchObject({ read: false, resolved: true });

    const warnings = (await list('auditor', '?kind=sla_warning')).body;
    expect(warnings).toMatchObject({ total: 3, unread: 2 });
    expect(summaries(warnings)).toEqual(['warning 2', 'warning 3', 'warning 1']);
    expect(warnings.groups).toHaveLength(3);

    const unread = (await list('auditor', '?unread=true')).body;
    expect(summaries(unread)).toEqual(['warning 2', 'warning 1', 'overdue']);
    expect(unread.groups.map((g: { kind: string; total: number }) => [g.kind, g.total])).toEqual([
      ['sla_warning', 2],
      ['sla_overdue', 1],
    ]);
  });
});
