import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { AuditRunView } from '@crm/shared/domain';
import { MarketingAuditModule } from '../index';
import { AuditRunService } from './audit-run.service';

const RULE = 'contact_data_incomplete';
const GOOD_CONTACT = { name: '陈国强', phone: '13857712345', email: null, role: '电气负责人' };

/** The runs: the job with its progress and counts, and what a run does to findings that already exist. */
describe('marketing audit runs', () => {
  let t: TestApp;
  const run = async () => (await t.app.get(AuditRunService).run()).counts.find((c) => c.rule === RULE);
  const finding = async (customerId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT id, state, recurrences, condition_cleared_at, version FROM audit_findings
        WHERE rule_code = $1 AND customer_id = $2`,
      [RULE, customerId],
    );
    return row;
  };
  const events = async (findingId: string) =>
    (
      await t.dataSource.query(`SELECT kind FROM audit_finding_events WHERE finding_id = $1 ORDER BY id`, [findingId])
    ).map((e: { kind: string }) => e.kind);
  const clocks = async (findingId: string) =>
    (
      await t.dataSource.query(
        `SELECT clock_kind, stopped_at IS NOT NULL AS stopped FROM clocks WHERE owner_kind = 'audit_finding'
          AND owner_id = $1 ORDER BY id`,
        [findingId],
      )
    ).map((k: { clock_kind: string; stopped: boolean }) => `${k.clock_kind}${k.stopped ? ' stopped' : ''}`);
  const setContacts = async (customerId: string, contacts: unknown[]) => {
    const current = await t.request('GET', `/customers/${customerId}`, { as: 'admin' });
    const res = await t.request('PATCH', `/customers/${customerId}`, {
      as: 'admin',
      body: { contacts, version: current.body.version },
    });
    expect(res.status).toBe(200);
  };
  const act = async (id: string, action: string, as: string) => {
    const { version } = (await t.request('GET', `/marketing-audit/findings/${id}`, { as })).body;
    const res = await t.request('POST', `/marketing-audit/findings/${id}/${action}`, {
      as,
      body: { note: '已核实处理', version },
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, MarketingAuditModule], { jobs: true });
  });
  afterAll(() => t.close());

  it('runs as a job: one run however often it is asked for, its progress and counts per rule', async () => {
    const a = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], contacts: [] });
    const b = await createCustomer(t, 'admin', { managerId: t.userIds['manager2'], contacts: [] });
    await createCustomer(t, 'admin', { managerId: t.userIds['manager2'], contacts: [GOOD_CONTACT] });

    expect((await t.request('POST', '/marketing-audit/runs', { as: 'manager1' })).status).toBe(403);
    const [first, second] = await Promise.all([
      t.request('POST', '/marketing-audit/runs', { as: 'auditor' }),
      t.request('POST', '/marketing-audit/runs', { as: 'admin' }),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.jobId).toBe(first.body.jobId);

    let view: AuditRunView = (await t.request('GET', `/marketing-audit/runs/${first.body.jobId}`, { as: 'leader' }))
      .body;
    expect(['queued', 'running', 'completed']).toContain(view.state);
    for (let i = 0; i < 150 && view.state !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = (await t.request('GET', `/marketing-audit/runs/${first.body.jobId}`, { as: 'auditor' })).body;
    }
    expect(view).toMatchObject({ jobId: first.body.jobId, state: 'completed', progress: 100, trigger: 'on_demand' });
    expect(view.findings.find((f) => f.rule === RULE)).toEqual({ rule: RULE, found: 2, created: 2, cleared: 0 });
    expect((await finding(a.id)).state).toBe('open');
    expect(await clocks((await finding(b.id)).id)).toEqual(['rectification']);

    const list = await t.request('GET', '/marketing-audit/runs', { as: 'marketing' });
    expect(list.body.map((r: AuditRunView) => r.jobId)).toContain(first.body.jobId);
    const rules = await t.request('GET', '/marketing-audit/rules', { as: 'manager1' });
    expect(rules.body.find((r: { code: string }) => r.code === RULE)).toMatchObject({
      openFindings: 2,
      lastRun: { runId: view.id, found: 2, created: 2, cleared: 0 },
    });
    expect(
      (await t.request('GET', '/marketing-audit/runs/00000000-0000-0000-0000-000000000000', { as: 'admin' })).status,
    ).toBe(404);
    expect((await t.request('GET', '/marketing-audit/runs/not-a-uuid', { as: 'admin' })).body.details[0].field).toBe(
      'id',
    );
    expect((await t.request('GET', '/marketing-audit/runs', { as: 'manager1' })).status).toBe(403);
  }, 30_000);

  it('makes no duplicates and closes nothing when run again', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_findings');
    const eventsBefore = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_finding_events');
    expect(await run()).toEqual({ rule: RULE, found: 2, created: 0, cleared: 0 });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM audit_findings')).toEqual(before);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM audit_finding_events')).toEqual(eventsBefore);
    expect(await t.dataSource.query(`SELECT DISTINCT state FROM audit_findings`)).toEqual([{ state: 'open' }]);
  });

  it('marks a finding whose data was fixed as cleared, leaving its state', async () => {
    const c = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], contacts: [] });
    expect(await run()).toMatchObject({ found: 3, created: 1, cleared: 0 });
    await setContacts(c.id, [GOOD_CONTACT]);
    expect(await run()).toEqual({ rule: RULE, found: 2, created: 0, cleared: 1 });
    const f = await finding(c.id);
    expect(f.state).toBe('open');
    expect(f.condition_cleared_at).not.toBeNull();
    expect(await events(f.id)).toEqual(['found', 'cleared']);
    // Cleared once: the next run does not clear it again.
    expect(await run()).toEqual({ rule: RULE, found: 2, created: 0, cleared: 0 });
    // Found again while open: the condition is back, nothing else happens.
    await setContacts(c.id, []);
    expect(await run()).toEqual({ rule: RULE, found: 3, created: 0, cleared: 0 });
    expect(await finding(c.id)).toMatchObject({ state: 'open', condition_cleared_at: null, recurrences: 0 });
  });

  it('reopens a verified finding whose condition comes back after it had gone, with a new deadline', async () => {
    const c = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], contacts: [] });
    await run();
    const { id } = await finding(c.id);
    await act(id, 'rectify', 'manager1');
    await act(id, 'verify', 'auditor');
    // Still found, never cleared: it stays verified.
    await run();
    expect(await finding(c.id)).toMatchObject({ state: 'verified', recurrences: 0 });

    await setContacts(c.id, [GOOD_CONTACT]);
    await run();
    expect(await finding(c.id)).toMatchObject({ state: 'verified', recurrences: 0 });
    await setContacts(c.id, [{ ...GOOD_CONTACT, phone: '0577-88881234' }]);
    const counts = await run();
    expect(counts).toMatchObject({ created: 0, cleared: 0 });
    expect(await finding(c.id)).toMatchObject({ state: 'open', recurrences: 1, condition_cleared_at: null });
    expect(await events(id)).toEqual(['found', 'rectified', 'verified', 'cleared', 'recurred']);
    expect(await clocks(id)).toEqual(['rectification stopped', 'rectification_2']);
    const view = await t.request('GET', `/marketing-audit/findings/${id}`, { as: 'manager1' });
    expect(view.body).toMatchObject({
      state: 'open',
      recurrences: 1,
      evidence: { contacts: 1, problems: ['no_valid_mobile'] },
      actions: ['rectify'],
    });
    expect(view.body.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('leaves the findings of a disabled rule alone', async () => {
    const rules = await t.request('GET', '/marketing-audit/rules', { as: 'auditor' });
    const rule = rules.body.find((r: { code: string }) => r.code === RULE);
    const off = await t.request('PUT', `/marketing-audit/rules/${RULE}`, {
      as: 'auditor',
      body: { enabled: false, version: rule.version },
    });
    expect(off.body).toMatchObject({ enabled: false, version: rule.version + 1 });
    await t.dataSource.query('UPDATE customer_contacts SET phone = $1', [GOOD_CONTACT.phone]);
    const { counts } = await t.app.get(AuditRunService).run();
    expect(counts.find((c) => c.rule === RULE)).toBeUndefined();
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM audit_findings WHERE condition_cleared_at IS NULL'),
    ).not.toEqual([{ n: 0 }]);
  });
});
