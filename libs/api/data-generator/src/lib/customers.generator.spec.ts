import {
  ELECTRICAL_CONTACT_ROLE,
  isValidCreditCode,
  isValidPhone,
  MOBILE_PATTERN,
  VOLTAGE_LEVELS_KV,
} from '@crm/shared/domain';
import { generateCustomers } from './customers.generator';

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
});
