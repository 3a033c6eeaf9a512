import { packageYears } from '@crm/api/calendar';
import { createTestApp, TestApp } from '@crm/api/testing';
import industries from '@crm/seeds/industries.json';
import lifecycleSteps from '@crm/seeds/lifecycle-steps.json';
import planTemplates from '@crm/seeds/plan-templates.json';
import { ReferenceModule, syncReferenceData } from '../index';

describe('reference data: industries and regions, and the sync of every reference table through its owner', () => {
  let t: TestApp;
  /** How many rows each reference table holds. */
  async function counts(): Promise<Record<string, number>> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM industries)::int AS industries,
              (SELECT count(*) FROM lifecycle_steps)::int AS lifecycle_steps,
              (SELECT count(*) FROM scoring_models)::int AS scoring_models,
              (SELECT count(*) FROM plan_templates)::int AS plan_templates,
              (SELECT count(*) FROM working_calendar_years WHERE source = 'package')::int AS calendar_years`,
    );
    return row;
  }

  beforeAll(async () => {
    t = await createTestApp([ReferenceModule]);
  });
  afterAll(() => t.close());

  it('lists the industries by code, in both languages', async () => {
    const res = await t.request('GET', '/reference/industries', { as: 'manager1' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(industries.industries.length);
    expect(res.body.find((i: { code: string }) => i.code === 'A')).toEqual({
      code: 'A',
      section: 'A',
      nameZh: '农、林、牧、渔业',
      nameEn: 'Agriculture, forestry, animal husbandry and fishery',
    });
    const codes = res.body.map((i: { code: string }) => i.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('lists the regions and asks for a login', async () => {
    expect((await t.request('GET', '/reference/regions', { as: 'marketing' })).body.length).toBeGreaterThan(0);
    expect((await t.request('GET', '/reference/industries')).status).toBe(401);
  });

  it('fills every reference table, and a second sync changes nothing', async () => {
    const expected = {
      industries: industries.industries.length,
      lifecycle_steps: lifecycleSteps.steps.length,
      scoring_models: 1,
      plan_templates: planTemplates.templates.length,
      calendar_years: packageYears().length,
    };
    expect(await counts()).toEqual(expected);
    await syncReferenceData(t.dataSource);
    expect(await counts()).toEqual(expected);
  });

  it('restores what is missing and keeps what admins changed', async () => {
    await t.dataSource.query(`UPDATE industries SET name_en = 'changed' WHERE code = 'A'`);
    await t.dataSource.query('DELETE FROM plan_templates');
    await t.dataSource.query(`UPDATE lifecycle_steps SET sla_working_days = sla_working_days + 1`);
    const [{ sla }] = await t.dataSource.query('SELECT sum(sla_working_days)::int AS sla FROM lifecycle_steps');
    const [year] = packageYears();
    await t.dataSource.query('DELETE FROM working_calendar_years WHERE year = $1', [year]);

    await syncReferenceData(t.dataSource);

    const [a] = await t.dataSource.query(`SELECT name_en FROM industries WHERE code = 'A'`);
    expect(a.name_en).toBe('Agriculture, forestry, animal husbandry and fishery');
    expect((await counts())['plan_templates']).toBe(planTemplates.templates.length);
    expect((await t.dataSource.query('SELECT sum(sla_working_days)::int AS sla FROM lifecycle_steps'))[0].sla).toBe(
      sla,
    );
    expect(await t.dataSource.query('SELECT source FROM working_calendar_years WHERE year = $1', [year])).toEqual([
      { source: 'package' },
    ]);
  });
});
