import { CustomersModule } from '@crm/api/customers';
import { OwnershipModule } from '@crm/api/ownership';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { ClockScanService } from '@crm/api/time-limits';
import { AuditFindingListEntry } from '@crm/shared/domain';
import { MarketingAuditModule } from '../index';
import { AuditRunService } from './audit-run.service';

const RULE = 'contact_data_incomplete';

/** Findings: the workflow and its refusals, the managers' scope, rule edits, overdue notices and the figures. */
describe('marketing audit findings', () => {
  let t: TestApp;
  let mine: { id: string };
  let theirs: { id: string };
  const findingOf = async (customerId: string): Promise<string> =>
    (await t.dataSource.query('SELECT id FROM audit_findings WHERE customer_id = $1', [customerId]))[0].id;
  const act = (id: string, action: string, as: string, body: Record<string, unknown>) =>
    t.request('POST', `/marketing-audit/findings/${id}/${action}`, { as, body });
  const notifications = (username: string, kind: string) =>
    t.dataSource.query('SELECT customer_id, data FROM notifications WHERE user_id = $1 AND kind = $2', [
      t.userIds[username],
      kind,
    ]);
  const list = async (as: string, query = '') =>
    (await t.request('GET', `/marketing-audit/findings?rule=${RULE}${query}`, { as })).body
      .items as AuditFindingListEntry[];

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OwnershipModule, MarketingAuditModule]);
    mine = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], contacts: [] });
    theirs = await createCustomer(t, 'admin', { managerId: t.userIds['manager2'], contacts: [] });
    await t.app.get(AuditRunService).run();
  });
  afterAll(() => t.close());

  it('takes a finding through rectify, verify, reopen and dismiss, refusing what the rules forbid', async () => {
    const id = await findingOf(mine.id);
    const view = await t.request('GET', `/marketing-audit/findings/${id}`, { as: 'manager1' });
    expect(view.body).toMatchObject({
      id,
      rule: RULE,
      customer: { id: mine.id },
      managerId: t.userIds['manager1'],
      managerName: 'Manager One',
      severity: 'medium',
      state: 'open',
      overdue: false,
      recurrences: 0,
      evidence: { contacts: 0, problems: ['no_contact'] },
      history: [{ kind: 'found', actorName: null, note: null }],
      actions: ['rectify'],
      version: 1,
    });
    expect(view.body.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await t.request('GET', `/marketing-audit/findings/${id}`, { as: 'auditor' })).body.actions).toEqual([
      'dismiss',
    ]);

    const note = '已补录联系人电话';
    expect((await act(id, 'rectify', 'auditor', { note, version: 1 })).status).toBe(403);
    expect((await act(id, 'rectify', 'leader', { note, version: 1 })).status).toBe(403);
    expect((await act(id, 'rectify', 'manager2', { note, version: 1 })).status).toBe(404);
    const noNote = await act(id, 'rectify', 'manager1', { note: ' ', version: 1 });
    expect([noNote.status, noNote.body.details[0].field]).toEqual([400, 'note']);
    const missing = await act(id, 'rectify', 'manager1', { version: 1 });
    expect([missing.status, missing.body.details[0].field]).toEqual([400, 'note']);
    expect((await act(id, 'rectify', 'manager1', { note, version: 7 })).status).toBe(409);
    expect((await act(id, 'verify', 'auditor', { note, version: 1 })).status).toBe(409);
    expect(
      (await act('00000000-0000-0000-0000-000000000000', 'rectify', 'manager1', { note, version: 1 })).status,
    ).toBe(404);
    const badId = await act('nope', 'rectify', 'manager1', { note, version: 1 });
    expect([badId.status, badId.body.details[0].field]).toEqual([400, 'id']);

    const rectified = await act(id, 'rectify', 'manager1', { note, version: 1 });
    expect(rectified.status).toBe(200);
    expect(rectified.body).toMatchObject({ state: 'rectifying', dueOn: null, overdue: false, version: 2, actions: [] });
    expect(rectified.body.history.map((e: { kind: string }) => e.kind)).toEqual(['found', 'rectified']);
    expect(rectified.body.history[1]).toMatchObject({ actorName: 'Manager One', note });
    expect(await notifications('auditor', 'audit_finding_rectified')).toEqual([
      expect.objectContaining({ customer_id: mine.id, data: expect.objectContaining({ findingId: id, rule: RULE }) }),
    ]);
    expect(
      await t.dataSource.query(
        `SELECT type, actor_id FROM customer_timeline WHERE customer_id = $1 AND type LIKE 'audit%'`,
        [mine.id],
      ),
    ).toEqual([{ type: 'audit_finding_rectified', actor_id: t.userIds['manager1'] }]);
    expect((await act(id, 'rectify', 'manager1', { note, version: 2 })).status).toBe(409);

    expect((await act(id, 'verify', 'manager1', { note, version: 2 })).status).toBe(403);
    expect((await act(id, 'verify', 'auditor', { note: '现场核实无误', version: 1 })).status).toBe(409);
    const verified = await act(id, 'verify', 'auditor', { note: '现场核实无误', version: 2 });
    expect(verified.body).toMatchObject({ state: 'verified', version: 3, actions: ['reopen'] });
    expect((await act(id, 'dismiss', 'auditor', { note: '误报', version: 3 })).status).toBe(409);

    const reopened = await act(id, 'reopen', 'auditor', { note: '电话仍无法接通', version: 3 });
    expect(reopened.body).toMatchObject({ state: 'open', version: 4, overdue: false });
    expect(reopened.body.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await notifications('manager1', 'audit_finding_reopened')).toHaveLength(1);

    const dismissed = await act(id, 'dismiss', 'admin', { note: '客户已销户在即', version: 4 });
    expect(dismissed.body).toMatchObject({ state: 'dismissed', dueOn: null, version: 5 });
    expect(
      await t.dataSource.query(
        `SELECT clock_kind, stopped_at IS NOT NULL AS stopped FROM clocks WHERE owner_id = $1 ORDER BY id`,
        [id],
      ),
    ).toEqual([
      { clock_kind: 'rectification', stopped: true },
      { clock_kind: 'rectification_2', stopped: true },
    ]);
  });

  it("shows a manager only their customers' findings, and moves a finding with its customer", async () => {
    const id = await findingOf(theirs.id);
    expect((await list('manager1')).map((f) => f.customer.id)).toEqual([mine.id]);
    expect((await list('manager2')).map((f) => f.id)).toEqual([id]);
    expect((await t.request('GET', `/marketing-audit/findings/${id}`, { as: 'manager1' })).status).toBe(404);
    expect((await list('leader')).map((f) => f.customer.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await list('marketing', `&managerId=${t.userIds['manager2']}`)).map((f) => f.id)).toEqual([id]);
    expect((await list('auditor', `&customerId=${mine.id}&state=dismissed`)).map((f) => f.customer.id)).toEqual([
      mine.id,
    ]);
    expect(await list('auditor', '&state=rectifying')).toEqual([]);
    const badFilter = await t.request('GET', '/marketing-audit/findings?state=closed', { as: 'auditor' });
    expect([badFilter.status, badFilter.body.details[0].field]).toEqual([400, 'state']);

    const handover = await t.request('POST', `/customers/${theirs.id}/handover`, {
      as: 'leader',
      body: { toManagerId: t.userIds['manager1'], reason: '片区调整' },
    });
    expect(handover.status).toBe(200);
    expect((await list('manager1')).map((f) => f.id)).toContain(id);
    expect(await list('manager2')).toEqual([]);
    const moved = await t.request('GET', `/marketing-audit/findings/${id}`, { as: 'manager1' });
    expect(moved.body).toMatchObject({
      managerId: t.userIds['manager1'],
      managerName: 'Manager One',
      actions: ['rectify'],
    });
  });

  it('tells the manager and the auditors when a finding is overdue, and lists overdue findings first', async () => {
    const late = await createCustomer(t, 'admin', { managerId: t.userIds['manager2'], contacts: [] });
    await t.app.get(AuditRunService).run();
    const id = await findingOf(late.id);
    await t.app.get(ClockScanService).scan();
    await t.dataSource.query(
      `UPDATE clocks SET started_at = now() - interval '3 minutes', warn_at = now() - interval '2 minutes',
                         due_at = now() - interval '1 minute'
        WHERE owner_kind = 'audit_finding' AND owner_id = $1`,
      [id],
    );
    expect((await t.app.get(ClockScanService).scan())['audit_finding']).toEqual({ warning: 0, overdue: 1 });
    expect((await t.app.get(ClockScanService).scan())['audit_finding']).toEqual({ warning: 0, overdue: 0 });
    for (const user of ['manager2', 'auditor'])
      expect(await notifications(user, 'audit_finding_overdue')).toEqual([
        expect.objectContaining({
          customer_id: late.id,
          data: expect.objectContaining({ findingId: id, customer: expect.any(String) }),
        }),
      ]);
    expect(
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM customer_timeline WHERE customer_id = $1 AND type = 'audit_finding_overdue'`,
        [late.id],
      ),
    ).toEqual([{ n: 1 }]);

    const all = await list('auditor');
    expect(all[0]).toMatchObject({ id, overdue: true });
    expect((await list('auditor', '&overdue=true')).map((f) => f.id)).toEqual([id]);
    expect((await list('auditor', '&overdue=false')).map((f) => f.id)).not.toContain(id);
  });

  it('lets auditors and admins change a rule, checking its parameters and version', async () => {
    const rules = (await t.request('GET', '/marketing-audit/rules', { as: 'auditor' })).body;
    expect(rules.map((r: { code: string }) => r.code)[0]).toBe('zero_consumption');
    const rule = rules[0];
    expect(rule).toMatchObject({ severity: 'high', enabled: true, parameters: { months: 2 }, version: 1 });
    const put = (as: string, body: Record<string, unknown>, code = rule.code) =>
      t.request('PUT', `/marketing-audit/rules/${code}`, { as, body });

    expect((await put('manager1', { enabled: false, version: 1 })).status).toBe(403);
    expect((await put('leader', { enabled: false, version: 1 })).status).toBe(403);
    expect((await put('auditor', { enabled: false, version: 1 }, 'no_such_rule')).status).toBe(404);
    const bad = await put('auditor', { parameters: { months: 0, tariffCategories: ['steel'], extra: 1 }, version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'parameters.extra',
      'parameters.months',
      'parameters.tariffCategories',
    ]);
    const missing = await put('auditor', { parameters: { months: 3 }, version: 1 });
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['parameters.tariffCategories']);
    expect((await put('auditor', { severity: 'urgent', version: 1 })).body.details[0].field).toBe('severity');

    const changed = await put('auditor', {
      severity: 'medium',
      parameters: { months: 3, tariffCategories: ['large_industry'] },
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      code: rule.code,
      severity: 'medium',
      enabled: true,
      parameters: { months: 3, tariffCategories: ['large_industry'] },
      version: 2,
    });
    const stale = await put('admin', { enabled: false, version: 1 });
    expect(stale.status).toBe(409);
    expect((await put('admin', { enabled: false, version: 2 })).body).toMatchObject({ enabled: false, version: 3 });
  });

  it('gives the figures to leadership, auditors, admins and marketing', async () => {
    expect((await t.request('GET', '/marketing-audit/figures', { as: 'manager1' })).status).toBe(403);
    expect((await t.request('GET', '/marketing-audit/figures?months=0', { as: 'leader' })).body.details[0].field).toBe(
      'months',
    );
    const res = await t.request('GET', '/marketing-audit/figures?months=3', { as: 'leader' });
    expect(res.status).toBe(200);
    const [{ n: customers }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM customers WHERE stage IN ('active', 'suspended', 'closing')`,
    );
    expect(res.body).toMatchObject({ customers, findings: 3, rectifiedOnTimePercent: 100, repeatFindings: 0 });
    expect(res.body.byRule.find((r: { rule: string }) => r.rule === RULE)).toMatchObject({ findings: 3, open: 2 });
    expect(res.body.byManager.find((m: { managerId: string }) => m.managerId === t.userIds['manager1'])).toMatchObject({
      managerName: 'Manager One',
      findings: 2,
      open: 1,
      overdue: 0,
    });
    expect(res.body.byManager.find((m: { managerId: string }) => m.managerId === t.userIds['manager2'])).toMatchObject({
      findings: 1,
      open: 1,
      overdue: 1,
    });
    expect(res.body.byMonth).toHaveLength(3);
    expect(res.body.byMonth[2]).toMatchObject({ found: 3, rectified: 1, verified: 1 });
  });
});
