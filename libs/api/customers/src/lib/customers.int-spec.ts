import { AuditModule } from '@crm/api/audit';
import { DataScope } from '@crm/api/auth';
import { createCustomer, createTestApp, customerBody as newCustomer, TestApp, englishDetails } from '@crm/api/testing';
import { CUSTOMER_SORTS } from '@crm/shared/domain';
import { customerPageStatement, CustomerQueryDto, CustomersModule } from '../index';

describe('customers: registry, scope, locking, timeline, audit', () => {
  let t: TestApp;
  const create = (as: string, overrides: Record<string, unknown> = {}) => createCustomer(t, as, overrides);
  const countCustomers = async () => Number((await t.dataSource.query('SELECT count(*) FROM customers'))[0].count);

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, AuditModule]);
  });
  afterAll(() => t.close());

  describe('create and read', () => {
    it('creates a customer owned by the account manager who creates it, as API.md shows it', async () => {
      const body = newCustomer();
      const res = await t.request('POST', '/customers', { as: 'manager1', body });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ...body,
        stage: 'applying',
        version: 1,
        accountManager: { id: t.userIds['manager1'], displayName: 'Manager One' },
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const read = await t.request('GET', `/customers/${res.body.id}`, { as: 'manager1' });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('lets an admin create a customer for a chosen manager, and requires that choice', async () => {
      const missing = await t.request('POST', '/customers', { as: 'admin', body: newCustomer() });
      expect(missing.status).toBe(400);
      expect(missing.body.details[0].field).toBe('managerId');
      const notAManager = await t.request('POST', '/customers', {
        as: 'admin',
        body: newCustomer({ managerId: t.userIds['leader'] }),
      });
      expect(notAManager.status).toBe(400);
      const ok = await create('admin', { managerId: t.userIds['manager2'] });
      expect(ok.accountManager.id).toBe(t.userIds['manager2']);
    });

    it('refuses marketing staff, who only read', async () => {
      expect((await t.request('POST', '/customers', { as: 'marketing', body: newCustomer() })).status).toBe(403);
    });

    it('answers 409 for a taken account number and writes nothing', async () => {
      const first = await create('manager1');
      const before = await countCustomers();
      const res = await t.request('POST', '/customers', {
        as: 'manager1',
        body: newCustomer({ accountNo: first.accountNo }),
      });
      expect(res.status).toBe(409);
      expect(englishDetails(res.body.details)).toEqual([{ field: 'accountNo', message: 'is taken already' }]);
      expect(await countCustomers()).toBe(before);
    });

    it('answers two simultaneous creations of one account number with 201 and a 409 naming accountNo, not the database text', async () => {
      const body = newCustomer();
      const results = await Promise.all([1, 2].map(() => t.request('POST', '/customers', { as: 'manager1', body })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = results.find((r) => r.status === 409);
      expect(englishDetails(refused?.body.details)).toEqual([{ field: 'accountNo', message: 'is taken already' }]);
      expect(refused?.body.message).not.toMatch(/Key \(|account_no/);
    });

    it('refuses a name, region, address or contact name of white space only, naming each, and writes nothing', async () => {
      const before = await countCustomers();
      const res = await t.request('POST', '/customers', {
        as: 'manager1',
        body: newCustomer({
          name: '   ',
          region: ' ',
          address: '\t ',
          contacts: [{ name: '  ', phone: '13857712345', role: '电气负责人' }],
        }),
      });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
        'address',
        'contacts.0.name',
        'name',
        'region',
      ]);
      expect(await countCustomers()).toBe(before);
    });

    it('has no delete route', async () => {
      const c = await create('manager1');
      expect((await t.request('DELETE', `/customers/${c.id}`, { as: 'admin' })).status).toBe(404);
      expect(await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).toMatchObject({ status: 200 });
    });
  });

  describe('validation: every field, a 400 naming it, nothing written', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['accountNo', { accountNo: '12ab' }],
      ['accountNo', { accountNo: undefined }],
      ['name', { name: 'x' }],
      ['name', { name: 'x'.repeat(101) }],
      ['creditCode', { creditCode: '91350100M000100Y44' }],
      ['creditCode', { creditCode: '123' }],
      ['industry', { industry: 'ZZ' }],
      ['voltageKv', { voltageKv: 15 }],
      ['voltageKv', { voltageKv: '10' }],
      ['contractCapacityKva', { contractCapacityKva: 0 }],
      ['contractCapacityKva', { contractCapacityKva: 'big' }],
      ['tariffCategory', { tariffCategory: 'household' }],
      ['region', { region: '' }],
      ['address', { address: '' }],
      ['importance', { importance: 'vip' }],
      ['contacts', { contacts: 'nobody' }],
      ['contacts.0.name', { contacts: [{ name: '', phone: '13857712345', role: '电工' }] }],
      ['contacts.0.phone', { contacts: [{ name: '李', phone: '12345', role: '电工' }] }],
      ['contacts.0.email', { contacts: [{ name: '李', phone: '13857712345', email: 'not-mail', role: '电工' }] }],
      ['contacts.0.role', { contacts: [{ name: '李', phone: '13857712345' }] }],
      ['tags', { tags: 'a,b' }],
      ['tags', { tags: [''] }],
      ['managerId', { managerId: 'not-a-uuid' }],
      ['stage', { stage: 'active' }],
    ];
    it.each(cases)('rejects a bad %s on create', async (field, overrides) => {
      const before = await countCustomers();
      const res = await t.request('POST', '/customers', { as: 'manager1', body: newCustomer(overrides) });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await countCustomers()).toBe(before);
    });

    it.each(cases.filter(([field]) => !['accountNo', 'managerId', 'stage'].includes(field)))(
      'rejects a bad %s on update and changes nothing',
      async (field, overrides) => {
        const c = await create('manager1');
        const res = await t.request('PATCH', `/customers/${c.id}`, {
          as: 'manager1',
          body: { version: 1, ...overrides },
        });
        expect(res.status).toBe(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
        expect((await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).body).toEqual(c);
      },
    );

    it('rejects an update without a version, and one that tries to change the account number', async () => {
      const c = await create('manager1');
      const noVersion = await t.request('PATCH', `/customers/${c.id}`, {
        as: 'manager1',
        body: { name: '新名称有限公司' },
      });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.details[0].field).toBe('version');
      const accountNo = await t.request('PATCH', `/customers/${c.id}`, {
        as: 'manager1',
        body: { version: 1, accountNo: '3309999999' },
      });
      expect(accountNo.status).toBe(400);
    });
  });

  describe('one manager: scope and the database', () => {
    it('answers 404 on every customer route to an account manager who does not own the customer', async () => {
      const c = await create('manager1');
      const routes: [string, string, unknown?][] = [
        ['GET', `/customers/${c.id}`],
        ['PATCH', `/customers/${c.id}`, { version: 1, name: '别人的客户有限公司' }],
        ['GET', `/customers/${c.id}/timeline`],
      ];
      for (const [method, path, body] of routes) {
        const res = await t.request(method, path, { as: 'manager2', body });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      }
      expect((await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).body.name).toBe(c.name);
    });

    it('lists only the account manager’s own customers', async () => {
      const mine = await create('manager2');
      const list = await t.request('GET', '/customers?pageSize=500', { as: 'manager2' });
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(
        list.body.items.every((c: { accountManager: { id: string } }) => c.accountManager.id === t.userIds['manager2']),
      ).toBe(true);
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(mine.id);
      const others = await t.request('GET', `/customers?managerId=${t.userIds['manager1']}`, { as: 'manager2' });
      expect(others.body).toMatchObject({ items: [], total: 0 });
    });

    it('refuses a customer without a manager unless it is closed, and an owner who is not an account manager', async () => {
      const c = await create('manager1');
      await expect(
        t.dataSource.query('UPDATE customers SET account_manager_id = NULL WHERE id = $1', [c.id]),
      ).rejects.toThrow(/customers_managed_unless_closed/);
      await expect(
        t.dataSource.query('UPDATE customers SET account_manager_id = $2 WHERE id = $1', [
          c.id,
          t.userIds['marketing'],
        ]),
      ).rejects.toThrow(/not an active account manager/);
    });
  });

  describe('optimistic locking', () => {
    it('lets exactly one of two writers with the same version win; the other gets 409 and changes nothing', async () => {
      const c = await create('manager1');
      const [a, b] = await Promise.all([
        t.request('PATCH', `/customers/${c.id}`, { as: 'manager1', body: { version: 1, name: '写入者甲有限公司' } }),
        t.request('PATCH', `/customers/${c.id}`, { as: 'admin', body: { version: 1, name: '写入者乙有限公司' } }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.body : b.body;
      const after = (await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body;
      expect(after.version).toBe(2);
      expect(after.name).toBe(winner.name);
      const updates = (await t.request('GET', `/customers/${c.id}/timeline`, { as: 'admin' })).body.filter(
        (e: { type: string }) => e.type === 'updated',
      );
      expect(updates).toHaveLength(1);
    });

    it('answers a stale version with 409 naming both versions', async () => {
      const c = await create('manager1');
      await t.request('PATCH', `/customers/${c.id}`, { as: 'manager1', body: { version: 1, address: '新地址 2 号' } });
      const stale = await t.request('PATCH', `/customers/${c.id}`, {
        as: 'manager1',
        body: { version: 1, address: '旧地址' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toMatch(/you sent version 1, the current version is 2/);
    });
  });

  describe('timeline', () => {
    it('records creation, each field change with before and after, newest first', async () => {
      const c = await create('manager1');
      const contacts = [{ name: '王芳', phone: '0577-88881234', email: null, role: '财务负责人' }];
      const res = await t.request('PATCH', `/customers/${c.id}`, {
        as: 'manager1',
        body: { version: 1, contractCapacityKva: 2000, contacts, tags: ['重点用户'] },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 2, contractCapacityKva: 2000, contacts });
      const timeline = (await t.request('GET', `/customers/${c.id}/timeline`, { as: 'manager1' })).body;
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['updated', 'created']);
      expect(timeline[0]).toMatchObject({
        actor: { id: t.userIds['manager1'], displayName: 'Manager One' },
        summary: 'Changed contractCapacityKva, contacts',
        data: {
          changes: [
            { field: 'contractCapacityKva', before: 1250, after: 2000 },
            { field: 'contacts', before: c.contacts, after: contacts },
          ],
        },
      });
      expect(Date.parse(timeline[0].at)).toBeGreaterThanOrEqual(Date.parse(timeline[1].at));
    });

    it('records nothing and keeps the version when nothing changed', async () => {
      const c = await create('manager1');
      const res = await t.request('PATCH', `/customers/${c.id}`, {
        as: 'manager1',
        body: { version: 1, name: c.name },
      });
      expect(res.body.version).toBe(1);
      expect((await t.request('GET', `/customers/${c.id}/timeline`, { as: 'manager1' })).body).toHaveLength(1);
    });
  });

  describe('list: search, filters, sort, pagination', () => {
    let accountPrefix: string;
    beforeAll(async () => {
      accountPrefix = '4400';
      const rows = [
        {
          accountNo: '4400000001',
          name: '瑞安鸿昌鞋业有限公司',
          region: '瑞安市',
          voltageKv: 10,
          contractCapacityKva: 800,
          industry: '19',
        },
        {
          accountNo: '4400000002',
          name: '乐清正和电气有限公司',
          region: '乐清市',
          voltageKv: 35,
          contractCapacityKva: 16000,
          industry: '38',
        },
        {
          accountNo: '4400000003',
          name: '温州鸿昌物流有限公司',
          region: '龙湾区',
          voltageKv: 10,
          contractCapacityKva: 2500,
          industry: '59',
          contacts: [{ name: '周文', phone: '13900001111', role: '总经理' }],
        },
      ];
      for (const row of rows) await create('admin', { managerId: t.userIds['manager1'], ...row });
    });
    const list = async (query: string, as = 'leader') => (await t.request('GET', `/customers?${query}`, { as })).body;

    it('finds by part of the name, in Chinese', async () => {
      const res = await list('search=鸿昌');
      expect(res.items.map((c: { accountNo: string }) => c.accountNo).sort()).toEqual(['4400000001', '4400000003']);
      expect(res).toMatchObject({ total: 2, totalExact: true, page: 1, pageSize: 50 });
    });

    it('finds by the start of an account number, a contact phone and a credit code', async () => {
      expect((await list(`search=${accountPrefix}0000`)).total).toBe(3);
      expect((await list('search=1390000')).items.map((c: { accountNo: string }) => c.accountNo)).toEqual([
        '4400000003',
      ]);
      const any = (await list('search=4400000002')).items[0];
      expect((await list(`search=${any.creditCode}`)).items.map((c: { id: string }) => c.id)).toEqual([any.id]);
    });

    it('treats LIKE wildcards in the search as plain characters', async () => {
      expect((await list('search=%25%25')).total).toBe(0);
      expect((await list('search=_')).total).toBe(0);
    });

    it('filters by region, voltage, industry, stage and manager', async () => {
      expect(
        (await list(`search=${accountPrefix}&region=乐清市`)).items.map((c: { accountNo: string }) => c.accountNo),
      ).toEqual(['4400000002']);
      expect((await list(`search=${accountPrefix}&voltageKv=35`)).total).toBe(1);
      expect((await list(`search=${accountPrefix}&industry=59`)).total).toBe(1);
      expect((await list(`search=${accountPrefix}&stage=active`)).total).toBe(0);
      expect((await list(`search=${accountPrefix}&managerId=${t.userIds['manager1']}`)).total).toBe(3);
    });

    it('sorts both ways and pages', async () => {
      const desc = await list(`search=${accountPrefix}&sort=-contractCapacityKva`);
      expect(desc.items.map((c: { contractCapacityKva: number }) => c.contractCapacityKva)).toEqual([16000, 2500, 800]);
      const page2 = await list(`search=${accountPrefix}&sort=accountNo&page=2&pageSize=2`);
      expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page2.items.map((c: { accountNo: string }) => c.accountNo)).toEqual(['4400000003']);
      const pastTheEnd = await list(`search=${accountPrefix}&sort=accountNo&page=3&pageSize=2`);
      expect(pastTheEnd).toMatchObject({ items: [], total: 3, totalExact: true, page: 3 });
    });

    it('rejects a bad sort, page size or filter with 400', async () => {
      for (const query of ['sort=password', 'pageSize=501', 'page=0', 'voltageKv=12', 'stage=gone', 'managerId=x']) {
        expect({ query, status: (await t.request('GET', `/customers?${query}`, { as: 'leader' })).status }).toEqual({
          query,
          status: 400,
        });
      }
    });
  });

  describe('a prospective customer: no contracted capacity until it is energised', () => {
    it('registers an applying customer without a capacity, left out or null, and shows none', async () => {
      const withoutCapacity = newCustomer();
      delete withoutCapacity['contractCapacityKva'];
      const res = await t.request('POST', '/customers', { as: 'manager1', body: withoutCapacity });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ stage: 'applying', contractCapacityKva: null });
      const withNull = await t.request('POST', '/customers', {
        as: 'manager1',
        body: newCustomer({ contractCapacityKva: null }),
      });
      expect(withNull.status).toBe(201);
      expect(
        (await t.request('GET', `/customers/${withNull.body.id}`, { as: 'manager1' })).body.contractCapacityKva,
      ).toBe(null);
      // Still at least 1 when given.
      const zero = await t.request('POST', '/customers', {
        as: 'manager1',
        body: newCustomer({ contractCapacityKva: 0 }),
      });
      expect(zero.status).toBe(400);
      expect(zero.body.details[0].field).toBe('contractCapacityKva');
    });

    it('lets a capacity be set and cleared while applying, and never cleared once connected', async () => {
      const c = await create('manager1', { contractCapacityKva: null });
      const set = await t.request('PATCH', `/customers/${c.id}`, {
        as: 'manager1',
        body: { version: c.version, contractCapacityKva: 800 },
      });
      expect(set.status).toBe(200);
      expect(set.body.contractCapacityKva).toBe(800);
      const cleared = await t.request('PATCH', `/customers/${c.id}`, {
        as: 'manager1',
        body: { version: set.body.version, contractCapacityKva: null },
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.contractCapacityKva).toBeNull();

      // Connected (the lifecycle sets the stage; here the test does): the capacity is required.
      const active = await create('manager1', { contractCapacityKva: 1250 });
      await t.dataSource.query(`UPDATE customers SET stage = 'active' WHERE id = $1`, [active.id]);
      const refused = await t.request('PATCH', `/customers/${active.id}`, {
        as: 'manager1',
        body: { version: active.version, contractCapacityKva: null },
      });
      expect(refused.status).toBe(400);
      expect(englishDetails(refused.body.details)).toEqual([
        {
          field: 'contractCapacityKva',
          message: 'contractCapacityKva is required once the customer is connected; this customer is active',
        },
      ]);
      expect((await t.request('GET', `/customers/${active.id}`, { as: 'manager1' })).body.contractCapacityKva).toBe(
        1250,
      );
    });

    it('has the database refuse a connected customer without a capacity, whoever writes it', async () => {
      const c = await create('manager1', { contractCapacityKva: null });
      for (const stage of ['active', 'suspended', 'closing', 'closed'])
        await expect(
          t.dataSource.query('UPDATE customers SET stage = $2 WHERE id = $1', [c.id, stage]),
        ).rejects.toThrow(/customers_capacity_once_energised/);
      await t.dataSource.query(`UPDATE customers SET stage = 'connecting' WHERE id = $1`, [c.id]);
      expect((await t.request('GET', `/customers/${c.id}`, { as: 'manager1' })).body).toMatchObject({
        stage: 'connecting',
        contractCapacityKva: null,
      });
    });

    it('sorts customers without a capacity last, ascending and descending', async () => {
      const prefix = '4500';
      for (const [i, capacity] of [null, 630, 2000, null].entries())
        await create('manager1', { accountNo: `${prefix}00000${i}`, contractCapacityKva: capacity });
      const capacities = async (sort: string) =>
        (await t.request('GET', `/customers?search=${prefix}&sort=${sort}`, { as: 'manager1' })).body.items.map(
          (c: { accountNo: string; contractCapacityKva: number | null }) => [c.accountNo, c.contractCapacityKva],
        );
      // Among the customers without a capacity the order is the list's tie-break (the id), not the account number.
      const withoutCapacity = expect.arrayContaining([
        ['4500000000', null],
        ['4500000003', null],
      ]);
      const ascending = await capacities('contractCapacityKva');
      expect(ascending.slice(0, 2)).toEqual([
        ['4500000001', 630],
        ['4500000002', 2000],
      ]);
      expect(ascending.slice(2)).toEqual(withoutCapacity);
      const descending = await capacities('-contractCapacityKva');
      expect(descending.slice(0, 2)).toEqual([
        ['4500000002', 2000],
        ['4500000001', 630],
      ]);
      expect(descending.slice(2)).toEqual(withoutCapacity);
      expect(descending).toHaveLength(4);
    });
  });

  describe('a long list', () => {
    it('pages more than 10,000 matches in name order and says the total is an estimate', async () => {
      await t.dataSource.query(
        `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva,
                                tariff_category, region, address, stage, account_manager_id)
         SELECT '77' || lpad(i::text, 8, '0'), '长列表客户' || lpad((10050 - i)::text, 5, '0'), '91330300MA2' || lpad(i::text, 7, '0'),
                '38', 20, 630, 'large_industry', '泰顺县', '泰顺县', 'active', $1
           FROM generate_series(1, 10050) i`,
        [t.userIds['manager2']],
      );
      await t.dataSource.query('ANALYZE customers');
      const res = await t.request('GET', '/customers?region=泰顺县&voltageKv=20&sort=name&page=2&pageSize=50', {
        as: 'admin',
      });
      expect(res.status).toBe(200);
      expect(res.body.totalExact).toBe(false);
      expect(res.body.total).toBeGreaterThan(10000);
      expect(res.body.items.map((c: { name: string }) => c.name).slice(0, 2)).toEqual([
        '长列表客户00050',
        '长列表客户00051',
      ]);
      expect(res.body.items).toHaveLength(50);
      const narrowed = await t.request('GET', '/customers?region=泰顺县&voltageKv=20&search=长列表客户0999', {
        as: 'admin',
      });
      expect(narrowed.body).toMatchObject({ total: 10, totalExact: true });
    });

    it('puts the customers without a capacity last in a long list sorted by capacity, either way', async () => {
      await t.dataSource.query(
        `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva,
                                tariff_category, region, address, stage, account_manager_id)
         SELECT '78' || lpad(i::text, 8, '0'), '待定容量客户' || i, '91330300MA3' || lpad(i::text, 7, '0'),
                '38', 20, NULL, 'large_industry', '泰顺县', '泰顺县', 'applying', $1
           FROM generate_series(1, 3) i`,
        [t.userIds['manager2']],
      );
      for (const sort of ['contractCapacityKva', '-contractCapacityKva']) {
        const page = (n: number) =>
          t.request('GET', `/customers?region=泰顺县&voltageKv=20&sort=${sort}&page=${n}&pageSize=50`, { as: 'admin' });
        const first = (await page(1)).body;
        expect(first.totalExact).toBe(false);
        expect(first.items.every((c: { contractCapacityKva: number | null }) => c.contractCapacityKva === 630)).toBe(
          true,
        );
        // 10,050 customers with a capacity fill 201 pages; the three without are on page 202.
        const last = (await page(202)).body;
        expect(last.items.map((c: { contractCapacityKva: number | null }) => c.contractCapacityKva)).toEqual([
          null,
          null,
          null,
        ]);
      }
    });
  });

  describe('exact counts up to 1,000 and keyset pages', () => {
    // 1,000 customers in one region at 110 kV, with repeated names, capacities (some none yet) and times
    // (down to the microsecond), so every sort has ties that the id breaks.
    beforeAll(async () => {
      await t.dataSource.query(
        `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva,
                                tariff_category, region, address, stage, account_manager_id, created_at, updated_at)
         SELECT '79' || lpad(i::text, 8, '0'), '键集客户' || (i % 37), '91330300MA4' || lpad(i::text, 7, '0'),
                '38', 110, CASE WHEN i % 13 = 0 THEN NULL ELSE 1000 + (i % 29) * 10 END, 'large_industry',
                '文成县', '文成县', CASE WHEN i % 13 = 0 THEN 'applying' ELSE 'active' END, $1,
                timestamptz '2025-01-01 00:00:00.000001' + (i % 41) * interval '1.000001 second',
                timestamptz '2025-06-01' + (i % 7) * interval '1 microsecond'
           FROM generate_series(1, 1000) i`,
        [t.userIds['manager2']],
      );
      await t.dataSource.query('ANALYZE customers');
    });
    const list = async (query: string) => {
      const res = await t.request('GET', `/customers?region=文成县&voltageKv=110&${query}`, { as: 'admin' });
      expect(res.status).toBe(200);
      return res.body;
    };

    it('counts exactly up to 1,000 matches', async () => {
      expect(await list('pageSize=10')).toMatchObject({ total: 1000, totalExact: true, totalKind: 'exact' });
    });

    it('gives the same items in the same order by keyset as by offset, for every sort', async () => {
      for (const sort of CUSTOMER_SORTS) {
        const byOffset: string[] = [];
        for (let page = 1; page <= 5; page++) {
          byOffset.push(
            ...(await list(`sort=${sort}&page=${page}&pageSize=200`)).items.map((c: { id: string }) => c.id),
          );
        }
        const byKeyset: string[] = [];
        let body = await list(`sort=${sort}&pageSize=200`);
        for (;;) {
          byKeyset.push(...body.items.map((c: { id: string }) => c.id));
          if (!body.nextCursor) break;
          body = await list(`sort=${sort}&pageSize=200&after=${encodeURIComponent(body.nextCursor)}`);
          expect(body).toMatchObject({ total: 1000, totalExact: true });
        }
        expect({ sort, ids: byKeyset }).toEqual({ sort, ids: byOffset });
        expect(new Set(byOffset).size).toBe(1000);
      }
    });

    it('refuses a cursor that is not one of this list with 400 naming after', async () => {
      const byName = await list('sort=name&pageSize=10');
      const cursors = ['nonsense', Buffer.from('["name","x","1"]').toString('base64url'), byName.nextCursor];
      for (const after of cursors) {
        const res = await t.request(
          'GET',
          `/customers?region=文成县&sort=-createdAt&after=${encodeURIComponent(after)}`,
          { as: 'admin' },
        );
        expect({ after, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual(
          { after, status: 400, fields: ['after'] },
        );
      }
    });

    it('says more than 1,000 matches are more, without counting them', async () => {
      await create('admin', { managerId: t.userIds['manager2'], region: '文成县', voltageKv: 110 });
      const body = await list('pageSize=10');
      expect(body.totalExact).toBe(false);
      expect(body.total).toBeGreaterThan(1000);
      expect(['estimate', 'atLeast']).toContain(body.totalKind);
      expect(body.items).toHaveLength(10);
    });

    it('asks the planner for the estimate once per page, not once per row', async () => {
      await create('admin', { managerId: t.userIds['manager2'], region: '文成县', voltageKv: 110 }); // over 1,000
      const scope = DataScope.of({ id: t.userIds['admin'], username: 'admin', displayName: 'Admin', role: 'admin' });
      const filters = { page: 1, pageSize: 20, sort: 'name' } as CustomerQueryDto;
      const { sql, params } = customerPageStatement(scope, filters, null);
      const calls = await t.dataSource.transaction(async (tx) => {
        await tx.query(`SET LOCAL track_functions = 'pl'`);
        const rows = await tx.query(sql, params.values);
        expect(rows).toHaveLength(21);
        expect(rows[0].estimate).not.toBeNull();
        const [counted] = await tx.query(`SELECT pg_stat_get_xact_function_calls('plan_rows'::regproc) AS n`);
        return Number(counted.n);
      });
      expect(calls).toBe(1);
    });
  });

  describe('audit log', () => {
    it('records every write with who, what, outcome and request id, and only admins read it', async () => {
      const created = await t.request('POST', '/customers', { as: 'manager1', body: newCustomer() });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const patched = await t.request('PATCH', `/customers/${id}`, {
        as: 'manager1',
        body: { version: 1, name: '审计测试电气有限公司' },
      });
      expect(patched.status).toBe(200);
      const stale = await t.request('PATCH', `/customers/${id}`, {
        as: 'leader',
        body: { version: 1, address: '过期版本的地址' },
      });
      expect(stale.status).toBe(409);
      const failed = await t.request('POST', '/customers', { as: 'manager2', body: newCustomer({ name: 'x' }) });
      expect(failed.status).toBe(400);
      const read = await t.request('GET', `/customers/${id}`, { as: 'manager1' });
      expect(read.status).toBe(200);

      const writes = [created, patched, stale, failed];
      const requestIds = writes.map((res) => res.headers.get('x-request-id'));
      expect(new Set(requestIds).size).toBe(4);
      // The log is written once each response has gone: wait for it (2 s at most).
      type Entry = { requestId: string; method: string; path: string; status: number; user: { username: string } };
      let entries: Entry[] = [];
      for (const deadline = Date.now() + 2_000; entries.length < writes.length && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const page = (await t.request('GET', '/audit?path=/api/customers&pageSize=500', { as: 'admin' })).body;
        entries = page.items.filter(
          (e: Entry) => requestIds.includes(e.requestId) || e.path === `/api/customers/${id}`,
        );
      }
      expect(
        entries
          .map((e) => ({
            requestId: e.requestId,
            user: e.user.username,
            method: e.method,
            path: e.path,
            status: e.status,
          }))
          .sort((x, y) => requestIds.indexOf(x.requestId) - requestIds.indexOf(y.requestId)),
      ).toEqual([
        { requestId: requestIds[0], user: 'manager1', method: 'POST', path: '/api/customers', status: 201 },
        { requestId: requestIds[1], user: 'manager1', method: 'PATCH', path: `/api/customers/${id}`, status: 200 },
        { requestId: requestIds[2], user: 'leader', method: 'PATCH', path: `/api/customers/${id}`, status: 409 },
        { requestId: requestIds[3], user: 'manager2', method: 'POST', path: '/api/customers', status: 400 },
      ]);
      expect((await t.request('GET', '/audit', { as: 'leader' })).status).toBe(403);
    });

    it('refuses to change or delete audit entries', async () => {
      await expect(t.dataSource.query('UPDATE audit_log SET status = 200')).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    });
  });
});
