import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { SegmentsOverview } from '@crm/shared/domain';
import { SegmentsModule } from '../index';

/** Today in China, as the API counts it, minus `days`. */
const daysAgo = (days: number) => `((now() AT TIME ZONE 'UTC') + interval '8 hours')::date - ${days}`;

/**
 * A fixed population: six customers c0…c5, four segments, two plan templates. The 30-day window is today and
 * the 29 days before: 29 days ago counts, 30 days ago does not.
 */
describe('GET /api/segments/overview', () => {
  let t: TestApp;
  const c: { id: string; accountNo: string; name: string }[] = [];
  const seg: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

  const segment = async (name: string, kind: 'dynamic' | 'static', owner: string) => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO segments (name, kind, rule, owner_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [name, kind, kind === 'dynamic' ? { op: 'and', rules: [] } : null, t.userIds[owner]],
    );
    return id as string;
  };
  const member = (segmentId: string, i: number, sinceDaysAgo: number) =>
    t.dataSource.query(
      `INSERT INTO segment_members (segment_id, customer_id, since) VALUES ($1, $2, ${daysAgo(sinceDaysAgo)})`,
      [segmentId, c[i].id],
    );
  const change = (segmentId: string, i: number, kind: 'joined' | 'left', takenDaysAgo: number) =>
    t.dataSource.query(
      `INSERT INTO segment_changes (segment_id, customer_id, taken_on, change) VALUES ($1, $2, ${daysAgo(takenDaysAgo)}, $3)`,
      [segmentId, c[i].id, kind],
    );
  const snapshot = (segmentId: string, takenDaysAgo: number, size: number) =>
    t.dataSource.query(
      `INSERT INTO segment_snapshots (segment_id, taken_on, size, joined, "left") VALUES ($1, ${daysAgo(takenDaysAgo)}, $2, 0, 0)`,
      [segmentId, size],
    );
  const enrol = (
    template: string,
    i: number,
    enrolled: number,
    ends: number | null = null,
    unenrolled: number | null = null,
  ) =>
    t.dataSource.query(
      `INSERT INTO plan_enrolments (template_id, customer_id, enrolled_on, ends_on, unenrolled_on)
       VALUES ($1, $2, ${daysAgo(enrolled)}, ${ends === null ? 'NULL' : daysAgo(ends)},
               ${unenrolled === null ? 'NULL' : daysAgo(unenrolled)})`,
      [template, c[i].id],
    );
  const overview = async (as: string) => {
    const res = await t.request<SegmentsOverview>('GET', '/segments/overview', { as });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, SegmentsModule]);
    for (let i = 0; i < 6; i++) c.push(await createCustomer(t, 'manager1'));
    seg.A = await segment('A 大工业', 'dynamic', 'marketing');
    seg.B = await segment('B 名单', 'static', 'marketing');
    seg.C = await segment('C 领导的', 'dynamic', 'leader');
    seg.D = await segment('D 空的', 'dynamic', 'marketing');

    // A: members c0…c3; joined c3 today, c2 29 days ago (in), c1 30 days ago (out); left c4 29 days ago (in),
    // c5 30 days ago (out).
    for (const i of [0, 1, 2, 3]) await member(seg.A, i, 100);
    await change(seg.A, 3, 'joined', 0);
    await change(seg.A, 2, 'joined', 29);
    await change(seg.A, 1, 'joined', 30);
    await change(seg.A, 4, 'left', 29);
    await change(seg.A, 5, 'left', 30);
    await snapshot(seg.A, 30, 2);
    await snapshot(seg.A, 29, 3);
    await snapshot(seg.A, 0, 4);
    // B (static): c4 added 5 days ago (in), c5 30 days ago (out).
    await member(seg.B, 4, 5);
    await member(seg.B, 5, 30);
    // C (the leader's): c0, no changes.
    await member(seg.C, 0, 100);

    const [p, q] = await t.dataSource.query(
      `INSERT INTO plan_templates (name, services) VALUES ('走访', '[]'), ('安全检查', '[]') RETURNING id`,
    );
    await enrol(p.id, 0, 10); // running
    await enrol(p.id, 1, 10); // running, twice: counted once
    await enrol(q.id, 1, 3);
    await enrol(p.id, 2, 10, null, 1); // unenrolled
    await enrol(p.id, 3, 400, 0); // ended today
    await enrol(p.id, 4, -1); // begins tomorrow
    await enrol(p.id, 5, 0); // begins today
  });

  afterAll(() => t.close());

  it('counts members, 30-day joiners and leavers, and members in a running plan, the caller’s segments first', async () => {
    const { segments } = await overview('marketing');
    expect(segments.map((s) => [s.name, s.kind, s.members, s.joined30, s.left30, s.coveredByPlans, s.trend])).toEqual([
      ['A 大工业', 'dynamic', 4, 2, 1, 2, [3, 4]],
      ['B 名单', 'static', 2, 1, null, 1, []],
      ['D 空的', 'dynamic', 0, 0, 0, 0, []],
      ['C 领导的', 'dynamic', 1, 0, 0, 1, []],
    ]);
    expect(segments[0]).toMatchObject({ id: seg.A, owner: { id: t.userIds['marketing'], displayName: 'Marketing' } });
  });

  it('lists the newest joiners of the caller’s segments, newest first', async () => {
    const { newestJoiners } = await overview('marketing');
    expect(newestJoiners.map((j) => [j.segment.name, j.customer.accountNo])).toEqual([
      ['A 大工业', c[3].accountNo],
      ['B 名单', c[4].accountNo],
      ['A 大工业', c[2].accountNo],
      ['A 大工业', c[1].accountNo],
      ['B 名单', c[5].accountNo],
    ]);
    expect(newestJoiners[0]).toEqual({
      joinedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      segment: { id: seg.A, name: 'A 大工业' },
      customer: { id: c[3].id, accountNo: c[3].accountNo, name: c[3].name },
    });
  });

  it('puts the leader’s own segments first and shows them only their joiners', async () => {
    const body = await overview('leader');
    expect(body.segments.map((s) => s.name)).toEqual(['C 领导的', 'A 大工业', 'B 名单', 'D 空的']);
    expect(body.newestJoiners).toEqual([]);
    await overview('admin');
  });

  it('refuses account managers and auditors', async () => {
    for (const as of ['manager1', 'auditor']) {
      const res = await t.request('GET', '/segments/overview', { as });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: expect.any(String) });
    }
    expect((await t.request('GET', '/segments/overview')).status).toBe(401);
  });
});
