import { decodeCustomerCursor, encodeCustomerCursor } from './customer-cursor';

describe('customer list cursor', () => {
  const id = '0b7e3f52-2c1d-4c8e-9a51-6f7d2e4b9c10';

  it('decodes what it encodes, for the sort it was made for only', () => {
    for (const [sort, key] of [
      ['name', '温州鸿昌电气有限公司'],
      ['-contractCapacityKva', null],
      ['contractCapacityKva', '1250.50'],
      ['voltageKv', '110'],
      ['-createdAt', '1764180000123456'],
    ] as const) {
      const cursor = encodeCustomerCursor({ sort, key, id });
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCustomerCursor(cursor, sort)).toEqual({ sort, key, id });
      expect(decodeCustomerCursor(cursor, sort === 'name' ? 'accountNo' : 'name')).toBeNull();
    }
  });

  it('refuses anything else', () => {
    const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const [value, sort] of [
      ['', 'name'],
      ['not a cursor', 'name'],
      [raw({ sort: 'name', key: 'x', id }), 'name'],
      [raw(['name', 'x', 'not-a-uuid']), 'name'],
      [raw(['name', null, id]), 'name'],
      [raw(['name', 'a\u0000b', id]), 'name'],
      [raw(['voltageKv', '10; DROP', id]), 'voltageKv'],
      [raw(['createdAt', '2026-01-01', id]), 'createdAt'],
      [raw(['contractCapacityKva', 12, id]), 'contractCapacityKva'],
    ] as const) {
      expect({ value, decoded: decodeCustomerCursor(value, sort) }).toEqual({ value, decoded: null });
    }
  });
});
