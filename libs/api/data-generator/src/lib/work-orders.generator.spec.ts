import limitSeed from '@crm/seeds/work-order-limits.json';
import { clockMoments, workingCalendar, WorkOrderLimitRow } from '@crm/shared/domain';
import { generateCustomers } from './customers.generator';
import { generateWorkOrders, keptClockOutcomes } from './work-orders.generator';

describe('generateWorkOrders', () => {
  const now = new Date('2026-11-20T04:00:00Z');
  const calendar = workingCalendar([{ date: '2026-10-01', working: false }], [2025, 2026]);
  const customers = generateCustomers({ seed: 5, count: 3000, managers: 8, now });
  const limits = limitSeed.limits as unknown as WorkOrderLimitRow[];
  const options = { seed: 5, customers, months: 24, limits, calendar, staff: 2, now };
  const orders = generateWorkOrders(options);
  const share = (test: (o: (typeof orders)[number]) => boolean) => orders.filter(test).length / orders.length;

  it('is deterministic for a seed', () => {
    expect(generateWorkOrders(options)).toEqual(orders);
  });

  it('gives the customers a realistic area mix', () => {
    const urban = customers.filter((c) => c.area === 'urban').length / customers.length;
    const remote = customers.filter((c) => c.area === 'remote').length / customers.length;
    expect(urban).toBeGreaterThan(0.55);
    expect(urban).toBeLessThan(0.65);
    expect(remote).toBeGreaterThan(0.07);
    expect(remote).toBeLessThan(0.13);
  });

  it('makes one to three orders per customer and year, mostly inquiries and service requests', () => {
    const open = customers.filter((c) => c.stage !== 'closed').length;
    expect(orders.length / open / 2).toBeGreaterThan(1.2);
    expect(orders.length / open / 2).toBeLessThan(2.2);
    expect(share((o) => o.type === 'inquiry' || o.type === 'service_request')).toBeGreaterThan(0.6);
    expect(share((o) => o.type === 'complaint')).toBeGreaterThan(0.02);
    expect(share((o) => o.type === 'complaint')).toBeLessThan(0.07);
    expect(share((o) => o.state === 'closed')).toBeGreaterThan(0.9);
    expect(orders.some((o) => o.state !== 'closed')).toBe(true);
    expect(orders.some((o) => o.urges === 3 && o.escalationReasons.includes('repeated_urges'))).toBe(true);
    expect(
      orders.some((o) => o.channel === 'regulator_12398' && o.escalatedAt?.getTime() === o.receivedAt.getTime()),
    ).toBe(true);
    // A few forgotten orders: urged, never contacted, still open (the audit's urged_without_contact).
    const forgotten = orders.filter((o) => o.state === 'open' && !o.contactedAt && o.urges > 0);
    expect(forgotten.length).toBeGreaterThan(5);
    expect(forgotten.length).toBeLessThan(orders.length * 0.005);
    const contradicted = orders.filter((o) => o.contradictedAt);
    expect(contradicted.length).toBeGreaterThan(0);
    expect(contradicted.length).toBeLessThan(orders.length * 0.01);
  });

  it('walks each order as the API does: clocks from the domain rule, events in order, nothing in the future', () => {
    for (const o of orders) {
      const times = o.events.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
      expect(o.events[0]).toMatchObject({ kind: 'received', at: o.receivedAt });
      for (const k of o.clocks) {
        const m = clockMoments(k.startedAt, k.limit, k.unit, calendar);
        expect([k.warnAt, k.dueAt]).toEqual([m.warnAt, m.dueAt]);
        if (k.stoppedAt) expect(k.stoppedAt.getTime()).toBeGreaterThanOrEqual(k.startedAt.getTime());
      }
      const contact = o.clocks.find((k) => k.clockKind === 'contact');
      if (o.period === 1) expect(contact?.stoppedAt ?? null).toEqual(o.contactedAt);
      if (o.state === 'closed') {
        expect(o.clocks.every((k) => k.stoppedAt)).toBe(true);
        const callback = o.events.filter((e) => e.kind === 'callback').pop();
        expect(callback).toMatchObject({ by: 'staff', details: { solved: true } });
        expect(o.satisfaction).toBeGreaterThanOrEqual(1);
      }
      if (o.type === 'complaint' && o.handledAt) expect(o.cause && o.accountability).toBeTruthy();
    }
    const closed = orders.filter((o) => o.state === 'closed');
    expect(closed.filter((o) => (o.satisfaction ?? 0) >= 4).length / closed.length).toBeGreaterThan(0.85);
  });

  it('gives each order the outcomes it keeps of its contact clock and its current resolution clock', () => {
    const kept = orders.map((o) => ({ o, ...keptClockOutcomes(o) }));
    for (const { o, contact, resolution } of kept) {
      const clock = o.clocks.find((k) => k.clockKind === 'contact');
      expect(contact.dueAt).toEqual(clock?.dueAt ?? null);
      if (contact.outcome) expect(contact.outcome === 'late').toBe((clock?.stoppedAt ?? 0) > (clock?.dueAt ?? 0));
      else expect(clock?.stoppedAt ?? null).toBeNull();
      if (o.state === 'closed' && resolution.dueAt) expect(resolution.outcome).not.toBeNull();
    }
    // The second period's resolution clock, not the first's, on a reopened order.
    const reopened = kept.find(({ o }) => o.period === 2 && o.clocks.some((k) => k.clockKind === 'resolution_2'));
    expect(reopened).toBeDefined();
    expect(reopened?.resolution.dueAt).toEqual(reopened?.o.clocks.find((k) => k.clockKind === 'resolution_2')?.dueAt);
    expect(kept.filter((k) => k.contact.outcome === 'late').length / kept.length).toBeGreaterThan(0.03);
    expect(kept.filter((k) => k.resolution.outcome === 'met').length / kept.length).toBeGreaterThan(0.5);
  });
});
