import { CalendarModule } from '@crm/api/calendar';
import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { randomUUID } from 'node:crypto';
import { Params } from '@crm/api/database';
import { ClockScanService, clocksInsertFrom, TimeLimitsModule, TimeLimitsService } from '../index';

const DAY = 86_400_000;

describe('time limits: clocks and the scan', () => {
  let t: TestApp;
  let clocks: TimeLimitsService;
  let scan: ClockScanService;
  beforeAll(async () => {
    t = await createTestApp([CustomersModule, CalendarModule, TimeLimitsModule]);
    clocks = t.app.get(TimeLimitsService);
    scan = t.app.get(ClockScanService);
    // A test owner: its events go to the customer's manager as `test_<kind>`.
    scan.register(
      'test_owner',
      `SELECT f.clock_id, f.customer_id, 'test_' || f.kind AS timeline_type, 'test ' || f.kind AS timeline_summary,
              jsonb_build_object('ownerId', f.owner_id) AS timeline_data, c.account_manager_id AS user_id,
              'test_' || f.kind AS notification_kind, 'test ' || f.kind AS notification_summary,
              jsonb_build_object('ownerId', f.owner_id) AS notification_data
         FROM fired f JOIN customers c ON c.id = f.customer_id`,
    );
  });
  afterAll(() => t.close());

  const start = async (customerId: string, startedAt: Date, limit: number, unit: 'working_days' | 'minutes') => {
    const key = { ownerKind: 'test_owner', ownerId: randomUUID(), clockKind: 'resolution' };
    await t.dataSource.transaction((m) => clocks.start(m, [{ ...key, customerId, limit, unit, startedAt }]));
    return key;
  };
  const notifications = (customerId: string) =>
    t.dataSource.query(
      `SELECT n.kind, n.data->>'ownerId' AS owner FROM notifications n WHERE n.customer_id = $1 ORDER BY n.id`,
      [customerId],
    );

  it('records warning and overdue once each, notifies once each, and never fires for a stopped or paused clock', async () => {
    const c = await createCustomer(t, 'manager1');
    const now = Date.now();
    // 60 minutes started 50 minutes ago: past 80 % (48 min), not yet due.
    const warned = await start(c.id, new Date(now - 50 * 60_000), 60, 'minutes');
    // 45 minutes started 2 hours ago: overdue.
    const late = await start(c.id, new Date(now - 2 * 3_600_000), 45, 'minutes');
    // Overdue too, but stopped (in time) before the scan: never fires.
    const stopped = await start(c.id, new Date(now - 2 * 3_600_000), 45, 'minutes');
    await t.dataSource.transaction((m) => clocks.stop(m, stopped, new Date(now - 2 * 3_600_000 + 30 * 60_000)));
    // Paused (waiting for the customer) after 10 of 45 minutes, long ago: never fires while paused.
    const paused = await start(c.id, new Date(now - 2 * 3_600_000), 45, 'minutes');
    await t.dataSource.transaction((m) => clocks.pause(m, paused, new Date(now - 2 * 3_600_000 + 10 * 60_000)));

    expect((await scan.scan())['test_owner']).toEqual({ warning: 1, overdue: 1 });
    expect((await scan.scan())['test_owner']).toEqual({ warning: 0, overdue: 0 });
    expect(await notifications(c.id)).toEqual([
      expect.objectContaining({ kind: expect.stringMatching(/^test_/) }),
      expect.objectContaining({ kind: expect.stringMatching(/^test_/) }),
    ]);
    expect(
      new Set((await notifications(c.id)).map((n: { kind: string; owner: string }) => `${n.kind} ${n.owner}`)),
    ).toEqual(new Set([`test_warning ${warned.ownerId}`, `test_overdue ${late.ownerId}`]));
    const timeline = await t.dataSource.query(
      `SELECT type FROM customer_timeline WHERE customer_id = $1 AND type LIKE 'test_%'`,
      [c.id],
    );
    expect(timeline).toHaveLength(2);

    expect(await t.dataSource.transaction((m) => clocks.read(m, stopped))).toMatchObject({
      state: 'stopped_on_time',
      used: 30,
    });
    expect(await t.dataSource.transaction((m) => clocks.read(m, paused))).toMatchObject({ state: 'on_time', used: 10 });

    // Resumed now with 35 minutes left: on time again, and its moments moved.
    await t.dataSource.transaction((m) => clocks.resume(m, paused, new Date()));
    const resumed = await t.dataSource.transaction((m) => clocks.read(m, paused));
    expect(resumed).toMatchObject({ state: 'on_time', used: 10 });
    expect(Math.round(((resumed?.dueAt.getTime() ?? 0) - Date.now()) / 60_000)).toBe(35);
    expect((await scan.scan())['test_owner']).toEqual({ warning: 0, overdue: 0 });

    // The warned clock passes its due moment: one overdue event more, then nothing.
    await t.dataSource.query(`UPDATE clocks SET due_at = now() - interval '1 minute' WHERE owner_id = $1`, [
      warned.ownerId,
    ]);
    expect((await scan.scan())['test_owner']).toEqual({ warning: 0, overdue: 1 });
    expect((await scan.scan())['test_owner']).toEqual({ warning: 0, overdue: 0 });
    expect(await notifications(c.id)).toHaveLength(3);
  });

  it('resolves a clock’s warning when it becomes overdue, and its notifications when it stops', async () => {
    const c = await createCustomer(t, 'manager1');
    const now = Date.now();
    const key = await start(c.id, new Date(now - 50 * 60_000), 60, 'minutes');
    const other = await start(c.id, new Date(now - 50 * 60_000), 60, 'minutes');
    const open = () =>
      t.dataSource.query(
        `SELECT n.kind, n.data->>'ownerId' AS owner FROM notifications n
          WHERE n.customer_id = $1 AND n.resolved_at IS NULL ORDER BY n.id`,
        [c.id],
      );
    await scan.scan();
    expect(await open()).toEqual([
      { kind: 'test_warning', owner: key.ownerId },
      { kind: 'test_warning', owner: other.ownerId },
    ]);

    await t.dataSource.query(`UPDATE clocks SET due_at = now() - interval '1 minute' WHERE owner_id = $1`, [
      key.ownerId,
    ]);
    await scan.scan();
    expect(await open()).toEqual([
      { kind: 'test_warning', owner: other.ownerId },
      { kind: 'test_overdue', owner: key.ownerId },
    ]);

    await t.dataSource.transaction((m) => clocks.stop(m, key, new Date()));
    expect(await open()).toEqual([{ kind: 'test_warning', owner: other.ownerId }]);
    await t.dataSource.transaction((m) => clocks.stopAll(m, ['test_owner'], other.ownerId, new Date()));
    expect(await open()).toEqual([]);
    expect(await notifications(c.id)).toHaveLength(3);
  });

  it('keeps a working-day clock’s due moment at the end of its due date, China time', async () => {
    const c = await createCustomer(t, 'manager1');
    const key = await start(c.id, new Date(Date.now() - 40 * DAY), 5, 'working_days');
    const reading = await t.dataSource.transaction((m) => clocks.read(m, key));
    expect(reading?.state).toBe('overdue');
    // Midnight in China is 16:00 UTC.
    expect(reading?.dueAt.toISOString()).toMatch(/T16:00:00\.000Z$/);
  });

  it('starts clocks set-wise from SQL with the moments start gives, and refuses a row whose limit it was not given', async () => {
    const c = await createCustomer(t, 'manager1');
    // A Friday afternoon in China, so the working days skip a weekend.
    const startedAt = new Date('2026-11-27T07:00:00Z');
    const one = await start(c.id, startedAt, 5, 'working_days');
    const other = await start(c.id, startedAt, 10, 'working_days');
    const together = await clocks.startedTogether('test_owner', 'working_days', startedAt, [10, 5, 10]);
    expect(together.moments.map((m) => m.limit)).toEqual([10, 5]);
    const rows = (limits: number[]) => {
      const p = new Params();
      const source = `(SELECT owner_id::uuid, 'set_wise' AS clock_kind, ${p.add(c.id)}::uuid AS customer_id, limit_value
                         FROM unnest(${p.add([one.ownerId, other.ownerId])}::text[], ${p.add(limits)}::int[])
                              AS r (owner_id, limit_value))`;
      return { sql: clocksInsertFrom(p, source, together), params: p.values };
    };
    const inserted = rows([5, 10]);
    await t.dataSource.transaction((m) => m.query(inserted.sql, inserted.params));

    const moments = (clockKind: string) =>
      t.dataSource.query(
        `SELECT owner_id AS "ownerId", limit_value::int AS "limit", limit_unit AS unit, started_at AS "startedAt",
                warn_at AS "warnAt", due_at AS "dueAt", calendar_estimated AS estimated
           FROM clocks WHERE owner_id = ANY($1) AND clock_kind = $2 ORDER BY limit_value`,
        [[one.ownerId, other.ownerId], clockKind],
      );
    const setWise = await moments('set_wise');
    expect(setWise).toEqual(await moments('resolution'));
    expect(setWise.map((k: { ownerId: string; limit: number }) => [k.ownerId, k.limit])).toEqual([
      [one.ownerId, 5],
      [other.ownerId, 10],
    ]);
    expect(setWise[0].warnAt < setWise[0].dueAt).toBe(true);

    const unknown = rows([5, 15]);
    await expect(
      t.dataSource.transaction((m) => m.query(unknown.sql.replace('set_wise', 'other'), unknown.params)),
    ).rejects.toThrow(/warn_at/);
  });
});
