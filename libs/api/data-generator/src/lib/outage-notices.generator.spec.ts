import { generateCustomers } from './customers.generator';
import { generateOutageNotices } from './outage-notices.generator';
import { Random } from './random';

describe('generateOutageNotices', () => {
  const now = new Date('2026-11-20T04:00:00Z');
  const customers = generateCustomers({ seed: 5, count: 2000, managers: 8, now });
  const all = (seed: number) => {
    const r = new Random(seed);
    return customers.map((c) => generateOutageNotices(r, c, now));
  };
  const notices = all(5);

  it('is deterministic for a seed', () => {
    expect(all(5)).toEqual(notices);
  });

  it('gives a few active customers a notice of the last 60 days to their first contact, a few of them failed', () => {
    const active = customers.filter((c) => c.stage === 'active').length;
    const given = notices.flatMap((n, i) => n.map((m) => ({ m, c: customers[i] })));
    expect(given.length / active).toBeGreaterThan(0.02);
    expect(given.length / active).toBeLessThan(0.1);
    for (const { m, c } of given) {
      expect(c.stage).toBe('active');
      expect(m.recipient).toBe(c.contacts[0].phone);
      expect(m.body).toContain(c.name);
      expect(now.getTime() - m.createdAt.getTime()).toBeLessThan(61 * 86_400_000);
      expect(m.createdAt.getTime()).toBeLessThan(now.getTime());
    }
    const failed = given.filter(({ m }) => m.state === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(given.length / 3);
    expect(failed.every(({ m }) => m.attempts === 3 && m.lastError && m.sentAt === null)).toBe(true);
  });
});
