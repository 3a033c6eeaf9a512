import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { AuditEvidenceByRule } from '@crm/shared/domain';
import { MarketingAuditModule } from '../index';
import { RuleHitsRepository } from './rule-hits.repository';
import { contactDataIncomplete } from './rules/contact-data-incomplete';

const ELECTRICAL = { name: '陈国强', phone: '13857712345', email: null, role: '电气负责人' };

describe('rule contact_data_incomplete', () => {
  let t: TestApp;
  const hitsOf = async (customerId: string) =>
    (await t.app.get(RuleHitsRepository).hits(contactDataIncomplete, {}, '2026-11-26')).filter(
      (h) => h.customerId === customerId,
    );

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, MarketingAuditModule]);
  });
  afterAll(() => t.close());

  it('finds nothing for a customer with a valid mobile and an electrical contact', async () => {
    const c = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], contacts: [ELECTRICAL] });
    expect(await hitsOf(c.id)).toEqual([]);
  });

  it('finds a customer without any contact', async () => {
    const c = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], contacts: [] });
    const evidence: AuditEvidenceByRule['contact_data_incomplete'] = {
      voltageKv: 10,
      contacts: 0,
      problems: ['no_contact'],
    };
    expect(await hitsOf(c.id)).toEqual([{ customerId: c.id, subjectKey: c.id, evidence }]);
  });

  it('finds an electrical contact reachable only on a landline', async () => {
    const c = await createCustomer(t, 'admin', {
      managerId: t.userIds['manager1'],
      voltageKv: 110,
      contacts: [{ ...ELECTRICAL, phone: '0577-88881234' }],
    });
    expect((await hitsOf(c.id))[0].evidence).toEqual({ voltageKv: 110, contacts: 1, problems: ['no_valid_mobile'] });
  });

  it('finds a customer whose contacts have mobiles but none is the electrical contact', async () => {
    const c = await createCustomer(t, 'admin', {
      managerId: t.userIds['manager1'],
      contacts: [
        { ...ELECTRICAL, role: '财务' },
        { ...ELECTRICAL, name: '李明', role: '总经理', phone: '0577-88881234' },
      ],
    });
    expect((await hitsOf(c.id))[0].evidence).toEqual({
      voltageKv: 10,
      contacts: 2,
      problems: ['no_electrical_contact'],
    });
  });

  it('leaves closed customers out', async () => {
    const c = await createCustomer(t, 'admin', { managerId: t.userIds['manager1'], contacts: [] });
    await t.dataSource.query(`UPDATE customers SET stage = 'closed' WHERE id = $1`, [c.id]);
    expect(await hitsOf(c.id)).toEqual([]);
  });
});
