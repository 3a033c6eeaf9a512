import { CustomersModule } from '@crm/api/customers';
import { ServicePlansModule, TaskGenerationService } from '@crm/api/service-plans';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { addCalendarDays, chinaDate, TASK_HORIZON_DAYS } from '@crm/shared/domain';
import { completeDemoTasks, enrolDemoPlans } from './demo-plans.repository';

const today = chinaDate(new Date());
const since = addCalendarDays(today, -120);
const until = addCalendarDays(today, -3);

interface EnrolmentRow {
  customer_id: string;
  name: string;
  enrolled_on: string;
  ends_on: string | null;
  created_by: string | null;
}

interface TaskRow {
  id: string;
  due_on: string;
  state: string;
  outcome: string | null;
  visited_on: string | null;
  completed_by: string | null;
  skipped: boolean;
}

describe('the demo service plans', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, ServicePlansModule]);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('enrols the active customers by tier, importance and rating, then completes most past tasks', async () => {
    /** A new customer of manager1 with the given stage and segment facts. */
    const customer = async (
      stage: string,
      facts: { vip_tier?: string; importance?: string; credit_rating?: string },
    ) => {
      const { id } = await createCustomer(t, 'manager1');
      await t.dataSource.query('UPDATE customers SET stage = $2 WHERE id = $1', [id, stage]);
      await t.dataSource.query(
        `UPDATE segment_facts SET vip_tier = $2, importance = coalesce($3, importance), credit_rating = $4
          WHERE customer_id = $1`,
        [id, facts.vip_tier ?? null, facts.importance ?? null, facts.credit_rating ?? null],
      );
      return id as string;
    };
    const gold = await customer('active', { vip_tier: 'gold' });
    const important = await customer('active', { importance: 'level1', credit_rating: 'C' });
    const plain = await customer('active', {});
    const applying = await customer('applying', { vip_tier: 'platinum' });

    const enrol = () => t.dataSource.transaction((tx) => enrolDemoPlans(tx, since));
    await enrol();
    await enrol();
    const enrolments: EnrolmentRow[] = await t.dataSource.query(
      `SELECT e.customer_id, t.name, e.enrolled_on::text, e.ends_on::text, e.created_by
         FROM plan_enrolments e JOIN plan_templates t ON t.id = e.template_id
        WHERE e.customer_id = ANY($1) ORDER BY t.name`,
      [[gold, important, plain, applying]],
    );
    expect(enrolments).toEqual(
      [
        { customer_id: gold, name: 'VIP 年度服务计划' },
        { customer_id: important, name: '重要客户安全服务计划' },
        { customer_id: important, name: '欠费风险客户计划' },
      ]
        .map((e) => ({ ...e, enrolled_on: since, ends_on: null, created_by: null }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    );

    const generation = t.app.get(TaskGenerationService);
    await t.dataSource.transaction(async (tx) => {
      await generation.generate(tx, since, addCalendarDays(today, TASK_HORIZON_DAYS));
      await completeDemoTasks(tx, until);
    });
    const [{ id: manager1 }] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'manager1'`);
    const tasks: TaskRow[] = await t.dataSource.query(
      `SELECT id, due_on::text, state, outcome, visited_on::text, completed_by,
              abs(hashtext(id::text)) % 5 = 0 AS skipped
         FROM service_tasks WHERE customer_id = ANY($1)`,
      [[gold, important]],
    );
    const past = tasks.filter((task) => task.due_on < until);
    expect(past.length).toBeGreaterThan(0);
    expect(tasks.filter((task) => task.due_on >= until).every((task) => task.state === 'open')).toBe(true);
    expect(past.filter((task) => task.skipped).every((task) => task.state === 'open')).toBe(true);
    expect(past.filter((task) => !task.skipped)).toEqual(
      past
        .filter((task) => !task.skipped)
        .map((task) => ({
          ...task,
          state: 'done',
          outcome: 'completed',
          visited_on: task.due_on,
          completed_by: manager1,
        })),
    );
  });
});
