import { CustomersModule } from '@crm/api/customers';
import { DataImportModule } from '@crm/api/data-import';
import { JobsService } from '@crm/api/jobs';
import { MessagesModule, OutboxService, OutgoingMessage } from '@crm/api/messages';
import {
  createTestApp,
  csvFile,
  CUSTOMER_IMPORT_HEADER,
  customerBody,
  customerImportLine,
  TestApp,
} from '@crm/api/testing';
import {
  addCalendarDays,
  AuditParameters,
  AuditRuleCode,
  chinaDate,
  defaultAuditParameters,
  monthsBetween,
  TariffCategory,
} from '@crm/shared/domain';
import { RuleHitsRepository } from '../rule-hits.repository';
import { AuditRuleQuery } from './audit-rule';
import { AUDIT_RULE_QUERIES } from './index';

/** Rules on consumption, disconnections and outage notices, each with a hit, a near miss and a parameter. */
describe('audit rules on consumption, disconnections and outage notices', () => {
  /** Today for the rules on consumption and disconnections: last month is June 2026. */
  const TODAY = '2026-07-15';
  let t: TestApp;
  const ids: Record<string, string> = {};

  const bySubject = <T extends { subjectKey: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.subjectKey < b.subjectKey ? -1 : 1));
  /** What the rule finds on `today` with its default parameters but those given, by subject. */
  const hits = async (code: AuditRuleCode, parameters: Partial<AuditParameters> = {}, today = TODAY) =>
    bySubject(
      await new RuleHitsRepository(t.dataSource).hits(
        AUDIT_RULE_QUERIES[code] as AuditRuleQuery,
        { ...defaultAuditParameters(code), ...parameters } as AuditParameters,
        today,
      ),
    );
  const customersOf = (rows: { customerId: string }[]) => rows.map((r) => r.customerId);

  /** Imports the file as an admin (the owner's CSV import), failing the test on any refused row. */
  async function importFile(kind: string, ...lines: string[]): Promise<void> {
    const res = await t.upload(`/import/${kind}`, csvFile(...lines), { as: 'admin' });
    if (res.status !== 200 || res.body.rejected) throw new Error(`import ${kind}: ${JSON.stringify(res.body)}`);
  }

  /** Imports customers (active, as imported customers are) of manager1 by key: tariff and first contact's phone. */
  async function importCustomers(customers: Record<string, { tariff?: TariffCategory; phone?: string }>) {
    const lines = Object.entries(customers).map(([key, c]) => {
      const b = customerBody({ tariffCategory: c.tariff ?? 'large_industry' });
      ids[key] = b['accountNo'] as string;
      return customerImportLine({ ...b, contactPhone: c.phone });
    });
    await importFile('customers', CUSTOMER_IMPORT_HEADER, ...lines);
    const rows: { id: string; account_no: string }[] = await t.dataSource.query(
      'SELECT id, account_no FROM customers WHERE account_no = ANY($1)',
      [Object.keys(customers).map((k) => ids[k])],
    );
    const idOf = new Map(rows.map((r) => [r.account_no, r.id]));
    for (const key of Object.keys(customers)) ids[key] = idOf.get(ids[key]) as string;
  }

  const accountOf = async (key: string) =>
    (await t.dataSource.query('SELECT account_no FROM customers WHERE id = $1', [ids[key]]))[0].account_no as string;

  /** Consumption by month (YYYY-MM → kWh) of each customer, through the CSV import. */
  async function importConsumption(months: Record<string, Record<string, number>>): Promise<void> {
    const lines: string[] = [];
    for (const [key, byMonth] of Object.entries(months)) {
      const account = await accountOf(key);
      for (const [period, kwh] of Object.entries(byMonth)) lines.push(`${account},${period},${kwh},${kwh / 500},0.93`);
    }
    await importFile('consumption', 'accountNo,period,kwh,maxDemandKw,powerFactor', ...lines);
  }

  /** Twelve months from June 2025 to May 2026 of `kwh`, and June 2026 of `last`. */
  const history = (kwh: number, last: number, lastYear = kwh) => ({
    '2025-06': lastYear,
    ...Object.fromEntries(monthsBetween('2025-07-01', '2026-06-01').map((m) => [m, kwh])),
    '2026-06': last,
  });

  /** A disconnection for arrears: no application writes them (the billing system does), so a row. */
  async function disconnect(key: string, noticeDate: string, disconnectedOn: string | null, restoredOn: string | null) {
    const [row] = await t.dataSource.query(
      `INSERT INTO disconnections (customer_id, notice_date, disconnected_on, restored_on) VALUES ($1, $2, $3, $4)
       RETURNING id::text`,
      [ids[key], noticeDate, disconnectedOn, restoredOn],
    );
    return row.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, DataImportModule, MessagesModule]);
    await importCustomers({
      zero: {},
      oneZero: {},
      zeroFarm: { tariff: 'agriculture' },
      high: {},
      highOnlyOverLastYear: {},
      low: { tariff: 'general_commercial' },
      disconnected: {},
      restoredLate: {},
      restoredInTime: {},
      stillOff: {},
      unpaid: {},
      failedNotice: { phone: '13900000011' },
      landlineNotice: { phone: '0577-88881234' },
      deliveredNotice: { phone: '13900000013' },
    });
  });
  afterAll(() => t.close());

  describe('zero_consumption', () => {
    beforeAll(() =>
      importConsumption({
        zero: { '2025-06': 110000, '2026-04': 90000, '2026-05': 0, '2026-06': 0 },
        oneZero: { '2026-04': 90000, '2026-05': 80000, '2026-06': 0 },
        zeroFarm: { '2026-05': 0, '2026-06': 0 },
      }),
    );

    it('finds an active customer with zero in each of the last two months, beside last year', async () => {
      expect(await hits('zero_consumption')).toEqual([
        {
          customerId: ids['zero'],
          subjectKey: ids['zero'],
          evidence: {
            tariffCategory: 'large_industry',
            months: [
              { period: '2026-05', kwh: 0, lastYearKwh: null },
              { period: '2026-06', kwh: 0, lastYearKwh: 110000 },
            ],
          },
        },
      ]);
    });

    it('finds one zero month when one is enough, and the tariff categories asked for', async () => {
      expect(customersOf(await hits('zero_consumption', { months: 1 })).sort()).toEqual(
        [ids['zero'], ids['oneZero']].sort(),
      );
      expect(customersOf(await hits('zero_consumption', { tariffCategories: ['agriculture'] }))).toEqual([
        ids['zeroFarm'],
      ]);
      // The months counted are those before today's month: in August, June alone is not two months.
      expect(await hits('zero_consumption', {}, '2026-08-01')).toEqual([]);
    });
  });

  describe('consumption_out_of_line', () => {
    beforeAll(() =>
      importConsumption({
        high: history(10000, 50000),
        // 350 % of last June, but only 175 % of the median (20000): not out of line with both.
        highOnlyOverLastYear: history(20000, 35000, 10000),
        low: history(10000, 2000),
      }),
    );

    it('finds last month above or below both last year and the trailing median', async () => {
      expect(await hits('consumption_out_of_line')).toEqual(
        bySubject([
          {
            customerId: ids['high'],
            subjectKey: ids['high'],
            evidence: {
              period: '2026-06',
              kwh: 50000,
              lastYearKwh: 10000,
              trailingMedianKwh: 10000,
              percentOfLastYear: 500,
              percentOfMedian: 500,
              direction: 'high',
            },
          },
          {
            customerId: ids['low'],
            subjectKey: ids['low'],
            evidence: {
              period: '2026-06',
              kwh: 2000,
              lastYearKwh: 10000,
              trailingMedianKwh: 10000,
              percentOfLastYear: 20,
              percentOfMedian: 20,
              direction: 'low',
            },
          },
        ]),
      );
    });

    it('follows the percentages and the minimum', async () => {
      const lowered = await hits('consumption_out_of_line', { highPercent: 150 });
      expect(customersOf(lowered)).toContain(ids['highOnlyOverLastYear']);
      expect(lowered.find((h) => h.customerId === ids['highOnlyOverLastYear'])?.evidence).toMatchObject({
        percentOfLastYear: 350,
        percentOfMedian: 175,
        trailingMedianKwh: 20000,
      });
      expect(customersOf(await hits('consumption_out_of_line', { minimumKwh: 20000 }))).toEqual([ids['high']]);
      expect(customersOf(await hits('consumption_out_of_line', { lowPercent: 15 }))).toEqual([ids['high']]);
    });
  });

  describe('disconnections', () => {
    const disconnections: Record<string, string> = {};

    beforeAll(async () => {
      disconnections['short'] = await disconnect('disconnected', '2026-06-01', '2026-06-05', '2026-06-06');
      disconnections['sevenDays'] = await disconnect('disconnected', '2026-06-10', '2026-06-17', '2026-06-18');
      await disconnect('disconnected', '2026-07-14', null, null);
      // Arrears of two bills, the second paid in two parts: paid in full on 12 June.
      await importFile(
        'bills',
        'accountNo,period,amount,dueDate',
        ...(await Promise.all(
          ['restoredLate', 'restoredInTime', 'stillOff', 'unpaid'].map(
            async (k) => `${await accountOf(k)},2026-03,1000,2026-04-25`,
          ),
        )),
        `${await accountOf('restoredLate')},2026-04,800,2026-05-25`,
      );
      await importFile(
        'payments',
        'accountNo,period,paidAt,amount',
        `${await accountOf('restoredLate')},2026-03,2026-06-10,1000`,
        `${await accountOf('restoredLate')},2026-04,2026-06-10,600`,
        `${await accountOf('restoredLate')},2026-04,2026-06-12,200`,
        `${await accountOf('restoredInTime')},2026-03,2026-06-20,1000`,
        `${await accountOf('stillOff')},2026-03,2026-07-01,1000`,
        `${await accountOf('unpaid')},2026-03,2026-06-20,999`,
      );
      disconnections['late'] = await disconnect('restoredLate', '2026-05-25', '2026-06-08', '2026-06-14');
      await disconnect('restoredInTime', '2026-05-25', '2026-06-08', '2026-06-21');
      disconnections['off'] = await disconnect('stillOff', '2026-05-25', '2026-06-08', null);
      await disconnect('unpaid', '2026-05-25', '2026-06-08', null);
    });

    it('disconnection_without_notice: finds a disconnection 4 days after the notice, not one 7 days after', async () => {
      expect(await hits('disconnection_without_notice')).toEqual([
        {
          customerId: ids['disconnected'],
          subjectKey: `disconnection:${disconnections['short']}`,
          evidence: {
            disconnectionId: disconnections['short'],
            noticeDate: '2026-06-01',
            disconnectedOn: '2026-06-05',
            daysOfNotice: 4,
            requiredDays: 7,
          },
        },
      ]);
      expect((await hits('disconnection_without_notice', { noticeDays: 8 })).map((h) => h.subjectKey)).toEqual(
        [`disconnection:${disconnections['short']}`, `disconnection:${disconnections['sevenDays']}`].sort(),
      );
      // Before the disconnection day, nothing had happened yet.
      expect(await hits('disconnection_without_notice', {}, '2026-06-04')).toEqual([]);
    });

    it('restoration_late: finds power restored two days after payment and still off, not the next day', async () => {
      expect(await hits('restoration_late')).toEqual(
        bySubject([
          {
            customerId: ids['restoredLate'],
            subjectKey: `disconnection:${disconnections['late']}`,
            evidence: {
              disconnectionId: disconnections['late'],
              disconnectedOn: '2026-06-08',
              paidInFullOn: '2026-06-12',
              restoredOn: '2026-06-14',
              hoursAllowed: 24,
              daysWithoutPowerAfterPayment: 2,
            },
          },
          {
            customerId: ids['stillOff'],
            subjectKey: `disconnection:${disconnections['off']}`,
            evidence: {
              disconnectionId: disconnections['off'],
              disconnectedOn: '2026-06-08',
              paidInFullOn: '2026-07-01',
              restoredOn: null,
              hoursAllowed: 24,
              daysWithoutPowerAfterPayment: 14,
            },
          },
        ]),
      );
    });

    it('restoration_late: two days are in time when 48 hours are allowed', async () => {
      expect(customersOf(await hits('restoration_late', { hours: 48 }))).toEqual([ids['stillOff']]);
      // The day after payment, power still off is not late yet.
      expect(customersOf(await hits('restoration_late', {}, '2026-07-02'))).toEqual([ids['restoredLate']]);
    });
  });

  describe('outage_notice_undelivered', () => {
    const today = chinaDate(new Date());

    beforeAll(async () => {
      const res = await t.request('POST', '/messages/outage-notices', {
        as: 'manager1',
        body: {
          customerIds: [ids['failedNotice'], ids['landlineNotice'], ids['deliveredNotice']],
          startsAt: '2027-01-10T08:00:00+08:00',
          endsAt: '2027-01-10T18:00:00+08:00',
          reason: '线路检修',
        },
      });
      expect(res.body).toEqual({ queued: 3 });
      // The gateway refuses one number three times: the message is given up as failed.
      const sender = {
        send: async (m: OutgoingMessage) => {
          if (m.recipient === '13900000011') throw new Error('13900000011 unreachable');
        },
      };
      const outbox = new OutboxService(t.dataSource, t.app.get(JobsService), sender);
      for (let i = 0; i < 3; i++) await outbox.sendPending();
    });

    /** The API's time of a message, as the evidence states it (ISO, UTC; the API may round the microseconds). */
    const atMillisecond = (iso: string) => expect.stringMatching(new RegExp(`^${iso.slice(0, 20)}\\d{3}Z$`));
    const messageOf = async (key: string) =>
      (await t.request('GET', `/customers/${ids[key]}/messages`, { as: 'admin' })).body[0];

    it('finds a failed notice and one to a number no SMS reaches, not one delivered', async () => {
      const failed = await messageOf('failedNotice');
      const landline = await messageOf('landlineNotice');
      expect(failed.state).toBe('failed');
      expect(await hits('outage_notice_undelivered', {}, today)).toEqual(
        bySubject([
          {
            customerId: ids['failedNotice'],
            subjectKey: `message:${failed.id}`,
            evidence: {
              messageId: String(failed.id),
              createdAt: atMillisecond(failed.createdAt),
              recipient: '13900000011',
              reason: 'failed',
              lastError: 'Error: 13900000011 unreachable',
            },
          },
          {
            customerId: ids['landlineNotice'],
            subjectKey: `message:${landline.id}`,
            evidence: {
              messageId: String(landline.id),
              createdAt: atMillisecond(landline.createdAt),
              recipient: '0577-88881234',
              reason: 'no_valid_mobile',
              lastError: null,
            },
          },
        ]),
      );
    });

    it('looks back the days asked for', async () => {
      const later = addCalendarDays(today, 91);
      expect(await hits('outage_notice_undelivered', {}, later)).toEqual([]);
      expect(await hits('outage_notice_undelivered', { days: 91 }, later)).toHaveLength(2);
      // A notice queued after the day audited is not counted either.
      expect(await hits('outage_notice_undelivered', {}, addCalendarDays(today, -1))).toEqual([]);
    });
  });
});
