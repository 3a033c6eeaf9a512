import {
  ELECTRICAL_CONTACT_ROLE,
  isValidCreditCode,
  isValidPhone,
  MOBILE_PATTERN,
  VOLTAGE_LEVELS_KV,
} from '@crm/shared/domain';
import { generateCustomers, MANAGER_BOOK_LIMIT, managerWeights } from './customers.generator';

describe('generateCustomers', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  const customers = generateCustomers({ seed: 1, count: 1000, managers: 8, now });

  it('is deterministic for a seed', () => {
    expect(generateCustomers({ seed: 1, count: 50, managers: 8, now })).toEqual(customers.slice(0, 50));
    expect(generateCustomers({ seed: 2, count: 50, managers: 8, now })).not.toEqual(customers.slice(0, 50));
  });

  it('makes valid, unique account numbers, names and credit codes, and valid phones', () => {
    expect(new Set(customers.map((c) => c.accountNo)).size).toBe(1000);
    expect(new Set(customers.map((c) => c.name)).size).toBe(1000);
    customers.forEach((c) => {
      expect(isValidCreditCode(c.creditCode)).toBe(true);
      c.contacts.forEach((k) => expect(isValidPhone(k.phone)).toBe(true));
    });
  });

  it('gives about one customer in seventy contact data the audit flags: no mobile, or no electrical contact', () => {
    const noMobile = customers.filter((c) => !c.contacts.some((k) => MOBILE_PATTERN.test(k.phone)));
    const noElectrical = customers.filter((c) => !c.contacts.some((k) => k.role === ELECTRICAL_CONTACT_ROLE));
    expect(noMobile.length).toBe(7);
    expect(noElectrical.length).toBe(7);
    expect(noMobile.filter((c) => noElectrical.includes(c))).toEqual([]);
  });

  it('is mostly 10 kV, with capacities that fit the voltage', () => {
    const tenKv = customers.filter((c) => c.voltageKv === 10).length / customers.length;
    expect(tenKv).toBeGreaterThan(0.7);
    expect(new Set(customers.map((c) => c.voltageKv)).size).toBeGreaterThanOrEqual(4);
    customers.forEach((c) => {
      expect(VOLTAGE_LEVELS_KV).toContain(c.voltageKv);
      if (c.voltageKv === 10) expect(c.contractCapacityKva).toBeLessThanOrEqual(32_000);
      if (c.voltageKv >= 110) expect(c.contractCapacityKva).toBeGreaterThanOrEqual(31_500);
    });
  });

  it('spreads customers over every manager, unevenly', () => {
    const counts = Array.from({ length: 8 }, (_, i) => customers.filter((c) => c.managerIndex === i).length);
    expect(Math.min(...counts)).toBeGreaterThan(40);
    expect(counts[0]).toBeGreaterThan(counts[7] * 1.8);
  });

  it('gives no manager more than about 400 customers at any scale, the demo its uneven few hundred', () => {
    // 12,000 customers over 48 managers: 250 each on average, as the bench's 1,000,000 over 4,000.
    const population = generateCustomers({ seed: 7, count: 12_000, managers: 48, now });
    const books = Array.from({ length: 48 }, () => 0);
    for (const c of population) books[c.managerIndex]++;
    expect(Math.max(...books)).toBeLessThanOrEqual(400);
    expect(Math.min(...books)).toBeGreaterThan(100);
    // The demo (1,000 customers, 8 managers) keeps its shares: nobody is capped.
    expect(managerWeights(8, 1000)).toEqual(Array.from({ length: 8 }, (_, i) => 1 / (1 + i * 0.35)));
  });

  it('caps the expected book at the limit and spreads the rest in proportion', () => {
    for (const [managers, customers] of [
      [4000, 1_000_000],
      [10, 2500],
      [9, 2001],
    ]) {
      const weights = managerWeights(managers, customers);
      const sum = weights.reduce((a, b) => a + b, 0);
      const books = weights.map((w) => (w / sum) * customers);
      expect(Math.max(...books)).toBeCloseTo(MANAGER_BOOK_LIMIT, 6);
      expect(books.every((b, i) => i === 0 || b <= books[i - 1] + 1e-9)).toBe(true);
    }
  });
});
