import { CustomersModule } from '@crm/api/customers';
import { OperationalDataModule } from '@crm/api/operational-data';
import { MetricsRefreshService, ScoringModule } from '@crm/api/scoring';
import {
  createCustomer,
  createTestApp,
  csvFile,
  CUSTOMER_IMPORT_HEADER,
  customerBody,
  customerImportLine,
  englishDetails,
  TestApp,
} from '@crm/api/testing';
import { creditCodeCheckChar, creditCodeProblem, CREDIT_CODE_PROBLEMS } from '@crm/shared/domain';
import { DataImportModule } from '../index';

/** The row errors as an integrator reads them: row, field and English message. */
const englishOf = (errors: { row: number; field: string | null; message: string }[]) =>
  errors.map(({ row, field, message }) => ({ row, field, message }));

describe('CSV import of customers, consumption, bills and payments', () => {
  let t: TestApp;
  let existing: { id: string; accountNo: string; creditCode: string; name: string };
  let other: { id: string; accountNo: string };

  /** Everything the import can write, to show that a refused file wrote nothing. */
  const snapshot = async () =>
    (
      await t.dataSource.query(`
        SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM customer_contacts)::int AS contacts,
               (SELECT count(*) FROM customer_timeline)::int AS timeline,
               (SELECT coalesce(sum(version), 0) FROM customers)::int AS versions,
               (SELECT count(*) FROM consumption)::int AS consumption, (SELECT coalesce(sum(kwh), 0) FROM consumption)::text AS kwh,
               (SELECT count(*) FROM bills)::int AS bills, (SELECT coalesce(sum(amount), 0) FROM bills)::text AS billed,
               (SELECT count(*) FROM payments)::int AS payments`)
    )[0];

  const importAs = (kind: string, content: string, options: { partial?: boolean; as?: string } = {}) =>
    t.upload(`/import/${kind}${options.partial ? '?partial=true' : ''}`, content, { as: options.as ?? 'admin' });

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OperationalDataModule, ScoringModule, DataImportModule]);
    existing = await createCustomer(t, 'manager1');
    other = await createCustomer(t, 'manager2');
  });
  afterAll(() => t.close());

  describe('customers', () => {
    const header = CUSTOMER_IMPORT_HEADER;
    const fresh = [customerBody(), customerBody()] as Record<string, string>[];
    const line = (c: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
      customerImportLine({ ...c, contactName: '王芳', contactPhone: '0577-88881234', ...overrides });

    it('refuses a file with bad rows, names each row and field, and writes nothing', async () => {
      const before = await snapshot();
      const res = await importAs(
        'customers',
        csvFile(
          header,
          line(fresh[0]),
          line(fresh[1], { creditCode: fresh[1]['creditCode'].slice(0, 17) + 'Z', voltageKv: 11, industry: '9999' }),
          line(customerBody(), { managerUsername: '' }),
          line(existing, { managerUsername: 'manager2' }),
          line(customerBody(), { contactPhone: '12345', contractCapacityKva: '12.345', importance: 'vip' }),
          line(fresh[0]),
        ),
      );
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ accepted: 0, rejected: 5, inserted: 0, updated: 0 });
      expect(res.body.message).toContain('nothing was imported');
      expect(englishOf(res.body.errors)).toEqual([
        { row: 2, field: 'creditCode', message: CREDIT_CODE_PROBLEMS.shape },
        { row: 2, field: 'industry', message: 'is not a GB/T 4754-2017 industry code' },
        { row: 2, field: 'voltageKv', message: 'must be one of 10, 20, 35, 66, 110, 220, 330, 500' },
        { row: 3, field: 'managerUsername', message: 'is required for a new customer' },
        {
          row: 4,
          field: 'managerUsername',
          message: 'is not the current account manager; customers move to another manager by a handover',
        },
        { row: 5, field: 'contactPhone', message: expect.stringContaining('must be a mainland mobile number') },
        { row: 5, field: 'contractCapacityKva', message: 'may have at most 2 decimals' },
        { row: 5, field: 'importance', message: expect.stringContaining('must be one of none') },
        { row: 6, field: 'accountNo', message: 'repeats the accountNo of row 1' },
      ]);
      // People read them by message code, in their language.
      expect(res.body.errors.map((e: { code: string; params: object }) => [e.code, e.params])).toEqual([
        ['creditCode.shape', {}],
        ['import.unknownIndustry', {}],
        ['import.oneOf', { values: '10, 20, 35, 66, 110, 220, 330, 500' }],
        ['import.managerRequired', {}],
        ['import.notCurrentManager', {}],
        ['phone.format', {}],
        ['import.decimals', { limit: 2 }],
        ['import.oneOf', { values: expect.stringContaining('none') }],
        ['import.repeatsKey', { key: 'accountNo', row: 1 }],
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('imports new customers, keeps unchanged ones, and a re-import changes nothing', async () => {
      const file = csvFile(
        header,
        line(fresh[0]),
        line(fresh[1], { importance: '' }),
        line(existing, { contactName: '陈国强', contactPhone: '13857712345' }),
      );
      const first = await importAs('customers', file);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ accepted: 3, rejected: 0, inserted: 2, updated: 0, unchanged: 1, errors: [] });

      const [row] = await t.dataSource.query(
        `SELECT c.stage, c.importance, u.username, k.name AS contact, k.phone, c.version,
                (SELECT count(*)::int FROM customer_timeline WHERE customer_id = c.id AND type = 'created') AS created
           FROM customers c JOIN users u ON u.id = c.account_manager_id
           JOIN customer_contacts k ON k.customer_id = c.id AND k.position = 0
          WHERE c.account_no = $1`,
        [fresh[1]['accountNo']],
      );
      expect(row).toEqual({
        stage: 'active',
        importance: 'none',
        username: 'manager1',
        contact: '王芳',
        phone: '0577-88881234',
        version: 1,
        created: 1,
      });

      const before = await snapshot();
      const again = await importAs('customers', file);
      expect(again.body).toMatchObject({ accepted: 3, inserted: 0, updated: 0, unchanged: 3 });
      expect(await snapshot()).toEqual(before);
    });

    it('updates what changed, bumps the version and records the change on the timeline', async () => {
      const res = await importAs(
        'customers',
        csvFile(
          header,
          line(existing, {
            contractCapacityKva: 2000,
            contactName: '陈国强',
            contactPhone: '13857700000',
            managerUsername: '',
          }),
        ),
      );
      expect(res.body).toMatchObject({ accepted: 1, inserted: 0, updated: 1, unchanged: 0 });
      const customer = await t.request('GET', `/customers/${existing.id}`, { as: 'admin' });
      expect(customer.body).toMatchObject({ contractCapacityKva: 2000, version: 2 });
      expect(customer.body.contacts[0]).toMatchObject({ name: '陈国强', phone: '13857700000' });
      const timeline = await t.request('GET', `/customers/${existing.id}/timeline`, { as: 'admin' });
      expect(timeline.body[0]).toMatchObject({
        type: 'updated',
        summary: 'Changed contactPhone, contractCapacityKva (import)',
      });
      expect(timeline.body[0].data.changes).toEqual([
        { field: 'contactPhone', before: '13857712345', after: '13857700000' },
        { field: 'contractCapacityKva', before: 1250, after: 2000 },
      ]);
    });

    it('imports the good rows only with ?partial=true', async () => {
      const good = customerBody();
      const bad = customerBody();
      const res = await importAs('customers', csvFile(header, line(bad, { name: 'X' }), line(good)), { partial: true });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        accepted: 1,
        rejected: 1,
        inserted: 1,
        errors: [
          {
            row: 1,
            field: 'name',
            message: 'must have at least 2 characters',
            code: 'import.minLength',
            params: { limit: 2 },
          },
        ],
      });
      const found = await t.dataSource.query('SELECT account_no FROM customers WHERE account_no = ANY($1)', [
        [good['accountNo'], bad['accountNo']],
      ]);
      expect(found).toEqual([{ account_no: good['accountNo'] }]);
    });

    it('leaves the capacity empty only for a customer here already and not yet energised', async () => {
      // A prospective customer (applying) and one with the capacity it was registered with, then an active one.
      const prospect = await createCustomer(t, 'manager1', { contractCapacityKva: null });
      const applying = await createCustomer(t, 'manager1', { contractCapacityKva: 630 });
      const connected = await createCustomer(t, 'manager1', { contractCapacityKva: 800 });
      await t.dataSource.query(`UPDATE customers SET stage = 'active' WHERE id = $1`, [connected.id]);
      const newcomer = customerBody();
      const before = await snapshot();
      const refused = await importAs(
        'customers',
        csvFile(
          header,
          line(prospect, { contractCapacityKva: '' }),
          line(connected, { contractCapacityKva: '' }),
          line(newcomer, { contractCapacityKva: ' ' }),
        ),
      );
      expect(refused.status).toBe(422);
      const required = 'is required for a connected customer (a new customer is imported as connected)';
      expect(englishOf(refused.body.errors)).toEqual([
        { row: 2, field: 'contractCapacityKva', message: required },
        { row: 3, field: 'contractCapacityKva', message: required },
      ]);
      expect(await snapshot()).toEqual(before);

      const res = await importAs(
        'customers',
        csvFile(
          header,
          line(prospect, { contractCapacityKva: '' }),
          line(applying, { contractCapacityKva: '' }),
          line(connected, { contractCapacityKva: '1000' }),
        ),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accepted: 3, rejected: 0, inserted: 0 });
      const capacities = await t.dataSource.query(
        `SELECT account_no, contract_capacity_kva::float8 AS capacity FROM customers WHERE id = ANY($1) ORDER BY account_no`,
        [[prospect.id, applying.id, connected.id]],
      );
      expect(capacities).toEqual([
        { account_no: prospect.accountNo, capacity: null },
        { account_no: applying.accountNo, capacity: null },
        { account_no: connected.accountNo, capacity: 1000 },
      ]);
      const [change] = (await t.request('GET', `/customers/${applying.id}/timeline`, { as: 'manager1' })).body;
      expect(change.data.changes).toContainEqual({ field: 'contractCapacityKva', before: 630, after: null });
      // Again: nothing to change, the empty capacity included.
      const again = await importAs('customers', csvFile(header, line(prospect, { contractCapacityKva: '' })));
      expect(again.body).toMatchObject({ accepted: 1, inserted: 0, updated: 0, unchanged: 1 });
    });

    it('checks credit codes in SQL exactly as the shared rule does', async () => {
      const first17 = '91330300MA2H0Q1K7';
      const valid = first17 + creditCodeCheckChar(first17);
      const codes = [
        valid,
        valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'),
        'short',
        '91330300MA2H0Q1KIX',
        valid.toLowerCase(),
      ];
      const rows: { code: string; problem: string | null }[] = await t.dataSource.query(
        'SELECT code, credit_code_problem(code) AS problem FROM unnest($1::text[]) AS code',
        [codes],
      );
      for (const { code, problem } of rows) {
        expect(problem === null ? null : CREDIT_CODE_PROBLEMS[problem as keyof typeof CREDIT_CODE_PROBLEMS]).toBe(
          creditCodeProblem(code),
        );
      }
    });
  });

  describe('consumption', () => {
    const header = 'accountNo,period,kwh,maxDemandKw,powerFactor';

    it('refuses bad numbers, months, accounts and duplicates, naming each, and writes nothing', async () => {
      const before = await snapshot();
      const res = await importAs(
        'consumption',
        csvFile(
          header,
          `${existing.accountNo},2026-01,120000,410,0.95`,
          `9999999999,2026-01,1,1,0.9`,
          `${existing.accountNo},2026-13,1,1,0.9`,
          `${existing.accountNo},2099-01,1,1,0.9`,
          `${existing.accountNo},2026-02,-5,abc,1.2`,
          `${existing.accountNo},2026-01,1,1,0.9`,
          `${existing.accountNo},2026-03,,1,0`,
        ),
      );
      expect(res.status).toBe(422);
      expect(englishOf(res.body.errors)).toEqual([
        { row: 2, field: 'accountNo', message: 'is not the account number of any customer' },
        { row: 3, field: 'period', message: 'must be a month (YYYY-MM)' },
        { row: 4, field: 'period', message: 'is in the future' },
        { row: 5, field: 'kwh', message: 'must not be negative' },
        { row: 5, field: 'maxDemandKw', message: 'must be a number' },
        { row: 5, field: 'powerFactor', message: 'must be at most 1' },
        { row: 6, field: 'period', message: 'repeats the accountNo, period of row 1' },
        { row: 7, field: 'kwh', message: 'is required' },
        { row: 7, field: 'powerFactor', message: 'must be more than 0' },
      ]);
      expect(res.body).toMatchObject({ accepted: 0, rejected: 6 });
      expect(await snapshot()).toEqual(before);
    });

    it('imports, re-imports without change, and updates a corrected month', async () => {
      const file = csvFile(
        header,
        `${existing.accountNo},2026-01,120000,410,0.95`,
        `${existing.accountNo},2026-02,80000.5,300,0.931`,
        `${other.accountNo},2026-01,5000,20,0.88`,
      );
      expect((await importAs('consumption', file)).body).toMatchObject({ accepted: 3, inserted: 3, updated: 0 });
      const before = await snapshot();
      expect((await importAs('consumption', file)).body).toMatchObject({
        accepted: 3,
        inserted: 0,
        updated: 0,
        unchanged: 3,
      });
      expect(await snapshot()).toEqual(before);

      // One file with a month unchanged, a month corrected and a new month.
      const corrected = await importAs(
        'consumption',
        csvFile(
          header,
          `${existing.accountNo},2026-01,120000,410,0.95`,
          `${existing.accountNo},2026-02,81000,300,0.931`,
          `${existing.accountNo},2026-03,90000,320,0.94`,
        ),
      );
      expect(corrected.body).toMatchObject({ accepted: 3, inserted: 1, updated: 1, unchanged: 1 });
      const months = await t.request('GET', `/customers/${existing.id}/consumption`, { as: 'manager1' });
      expect(months.body).toEqual([
        { period: '2026-01', kwh: 120000, maxDemandKw: 410, powerFactor: 0.95 },
        { period: '2026-02', kwh: 81000, maxDemandKw: 300, powerFactor: 0.931 },
        { period: '2026-03', kwh: 90000, maxDemandKw: 320, powerFactor: 0.94 },
      ]);
    });

    it('marks the customers of a file that changed something for the metrics refresh (libs/api/scoring)', async () => {
      const refresh = () => t.app.get(MetricsRefreshService).refresh();
      await refresh();
      const file = csvFile(
        header,
        `${existing.accountNo},2026-05,1000,10,0.9`,
        `${other.accountNo},2026-05,2000,10,0.9`,
      );
      expect((await importAs('consumption', file)).body).toMatchObject({ inserted: 2 });
      expect(await refresh()).toEqual({ customers: 2 });
      // Re-importing the same file changes nothing, so marks nothing.
      expect((await importAs('consumption', file)).body).toMatchObject({ unchanged: 2 });
      expect(await refresh()).toEqual({ customers: 0 });
      expect(
        (await importAs('consumption', csvFile(header, `${existing.accountNo},2026-05,1100,10,0.9`))).body,
      ).toMatchObject({
        updated: 1,
      });
      expect(await refresh()).toEqual({ customers: 1 });
    });

    it('imports the good rows only with ?partial=true', async () => {
      const res = await importAs(
        'consumption',
        csvFile(header, `${other.accountNo},2026-02,6000,21,0.9`, `${other.accountNo},2026-03,x,21,0.9`),
        { partial: true },
      );
      expect(res.body).toMatchObject({ accepted: 1, rejected: 1, inserted: 1, errors: [{ row: 2, field: 'kwh' }] });
    });

    it('reads columns in any order, quoted values, a BOM and CRLF line ends', async () => {
      const res = await importAs(
        'consumption',
        '\uFEFF"period",powerFactor,kwh,maxDemandKw,accountNo\r\n"2026-04",0.9,"7000",22,' + other.accountNo + '\r\n',
      );
      expect(res.body).toMatchObject({ accepted: 1, inserted: 1 });
    });
  });

  describe('bills and payments, and the arrears derived from them', () => {
    it('refuses bad bills and writes nothing', async () => {
      const before = await snapshot();
      const res = await importAs(
        'bills',
        csvFile(
          'accountNo,period,amount,dueDate',
          `${existing.accountNo},2026-01,1000,2026-02-30`,
          `${existing.accountNo},2026-02,-1,2026-03-25`,
          `${existing.accountNo},2026-03,10.001,2026-02-25`,
        ),
      );
      expect(res.status).toBe(422);
      expect(englishOf(res.body.errors)).toEqual([
        { row: 1, field: 'dueDate', message: 'must be a date (YYYY-MM-DD)' },
        { row: 2, field: 'amount', message: 'must not be negative' },
        { row: 3, field: 'amount', message: 'may have at most 2 decimals' },
        { row: 3, field: 'dueDate', message: 'is before the start of the period' },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('imports bills and payments idempotently and derives paid, outstanding and days late', async () => {
      const bills = csvFile(
        'accountNo,period,amount,dueDate',
        `${existing.accountNo},2026-01,1000,2026-02-25`,
        `${existing.accountNo},2026-02,500,2026-03-25`,
      );
      const payments = csvFile(
        'accountNo,period,paidAt,amount',
        `${existing.accountNo},2026-01,2026-02-20,600`,
        `${existing.accountNo},2026-01,2026-03-02,400`,
        `${existing.accountNo},2026-02,2026-03-30,200`,
      );
      expect((await importAs('bills', bills)).body).toMatchObject({ accepted: 2, inserted: 2 });
      expect((await importAs('payments', payments)).body).toMatchObject({ accepted: 3, inserted: 3 });
      const before = await snapshot();
      expect((await importAs('bills', bills)).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
      expect((await importAs('payments', payments)).body).toMatchObject({ inserted: 0, unchanged: 3 });
      expect(await snapshot()).toEqual(before);

      const res = await t.request('GET', `/customers/${existing.id}/bills`, { as: 'manager1' });
      const byPeriod = Object.fromEntries(res.body.map((b: { period: string }) => [b.period, b]));
      // January: 600 on 20 Feb, the rest on 2 March: settled five days after the 25 Feb due date.
      expect(byPeriod['2026-01']).toMatchObject({
        paidAmount: 1000,
        outstanding: 0,
        daysLate: 5,
        paidAt: '2026-03-02',
      });
      // February: 200 of 500 paid; still outstanding and late since 25 March.
      expect(byPeriod['2026-02']).toMatchObject({ paidAmount: 200, outstanding: 300, paidAt: '2026-03-30' });
      expect(byPeriod['2026-02'].daysLate).toBeGreaterThan(200);

      // February's bill corrected to 450: one update, and what is outstanding follows the new amount.
      const correction = csvFile(
        'accountNo,period,amount,dueDate',
        `${existing.accountNo},2026-01,1000,2026-02-25`,
        `${existing.accountNo},2026-02,450,2026-03-25`,
      );
      expect((await importAs('bills', correction)).body).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
      const corrected = await t.request('GET', `/customers/${existing.id}/bills`, { as: 'manager1' });
      expect(corrected.body.find((b: { period: string }) => b.period === '2026-02')).toMatchObject({
        amount: 450,
        paidAmount: 200,
        outstanding: 250,
      });
    });

    it('refuses payments without a bill, in the future or not positive', async () => {
      const before = await snapshot();
      const res = await importAs(
        'payments',
        csvFile(
          'accountNo,period,paidAt,amount',
          `${other.accountNo},2026-01,2026-02-20,600`,
          `${existing.accountNo},2026-01,2099-01-01,1`,
          `${existing.accountNo},2026-01,2026-03-01,0`,
        ),
      );
      expect(res.status).toBe(422);
      expect(englishOf(res.body.errors)).toEqual([
        { row: 1, field: 'period', message: 'has no bill of this customer to pay' },
        { row: 2, field: 'paidAt', message: 'is in the future' },
        { row: 3, field: 'amount', message: 'must be more than 0' },
      ]);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('the request', () => {
    it('names a missing or unknown column of the header', async () => {
      const res = await importAs('consumption', csvFile('accountNo,period,kwh,maxDemand', '1,2,3,4'));
      expect(res.status).toBe(400);
      expect(englishDetails(res.body.details)).toEqual([
        { field: 'maxDemand', message: 'is not a column of a consumption file' },
        { field: 'maxDemandKw', message: 'is a required column and is missing from the header' },
        { field: 'powerFactor', message: 'is a required column and is missing from the header' },
      ]);
    });

    it('names the row of a line that is not valid CSV', async () => {
      const before = await snapshot();
      const res = await importAs(
        'consumption',
        csvFile(
          'accountNo,period,kwh,maxDemandKw,powerFactor',
          `${other.accountNo},2026-05,1,1,0.9`,
          `${other.accountNo},2026-06,1,1,0.9,7`,
        ),
      );
      expect(res.status).toBe(422);
      expect(englishOf(res.body.errors)).toEqual([
        { row: 2, field: null, message: expect.stringContaining('is not valid CSV') },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an empty file, a missing file, an unknown kind and a user who is not an admin', async () => {
      expect((await importAs('consumption', '')).status).toBe(400);
      const wrongField = await t.upload('/import/consumption', 'a\n', { as: 'admin', field: 'data' });
      expect(wrongField.status).toBe(400);
      expect(englishDetails(wrongField.body.details)).toEqual([{ field: 'file', message: 'is required' }]);
      const kind = await importAs('meters', 'a\n');
      expect(kind.status).toBe(400);
      expect(englishDetails(kind.body.details)).toEqual([
        { field: 'kind', message: 'kind must be one of customers, consumption, bills, payments, work-orders' },
      ]);
      expect((await importAs('consumption', 'a\n', { as: 'manager1' })).status).toBe(403);
      const partial = await t.upload('/import/consumption?partial=yes', 'a\n', { as: 'admin' });
      expect(partial.status).toBe(400);
    });
  });
});
