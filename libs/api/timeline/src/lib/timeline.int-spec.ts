import { createTestApp, customerBody, TestApp } from '@crm/api/testing';
import { TimelineModule, TimelineService } from '../index';

describe('TimelineService: a customer’s entries, written with the change they describe', () => {
  let t: TestApp;
  let timeline: TimelineService;
  /** A new customer of manager1's, written straight into the table (the customers module is built on this one). */
  async function customer(): Promise<string> {
    const c = customerBody();
    const [row] = await t.dataSource.query(
      `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva,
                              tariff_category, region, address, account_manager_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        c['accountNo'],
        c['name'],
        c['creditCode'],
        c['industry'],
        c['voltageKv'],
        c['contractCapacityKva'],
        c['tariffCategory'],
        c['region'],
        c['address'],
        t.userIds['manager1'],
      ],
    );
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp([TimelineModule]);
    timeline = t.app.get(TimelineService);
  });
  afterAll(() => t.close());

  it('records entries in the writer’s transaction: rolled back with it, kept when it commits', async () => {
    const id = await customer();
    await expect(
      t.dataSource.transaction(async (tx) => {
        await timeline.record(tx, [{ customerId: id, type: 'note', actorId: t.userIds['manager1'], summary: 'lost' }]);
        // Visible inside the transaction…
        expect(await tx.query('SELECT summary FROM customer_timeline WHERE customer_id = $1', [id])).toEqual([
          { summary: 'lost' },
        ]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // …and gone with it.
    expect(await timeline.list(id, 10)).toEqual([]);

    await t.dataSource.transaction((tx) =>
      timeline.record(tx, [{ customerId: id, type: 'note', actorId: t.userIds['manager1'], summary: 'kept' }]),
    );
    expect((await timeline.list(id, 10)).map((e) => e.summary)).toEqual(['kept']);
  });

  it('records nothing for no entries, and several entries in one statement', async () => {
    const id = await customer();
    await t.dataSource.transaction((tx) => timeline.record(tx, []));
    expect(await timeline.list(id, 10)).toEqual([]);
    await t.dataSource.transaction((tx) =>
      timeline.record(tx, [
        { customerId: id, type: 'a', actorId: null, summary: 'one', data: { n: 1 } },
        { customerId: id, type: 'b', actorId: null, summary: 'two' },
      ]),
    );
    // Written at the same moment: the later entry first.
    expect(await timeline.list(id, 10)).toEqual([
      { at: expect.any(String), type: 'b', actor: null, summary: 'two', data: {} },
      { at: expect.any(String), type: 'a', actor: null, summary: 'one', data: { n: 1 } },
    ]);
  });

  it('lists newest first with the actor’s name, a system entry without one, up to the limit', async () => {
    const id = await customer();
    const write = (summary: string, actorId: string | null) =>
      t.dataSource.transaction((tx) => timeline.record(tx, [{ customerId: id, type: 'note', actorId, summary }]));
    await write('by manager1', t.userIds['manager1']);
    await write('by the scoring job', null);
    await write('by the leader', t.userIds['leader']);
    // An entry dated earlier than every other, though written last.
    await write('back-dated', t.userIds['admin']);
    await t.dataSource.query(
      `UPDATE customer_timeline SET at = now() - interval '1 day' WHERE customer_id = $1 AND summary = 'back-dated'`,
      [id],
    );

    const entries = await timeline.list(id, 10);
    expect(entries.map((e) => e.summary)).toEqual(['by the leader', 'by the scoring job', 'by manager1', 'back-dated']);
    expect(entries[0].actor).toEqual({ id: t.userIds['leader'], displayName: 'Leader' });
    expect(entries[1].actor).toBeNull();
    expect(entries[2].actor).toEqual({ id: t.userIds['manager1'], displayName: 'Manager One' });
    expect(Date.parse(entries[0].at)).toBeGreaterThanOrEqual(Date.parse(entries[1].at));
    expect((await timeline.list(id, 2)).map((e) => e.summary)).toEqual(['by the leader', 'by the scoring job']);
  });

  it('lists only the customer’s own entries', async () => {
    const [a, b] = [await customer(), await customer()];
    await t.dataSource.transaction((tx) =>
      timeline.record(tx, [
        { customerId: a, type: 'note', actorId: null, summary: 'for a' },
        { customerId: b, type: 'note', actorId: null, summary: 'for b' },
      ]),
    );
    expect((await timeline.list(a, 10)).map((e) => e.summary)).toEqual(['for a']);
    expect((await timeline.list(b, 10)).map((e) => e.summary)).toEqual(['for b']);
  });
});
