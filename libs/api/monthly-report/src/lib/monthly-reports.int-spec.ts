import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, insertWorkOrder, seedWorkOrderReference, TestApp } from '@crm/api/testing';
import {
  chinaDate,
  currentKpiPeriod,
  lastClosedKpiPeriod,
  MonthlyReport,
  REPORT_REGION_KPIS,
  shiftKpiPeriod,
} from '@crm/shared/domain';
import ExcelJS from 'exceljs';
import { MonthlyReportModule, MonthlyReportsService } from '../index';

const today = chinaDate(new Date());
const LAST_MONTH = lastClosedKpiPeriod(today);
const CURRENT = currentKpiPeriod(today);

/** The monthly reports: generation of closed months, figures kept as generated, regeneration, .xlsx, access. */
describe('monthly reports', () => {
  let t: TestApp;
  let customerId: string;

  const complaints = (report: MonthlyReport) => report.kpis.items.find((i) => i.code === 'complaints_per_10k');
  /** A complaint received in the middle of `period` (China time). */
  const complaintIn = async (period: string) => {
    const id = await insertWorkOrder(t, { customerId, type: 'complaint' });
    await t.dataSource.query(
      `UPDATE work_orders SET received_at = $2::timestamptz, period_started_at = $2::timestamptz WHERE id = $1`,
      [id, `${period}-15T10:00:00+08:00`],
    );
  };
  const workbook = async (path: string) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${t.tokens['leader']}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book;
  };
  const rows = (sheet: ExcelJS.Worksheet | undefined) =>
    (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, MonthlyReportModule]);
    await seedWorkOrderReference(t);
    customerId = (await createCustomer(t, 'admin', { managerId: t.userIds['manager1'] })).id;
    await complaintIn(LAST_MONTH);
  });
  afterAll(() => t.close());

  it('refuses account managers, lets marketing read and only leadership and admins generate', async () => {
    for (const [method, path] of [
      ['GET', '/kpis/reports'],
      ['GET', `/kpis/reports/${LAST_MONTH}`],
      ['POST', `/kpis/reports/${LAST_MONTH}`],
      ['GET', `/kpis/reports/${LAST_MONTH}/xlsx`],
    ]) {
      expect((await t.request(method, path, { as: 'manager1' })).status).toBe(403);
    }
    expect((await t.request('POST', `/kpis/reports/${LAST_MONTH}`, { as: 'marketing' })).status).toBe(403);
    expect((await t.request('GET', '/kpis/reports', { as: 'marketing' })).status).toBe(200);
  });

  it('answers 404 for a month not generated and 400 naming period for anything but a closed month', async () => {
    const missing = await t.request('GET', `/kpis/reports/${shiftKpiPeriod(LAST_MONTH, 3)}`, { as: 'leader' });
    expect(missing.status).toBe(404);
    expect((await t.request('GET', `/kpis/reports/${LAST_MONTH}/xlsx`, { as: 'leader' })).status).toBe(404);
    for (const period of [CURRENT, shiftKpiPeriod(CURRENT, -1), '2026-13', '2026-1', 'last']) {
      const res = await t.request('POST', `/kpis/reports/${period}`, { as: 'admin' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'period' })]);
    }
    const bad = await t.request('GET', '/kpis/reports/2026-00', { as: 'leader' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('period');
    expect((await t.request('GET', '/kpis/reports', { as: 'leader' })).body).toEqual([]);
  });

  it('generates a closed month and keeps its figures while the data changes, until it is regenerated', async () => {
    const generated = await t.request<MonthlyReport>('POST', `/kpis/reports/${LAST_MONTH}`, { as: 'leader' });
    expect(generated.status).toBe(200);
    expect(generated.body).toMatchObject({
      period: LAST_MONTH,
      generatedBy: { id: t.userIds['leader'], displayName: 'Leader' },
      regenerations: 0,
      regeneratedAt: null,
      regeneratedBy: null,
    });
    expect(generated.body.kpis.period).toBe(LAST_MONTH);
    expect(generated.body.kpis.items).toHaveLength(22);
    expect(complaints(generated.body)?.numerator).toBe(1);
    expect(generated.body.league.map((m) => m.manager.displayName).sort()).toEqual(['Manager One', 'Manager Two']);

    const list = await t.request('GET', '/kpis/reports', { as: 'marketing' });
    expect(list.body).toEqual([
      {
        period: LAST_MONTH,
        generatedAt: generated.body.generatedAt,
        generatedBy: generated.body.generatedBy,
        regenerations: 0,
        regeneratedAt: null,
        regeneratedBy: null,
      },
    ]);

    await complaintIn(LAST_MONTH);
    await complaintIn(LAST_MONTH);
    await createCustomer(t, 'admin', { managerId: t.userIds['manager2'] });
    const kept = await t.request<MonthlyReport>('GET', `/kpis/reports/${LAST_MONTH}`, { as: 'marketing' });
    expect(kept.status).toBe(200);
    expect(kept.body).toEqual(generated.body);

    const regenerated = await t.request<MonthlyReport>('POST', `/kpis/reports/${LAST_MONTH}`, { as: 'admin' });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body).toMatchObject({
      period: LAST_MONTH,
      generatedAt: generated.body.generatedAt,
      generatedBy: generated.body.generatedBy,
      regenerations: 1,
      regeneratedBy: { id: t.userIds['admin'], displayName: 'Admin' },
    });
    expect(Date.parse(regenerated.body.regeneratedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(generated.body.generatedAt),
    );
    expect(complaints(regenerated.body)?.numerator).toBe(3);
    expect(regenerated.body.league.find((m) => m.manager.displayName === 'Manager Two')?.customers).toBe(1);
    expect((await t.request('GET', `/kpis/reports/${LAST_MONTH}`, { as: 'leader' })).body).toEqual(regenerated.body);
  });

  it("keeps each region's KPIs of the month, named as the reference data names the region", async () => {
    const report = (await t.request<MonthlyReport>('GET', `/kpis/reports/${LAST_MONTH}`, { as: 'leader' })).body;
    expect(report.regions).toHaveLength(12);
    expect(report.regions[0]).toMatchObject({ region: '鹿城区', name: { zh: '鹿城区', en: 'Lucheng' } });
    expect(Object.keys(report.regions[0].values).sort()).toEqual([...REPORT_REGION_KPIS].sort());
    // Every customer of the test is in 龙湾区: its row is the company's, the other regions count none. (Customers
    // by stage is null in a closed month unless its snapshot was taken as it closed.)
    const company = (code: string) => report.kpis.items.find((i) => i.code === code)?.value;
    const longwan = report.regions.find((r) => r.region === '龙湾区');
    for (const code of REPORT_REGION_KPIS) expect([code, longwan?.values[code]]).toEqual([code, company(code)]);
    expect(longwan?.values.complaints_per_10k).toBeGreaterThan(0);
    expect(report.regions[0].values.new_connections_completed).toBe(0);
  });

  it('downloads the report as .xlsx, Chinese headers by default, English on request, with the figures', async () => {
    const report = (await t.request<MonthlyReport>('GET', `/kpis/reports/${LAST_MONTH}`, { as: 'leader' })).body;
    const zh = await workbook(`/kpis/reports/${LAST_MONTH}/xlsx`);
    expect(zh.worksheets.map((s) => s.name)).toEqual([
      '客户',
      '业扩接电',
      '服务质量',
      '营销稽查',
      '服务计划',
      '信用与欠费',
      '收入与 VIP',
      '客户经理排行',
      '分区域指标',
    ]);
    const byRegion = rows(zh.getWorksheet('分区域指标'));
    expect(byRegion[0]).toEqual([
      '区域',
      '客户数',
      '新装接电完成数',
      '服务时限达标率',
      '万户投诉率',
      '未整改稽查问题',
      '欠费余额（元）',
    ]);
    expect(byRegion).toHaveLength(1 + 12);
    const longwan = byRegion.find((r) => r[0] === '龙湾区');
    expect(longwan?.[4]).toBeCloseTo(complaints(report)?.value as number);
    expect(byRegion.find((r) => r[0] === '鹿城区')?.[2]).toBe(0);
    const quality = rows(zh.getWorksheet('服务质量'));
    expect(quality[0]).toEqual(['指标', '数值', '单位', '目标', '上月', '变化']);
    const complaintRow = quality.find((r) => r[0] === '万户投诉率');
    expect(complaintRow?.[1]).toBeCloseTo(complaints(report)?.value as number);
    expect(complaintRow?.[2]).toBe('次/万户');
    const satisfaction = quality.find((r) => r[0] === '平均满意度');
    expect(satisfaction?.[3]).toBe(4.5);
    const league = rows(zh.getWorksheet('客户经理排行'));
    expect(league[0]).toEqual([
      '客户经理',
      '客户数',
      '在办工作量',
      '其中超期',
      '时限达标率',
      '平均满意度',
      '未整改稽查问题',
    ]);
    expect(league.find((r) => r[0] === 'Manager One')?.[1]).toBe(1);

    const en = await workbook(`/kpis/reports/${LAST_MONTH}/xlsx?lang=en`);
    expect(en.worksheets.map((s) => s.name)).toContain('Service quality');
    expect(rows(en.getWorksheet('Service quality'))[0]).toEqual([
      'KPI',
      'Value',
      'Unit',
      'Target',
      'Previous month',
      'Change',
    ]);
    expect(rows(en.getWorksheet('Manager league'))[0][0]).toBe('Account manager');
    const enRegions = rows(en.getWorksheet('By region'));
    expect(enRegions[0].slice(0, 3)).toEqual(['Region', 'Customers', 'New connections completed']);
    expect(enRegions.map((r) => r[0])).toContain('Longwan');
    expect(enRegions.map((r) => r[0])).not.toContain('龙湾区');
    const refused = await t.request('GET', `/kpis/reports/${LAST_MONTH}/xlsx?lang=fr`, { as: 'leader' });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].field).toBe('lang');
  });

  it('the monthly job generates the month that has just closed, once', async () => {
    const service = t.app.get(MonthlyReportsService);
    const period = shiftKpiPeriod(LAST_MONTH, 1);
    const firstOfMonth = `${LAST_MONTH}-01`;
    expect(await service.generateClosedMonth(firstOfMonth)).toEqual({ period, generated: true });
    expect(await service.generateClosedMonth(firstOfMonth)).toEqual({ period, generated: false });
    const report = (await t.request<MonthlyReport>('GET', `/kpis/reports/${period}`, { as: 'leader' })).body;
    expect(report).toMatchObject({ period, generatedBy: null, regenerations: 0 });
    expect(
      (await t.request('GET', '/kpis/reports', { as: 'leader' })).body.map((r: { period: string }) => r.period),
    ).toEqual([LAST_MONTH, period]);
  });
});
