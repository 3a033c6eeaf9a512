import { CalendarModule } from '@crm/api/calendar';
import { CustomersModule } from '@crm/api/customers';
import { LifecycleModule } from '@crm/api/lifecycle';
import { ServicePlansModule } from '@crm/api/service-plans';
import { chinaTime as cn, createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { WorkOrdersModule } from '@crm/api/work-orders';
import { AuditParameters, AuditRuleCode, defaultAuditParameters } from '@crm/shared/domain';
import { RuleHitsRepository } from '../rule-hits.repository';
import { AuditRuleQuery } from './audit-rule';
import { applicationLate } from './application-late';
import { callbackContradiction } from './callback-contradiction';
import { importantCustomerNotVisited } from './important-customer-not-visited';
import { repairArrivalLate } from './repair-arrival-late';
import { urgedWithoutContact } from './urged-without-contact';

/** The rules judge as of this China date (a Monday), on the 2026 calendar the reference sync loads. */
const TODAY = '2026-11-02';

/**
 * Rules 7–11 of the marketing audit (applications, requests and visits), each on data made through its owner's
 * API: a customer that triggers the rule, a near miss that does not, and a parameter that changes the outcome.
 */
describe('audit rules: applications, requests, visits', () => {
  let t: TestApp;
  let hitsRepository: RuleHitsRepository;

  /** The rule's hits among `customers` (other tests' customers aside), as of TODAY. */
  const hits = async (rule: AuditRuleQuery, customers: string[], parameters: Partial<AuditParameters> = {}) =>
    (
      await hitsRepository.hits(
        rule,
        { ...defaultAuditParameters(rule.code as AuditRuleCode), ...parameters } as AuditParameters,
        TODAY,
      )
    ).filter((h) => customers.includes(h.customerId));

  const customer = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], ...overrides })).id;
  const post = async (path: string, body: Record<string, unknown>, as = 'manager1') => {
    const res = await t.request('POST', path, { as, body });
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const newConnection = (customerId: string, receivedAt: string) =>
    post(`/customers/${customerId}/applications`, { type: 'new_connection', receivedAt });
  const advance = (applicationId: string, completedAt?: string) =>
    post(`/applications/${applicationId}/advance`, completedAt ? { completedAt } : {});
  const receive = (customerId: string, body: Record<string, unknown>) =>
    post(`/customers/${customerId}/requests`, { channel: 'hotline_95598', summary: '客户来电', ...body });

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, CalendarModule, LifecycleModule, WorkOrdersModule, ServicePlansModule]);
    hitsRepository = new RuleHitsRepository(t.dataSource);
  });
  afterAll(() => t.close());

  describe('application_late', () => {
    it('finds an acceptance over its 1 working day, not one accepted on its due day', async () => {
      const [late, onTime] = [await customer(), await customer()];
      // Received Mon 12 Oct, accepted Thu 15 Oct: 3 working days for a 1-day step.
      const lateApp = await newConnection(late, cn('2026-10-12T09:00'));
      await advance(lateApp.id, cn('2026-10-15T10:00'));
      // Accepted late on Tue 13 Oct, the due day itself: on time.
      const onTimeApp = await newConnection(onTime, cn('2026-10-12T09:00'));
      await advance(onTimeApp.id, cn('2026-10-13T16:00'));

      expect(await hits(applicationLate, [late, onTime])).toEqual([
        {
          customerId: late,
          subjectKey: `application:${lateApp.id}`,
          evidence: {
            applicationId: lateApp.id,
            kind: 'new_connection',
            receivedAt: cn('2026-10-12T09:00'),
            reason: 'acceptance_late',
            limitDays: 1,
            usedDays: 3,
          },
        },
      ]);
    });

    it('finds a new connection past its 22 working days, once, within the days looked back', async () => {
      const [exceeded, recent] = [await customer(), await customer()];
      // Received Mon 14 Sep and accepted at once, the survey still running: the 22 working days (the make-up
      // Sunday 20 Sep and Saturday 10 Oct count, Mid-Autumn and National Day do not) ended on Tue 20 Oct; by
      // Mon 2 Nov 31 are used.
      const old = await newConnection(exceeded, cn('2026-09-14T09:00'));
      await advance(old.id, cn('2026-09-14T11:00'));
      // Received Mon 12 Oct, accepted in time: 15 of its 22 days used by 2 Nov.
      const fresh = await newConnection(recent, cn('2026-10-12T09:00'));
      await advance(fresh.id, cn('2026-10-12T11:00'));

      const found = await hits(applicationLate, [exceeded, recent]);
      expect(found).toEqual([
        {
          customerId: exceeded,
          subjectKey: `application:${old.id}`,
          evidence: {
            applicationId: old.id,
            kind: 'new_connection',
            receivedAt: cn('2026-09-14T09:00'),
            reason: 'commitment_exceeded',
            limitDays: 22,
            usedDays: 31,
          },
        },
      ]);
      // Looking back 30 days only, the application received 49 days before is out of scope.
      expect(await hits(applicationLate, [exceeded, recent], { days: 30 })).toEqual([]);
    });
  });

  describe('urged_without_contact', () => {
    it('finds an open order urged with no contact, not one contacted; two urges needed: only after the second', async () => {
      const [urged, contacted] = [await customer(), await customer()];
      const order = await receive(urged, { type: 'service_request', receivedAt: cn('2026-10-28T10:00') });
      const first = await post(`/requests/${order.id}/urge`, { channel: 'hotline_95598', note: '客户来电催办' });
      const answered = await receive(contacted, { type: 'inquiry', receivedAt: cn('2026-10-28T10:00') });
      await post(`/requests/${answered.id}/urge`, { channel: 'hotline_95598', note: '客户来电催办' });
      await post(`/requests/${answered.id}/contact`, { note: '已电话联系客户' });

      const expected = (urges: number, lastUrgedAt: string) => [
        {
          customerId: urged,
          subjectKey: `order:${order.id}`,
          evidence: {
            orderId: order.id,
            orderNo: order.id,
            type: 'service_request',
            receivedAt: cn('2026-10-28T10:00'),
            urges,
            lastUrgedAt,
          },
        },
      ];
      expect(await hits(urgedWithoutContact, [urged, contacted])).toEqual(
        expected(1, new Date(first.urges[0].at).toISOString()),
      );
      expect(await hits(urgedWithoutContact, [urged, contacted], { urges: 2 })).toEqual([]);

      const second = await post(`/requests/${order.id}/urge`, { channel: 'social_media', note: '微博催办' });
      expect(await hits(urgedWithoutContact, [urged, contacted], { urges: 2 })).toEqual(
        expected(2, new Date(second.urges[1].at).toISOString()),
      );
    });
  });

  describe('callback_contradiction', () => {
    it('finds an unsolved callback on a recorded result, not a solved one, within the days looked back', async () => {
      const [contradicted, solved] = [await customer(), await customer()];
      const walk = async (customerId: string, externalRef: string, solvedNow: boolean) => {
        const order = await receive(customerId, { type: 'inquiry', externalRef, receivedAt: cn('2026-10-12T10:00') });
        await post(`/requests/${order.id}/contact`, { at: cn('2026-10-12T11:00'), note: '已联系客户' });
        await post(`/requests/${order.id}/handle`, { at: cn('2026-10-13T10:00'), result: '现场核实，表计无误差' });
        await post(
          `/requests/${order.id}/callback`,
          { at: cn('2026-10-14T10:00'), solved: solvedNow, satisfaction: solvedNow ? 5 : 2, note: '客户称仍未解决' },
          'leader',
        );
        return order;
      };
      const order = await walk(contradicted, '95598AUDIT0001', false);
      await walk(solved, '95598AUDIT0002', true);

      expect(await hits(callbackContradiction, [contradicted, solved])).toEqual([
        {
          customerId: contradicted,
          subjectKey: `order:${order.id}`,
          evidence: {
            orderId: order.id,
            orderNo: '95598AUDIT0001',
            type: 'inquiry',
            receivedAt: cn('2026-10-12T10:00'),
            result: '现场核实，表计无误差',
            callbackAt: cn('2026-10-14T10:00'),
            callbackNote: '客户称仍未解决',
            satisfaction: 2,
          },
        },
      ]);
      // The callback was 19 days before 2 Nov: out of a 10-day look-back.
      expect(await hits(callbackContradiction, [contradicted, solved], { days: 10 })).toEqual([]);
    });
  });

  describe('repair_arrival_late', () => {
    it('finds a crew 15 minutes late and one not arrived, not one on site at exactly 45 minutes', async () => {
      const [late, exact, waiting] = [await customer(), await customer(), await customer()];
      const repair = (customerId: string, receivedAt: string) =>
        receive(customerId, { type: 'fault_repair', receivedAt: cn(receivedAt) });
      const lateOrder = await repair(late, '2026-10-20T10:00');
      await post(`/requests/${lateOrder.id}/contact`, { at: cn('2026-10-20T11:00'), note: '抢修人员到达现场' });
      const exactOrder = await repair(exact, '2026-10-21T10:00');
      await post(`/requests/${exactOrder.id}/contact`, { at: cn('2026-10-21T10:45'), note: '抢修人员到达现场' });
      // Received Sun 1 Nov 18:00, due 18:45, nobody there when 2 Nov began: 315 minutes late.
      const waitingOrder = await repair(waiting, '2026-11-01T18:00');

      const evidence = (order: { id: string }, receivedAt: string, arrivedAt: string | null, minutesLate: number) => ({
        orderId: order.id,
        orderNo: order.id,
        area: 'urban',
        receivedAt: cn(receivedAt),
        arrivedAt: arrivedAt && cn(arrivedAt),
        limitMinutes: 45,
        minutesLate,
      });
      const found = await hits(repairArrivalLate, [late, exact, waiting]);
      expect(
        found.sort((a, b) => String(a.evidence['receivedAt']).localeCompare(String(b.evidence['receivedAt']))),
      ).toEqual([
        {
          customerId: late,
          subjectKey: `order:${lateOrder.id}`,
          evidence: evidence(lateOrder, '2026-10-20T10:00', '2026-10-20T11:00', 15),
        },
        {
          customerId: waiting,
          subjectKey: `order:${waitingOrder.id}`,
          evidence: evidence(waitingOrder, '2026-11-01T18:00', null, 315),
        },
      ]);
      // Looking back 5 days: only the repair of 1 Nov.
      expect((await hits(repairArrivalLate, [late, exact, waiting], { days: 5 })).map((h) => h.customerId)).toEqual([
        waiting,
      ]);
    });
  });

  describe('important_customer_not_visited', () => {
    /** A customer connected through its new connection, so that it has a supply. */
    const supplied = async (importance: string): Promise<string> => {
      const id = await customer({ importance });
      const app = await newConnection(id, new Date().toISOString());
      for (let step = 0; step < 6; step++) await advance(app.id);
      return id;
    };

    it('finds an important customer never visited, not one visited within 90 days nor an ordinary one', async () => {
      const [never, visited, ordinary] = [await supplied('level1'), await supplied('level2'), await supplied('none')];
      const plan = await post(
        '/plans',
        {
          name: '重要客户走访',
          services: [{ key: 'visit', kind: 'visit', recurrence: { every: 'month', day: 1 }, leadDays: 3 }],
        },
        'leader',
      );
      await post(`/plans/${plan.id}/enrolments`, { customerId: visited });
      const tasks = await t.request('GET', `/service-tasks?customerId=${visited}`, { as: 'manager1' });
      // Visited on 10 Aug: 84 days before 2 Nov.
      await post(`/service-tasks/${tasks.body.items[0].id}/complete`, {
        outcome: 'completed',
        visitedOn: '2026-08-10',
      });

      expect(await hits(importantCustomerNotVisited, [never, visited, ordinary])).toEqual([
        {
          customerId: never,
          subjectKey: never,
          evidence: { vipTier: null, importance: 'level1', lastVisitOn: null, days: 90 },
        },
      ]);
      // Within 60 days the visit of 10 Aug is too old.
      expect(await hits(importantCustomerNotVisited, [visited], { days: 60 })).toEqual([
        {
          customerId: visited,
          subjectKey: visited,
          evidence: { vipTier: null, importance: 'level2', lastVisitOn: '2026-08-10', days: 60 },
        },
      ]);
    });
  });
});
