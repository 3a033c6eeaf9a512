import { CustomersModule } from '@crm/api/customers';
import { JobsService } from '@crm/api/jobs';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { MessagesModule, OutboxService, OutgoingMessage } from '../index';

/** A gateway for the test: records what it is given, and refuses the recipients of `refuse`. */
function recordingSender(refuse: Set<string> = new Set()) {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    send: async (message: OutgoingMessage) => {
      if (refuse.has(message.recipient)) throw new Error(`${message.recipient} unreachable`);
      sent.push(message);
    },
  };
}

describe('OutboxService: queued messages to customers, sent through the sender', () => {
  let t: TestApp;
  const outbox = (sender: { send: (m: OutgoingMessage) => Promise<void> }) =>
    new OutboxService(t.dataSource, t.app.get(JobsService), sender);
  const messagesOf = async (customerId: string) =>
    (await t.request('GET', `/customers/${customerId}/messages`, { as: 'admin' })).body;
  /** Queues an outage notice to each of `customers` (phone numbers as given) as manager1. */
  async function queueNotices(phones: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const phone of phones) {
      const c = await createCustomer(t, 'manager1', { contacts: [{ name: '陈国强', phone, role: '电气负责人' }] });
      ids.push(c.id);
    }
    const res = await t.request('POST', '/messages/outage-notices', {
      as: 'manager1',
      body: {
        customerIds: ids,
        startsAt: '2027-01-10T08:00:00+08:00',
        endsAt: '2027-01-10T18:00:00+08:00',
        reason: '线路检修',
      },
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ queued: phones.length });
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, MessagesModule]);
  });
  afterAll(() => t.close());

  it('queues a notice per customer, pending, and sends it once through the sender', async () => {
    const [id] = await queueNotices(['13900000001']);
    const [queued] = await messagesOf(id);
    expect(queued).toMatchObject({
      kind: 'outage_notice',
      channel: 'sms',
      recipient: '13900000001',
      state: 'pending',
      attempts: 0,
      sentAt: null,
    });
    expect(queued.body).toContain('线路检修');
    expect(queued.body).toContain('01月10日 08:00');

    const sender = recordingSender();
    expect(await outbox(sender).sendPending()).toEqual({ sent: 1, failed: 0 });
    expect(sender.sent).toEqual([{ channel: 'sms', recipient: '13900000001', body: queued.body }]);
    expect(await outbox(sender).sendPending()).toEqual({ sent: 0, failed: 0 });
    expect(sender.sent).toHaveLength(1);
    const [sent] = await messagesOf(id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, lastError: null, sentAt: expect.any(String) });
  });

  it('tries a refused message three times, then marks it failed with the error; the others go out', async () => {
    const [refused, fine] = await queueNotices(['13900000002', '13900000003']);
    const sender = recordingSender(new Set(['13900000002']));
    expect(await outbox(sender).sendPending()).toEqual({ sent: 1, failed: 0 });
    expect((await messagesOf(refused))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect(await outbox(sender).sendPending()).toEqual({ sent: 0, failed: 0 });
    expect(await outbox(sender).sendPending()).toEqual({ sent: 0, failed: 1 });
    expect((await messagesOf(refused))[0]).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'Error: 13900000002 unreachable',
      sentAt: null,
    });
    // Given up: not tried again.
    expect(await outbox(recordingSender()).sendPending()).toEqual({ sent: 0, failed: 0 });
    expect((await messagesOf(fine))[0]).toMatchObject({ state: 'sent', attempts: 1 });
    expect(sender.sent.map((m) => m.recipient)).toEqual(['13900000003']);
  });

  it('sends a message that failed once when the next try succeeds', async () => {
    const [id] = await queueNotices(['13900000004']);
    expect(await outbox(recordingSender(new Set(['13900000004']))).sendPending()).toEqual({ sent: 0, failed: 0 });
    expect(await outbox(recordingSender()).sendPending()).toEqual({ sent: 1, failed: 0 });
    expect((await messagesOf(id))[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
      lastError: 'Error: 13900000004 unreachable',
    });
  });

  it('never sends a message twice when two runs overlap: the second skips what the first has claimed', async () => {
    const phones = ['13900000005', '13900000006', '13900000007'];
    await queueNotices(phones);
    const sent: string[] = [];
    // The first run's sender waits at the gate, holding its claimed rows, until the second run is over.
    let entered!: () => void;
    const firstEntered = new Promise<void>((resolve) => (entered = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const first = outbox({
      send: async (m) => {
        entered();
        await gate;
        sent.push(m.recipient);
      },
    }).sendPending();
    await firstEntered;
    const second = await outbox({
      send: async (m) => {
        sent.push(m.recipient);
      },
    }).sendPending();
    expect(second).toEqual({ sent: 0, failed: 0 });
    openGate();
    expect(await first).toEqual({ sent: 3, failed: 0 });
    expect([...sent].sort()).toEqual(phones); // each once; the queue numbers them in no set order
    const states = await t.dataSource.query(
      `SELECT recipient, state, attempts FROM outbox_messages WHERE recipient = ANY($1) ORDER BY recipient`,
      [phones],
    );
    expect(states).toEqual(phones.map((recipient) => ({ recipient, state: 'sent', attempts: 1 })));
  });

  it('sends each pending message exactly once when two runs start together', async () => {
    const phones = Array.from({ length: 20 }, (_, i) => `1390000${String(100 + i).padStart(4, '0')}`);
    await queueNotices(phones);
    const sent: string[] = [];
    const sender = {
      send: async (m: OutgoingMessage) => {
        await new Promise((resolve) => setImmediate(resolve));
        sent.push(m.recipient);
      },
    };
    const results = await Promise.all([outbox(sender).sendPending(), outbox(sender).sendPending()]);
    expect(results[0].sent + results[1].sent).toBe(20);
    expect([...sent].sort()).toEqual([...phones].sort());
  });
});
