import { addCalendarDays } from '@crm/shared/domain';
import { generateCustomers } from './customers.generator';
import { generateOperationalData, settlementOf } from './operational.generator';
import { Random } from './random';

describe('generateOperationalData', () => {
  const now = new Date('2026-11-20T04:00:00Z');
  const customers = generateCustomers({ seed: 5, count: 800, managers: 8, now });
  const all = (seed: number) => {
    const r = new Random(seed);
    return customers.map((c) => generateOperationalData(r, c, 24, now));
  };
  const data = all(5);

  it('is deterministic for a seed', () => {
    expect(all(5)).toEqual(data);
  });

  it('covers the 24 months before this one for an active customer connected long ago, none for one still applying', () => {
    const i = customers.findIndex((c) => c.stage === 'active' && c.createdAt < new Date('2024-01-01'));
    expect(data[i].consumption.map((m) => m.period)[0]).toBe('2024-11-01');
    expect(data[i].consumption.at(-1)?.period).toBe('2026-10-01');
    expect(data[i].bills).toHaveLength(24);
    const applying = customers.findIndex((c) => c.stage === 'applying');
    expect(data[applying].consumption).toEqual([]);
  });

  it('keeps demand within capacity and the power factor plausible', () => {
    data.forEach((d, i) =>
      d.consumption.forEach((m) => {
        expect(m.maxDemandKw).toBeLessThanOrEqual(customers[i].contractCapacityKva);
        expect(m.powerFactor).toBeGreaterThan(0.69);
        expect(m.powerFactor).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('makes most bills paid on time, some late, a few unpaid, and rare anomalies', () => {
    const bills = data.flatMap((d) =>
      d.bills.filter((b) => b.amount > 0).map((b) => ({ b, paid: d.payments.filter((p) => p.period === b.period) })),
    );
    const late =
      bills.filter(({ b, paid }) => paid.length && (paid.at(-1)?.paidAt ?? '') > b.dueDate).length / bills.length;
    const unpaid = bills.filter(({ paid }) => !paid.length).length / bills.length;
    expect(late).toBeGreaterThan(0.03);
    expect(late).toBeLessThan(0.2);
    expect(unpaid).toBeGreaterThan(0);
    expect(unpaid).toBeLessThan(0.05);
    const zeroMonths = data.filter((d) => d.consumption.some((m) => m.kwh === 0)).length;
    expect(zeroMonths).toBeGreaterThan(0);
    expect(data.some((d) => d.violations.length)).toBe(true);
  });

  it('puts last month of a few active customers out of line with the same month a year before', () => {
    const outOfLine = data.filter((d, i) => {
      const last = d.consumption.at(-1);
      const lastYear = d.consumption.find((m) => m.period === '2025-10-01');
      return (
        customers[i].stage === 'active' &&
        last?.period === '2026-10-01' &&
        lastYear &&
        last.kwh > 0 &&
        (last.kwh < lastYear.kwh * 0.3 || last.kwh > lastYear.kwh * 3)
      );
    }).length;
    expect(outOfLine).toBeGreaterThan(0);
    expect(outOfLine).toBeLessThan(customers.length * 0.03);
  });

  it('disconnects a few without the full 7 days of notice, and restores some after the arrears are paid', () => {
    const disconnections = data.flatMap((d) => d.disconnections.map((x) => ({ d, x })));
    const done = disconnections.filter(({ x }) => x.disconnectedOn);
    expect(
      done.filter(({ x }) => addCalendarDays(x.noticeDate, 7) > (x.disconnectedOn as string)).length,
    ).toBeGreaterThan(0);
    const restored = done.filter(({ x }) => x.restoredOn);
    expect(restored.length).toBeGreaterThan(0);
    expect(restored.length).toBeLessThan(done.length);
    for (const { d, x } of restored) {
      // Every bill due before the disconnection is settled by the day power came back.
      for (const b of d.bills.filter((b) => b.amount > 0 && b.dueDate < (x.disconnectedOn as string))) {
        const s = settlementOf(
          b.amount,
          d.payments.filter((p) => p.period === b.period),
        );
        expect(s.settledOn !== null && s.settledOn <= (x.restoredOn as string)).toBe(true);
      }
    }
  });

  it('shows the Spring Festival dip of factories', () => {
    const feb = data.flatMap((d, i) =>
      customers[i].industry === '38' ? d.consumption.filter((m) => m.period.endsWith('-02-01')) : [],
    );
    const mar = data.flatMap((d, i) =>
      customers[i].industry === '38' ? d.consumption.filter((m) => m.period.endsWith('-03-01')) : [],
    );
    const avg = (ms: { kwh: number }[]) => ms.reduce((s, m) => s + m.kwh, 0) / ms.length;
    expect(avg(feb)).toBeLessThan(avg(mar) * 0.8);
  });
});

describe('settlementOf', () => {
  it('settles a bill on the day its payments, by date, reach the amount', () => {
    const pay = (paidAt: string, amount: number) => ({ period: '2026-01-01', paidAt, amount });
    expect(settlementOf(100.1, [pay('2026-02-20', 30.05), pay('2026-02-10', 70.05)])).toEqual({
      paidAmount: 100.1,
      lastPaidAt: '2026-02-20',
      settledOn: '2026-02-20',
    });
    expect(settlementOf(100, [pay('2026-02-10', 100), pay('2026-03-01', 5)])).toEqual({
      paidAmount: 105,
      lastPaidAt: '2026-03-01',
      settledOn: '2026-02-10',
    });
    expect(settlementOf(100, [pay('2026-02-10', 40)])).toEqual({
      paidAmount: 40,
      lastPaidAt: '2026-02-10',
      settledOn: null,
    });
    expect(settlementOf(0, [])).toEqual({ paidAmount: 0, lastPaidAt: null, settledOn: null });
  });
});
