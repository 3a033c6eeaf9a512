import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { CustomersModule } from '../index';

describe('customers: the global search (GET /customers/lookup)', () => {
  let t: TestApp;
  let mine: { id: string; accountNo: string; creditCode: string };
  let theirs: { id: string; accountNo: string };
  const lookup = (q: string, as = 'manager1') =>
    t.request('GET', `/customers/lookup?q=${encodeURIComponent(q)}`, { as });

  beforeAll(async () => {
    t = await createTestApp([CustomersModule]);
    mine = await createCustomer(t, 'manager1', {
      accountNo: '5500000001',
      name: '瑞安鸿昌鞋业有限公司',
      contacts: [{ name: '周文', phone: '13911112222', role: '总经理' }],
    });
    await createCustomer(t, 'manager1', { accountNo: '5500000002', name: '乐清正和电气有限公司' });
    theirs = await createCustomer(t, 'manager2', {
      accountNo: '5500000003',
      name: '温州鸿昌物流有限公司',
      contacts: [{ name: '李娜', phone: '13911113333', role: '财务' }],
    });
  });
  afterAll(() => t.close());

  it('finds by a fragment of the name, naming the field, within the account manager scope', async () => {
    const res = await lookup('鸿昌');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: mine.id,
        name: '瑞安鸿昌鞋业有限公司',
        accountNo: '5500000001',
        field: 'name',
        value: '瑞安鸿昌鞋业有限公司',
        contactName: null,
      },
    ]);
    const all = await lookup('鸿昌', 'leader');
    expect(all.body.map((h: { id: string }) => h.id).sort()).toEqual([mine.id, theirs.id].sort());
  });

  it('finds by the start of an account number, in order, each customer once', async () => {
    const res = await lookup('55000000');
    expect(res.body.map((h: { accountNo: string; field: string }) => [h.accountNo, h.field])).toEqual([
      ['5500000001', 'accountNo'],
      ['5500000002', 'accountNo'],
    ]);
    expect((await lookup('55000000', 'admin')).body).toHaveLength(3);
  });

  it('answers at most ten customers', async () => {
    for (let i = 10; i < 22; i++) await createCustomer(t, 'manager1', { accountNo: `55110000${i}` });
    const res = await lookup('5511');
    expect(res.body.map((h: { accountNo: string }) => h.accountNo)).toEqual(
      Array.from({ length: 10 }, (_, i) => `55110000${i + 10}`),
    );
  });

  it('finds by the start of a credit code, in any case', async () => {
    const res = await lookup(mine.creditCode.slice(0, 16).toLowerCase());
    expect(res.body.map((h: { id: string; field: string }) => [h.id, h.field])).toContainEqual([mine.id, 'creditCode']);
  });

  it('finds by the start of a contact phone, with whose phone it is', async () => {
    expect((await lookup('1391111')).body).toEqual([
      {
        id: mine.id,
        name: '瑞安鸿昌鞋业有限公司',
        accountNo: '5500000001',
        field: 'phone',
        value: '13911112222',
        contactName: '周文',
      },
    ]);
    const other = await lookup('13911113333', 'manager2');
    expect(other.body.map((h: { id: string }) => h.id)).toEqual([theirs.id]);
  });

  it('finds nothing of another manager and treats LIKE wildcards as plain characters', async () => {
    expect((await lookup('5500000003')).body).toEqual([]);
    expect((await lookup('13911113333')).body).toEqual([]);
    expect((await lookup('%%', 'admin')).body).toEqual([]);
    expect((await lookup('__', 'admin')).body).toEqual([]);
  });

  it('refuses a term shorter than two characters with 400 naming q, and finds nothing without a term', async () => {
    for (const q of ['鸿', ' 5 ']) {
      const res = await lookup(q);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('q');
    }
    const none = await t.request('GET', '/customers/lookup', { as: 'manager1' });
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);
  });
});
