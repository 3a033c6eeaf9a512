import { exportCell } from '@crm/api/http';
import {
  kpiDefinition,
  KpiUnit,
  MonthlyReport,
  monthlyReportSections,
  REPORT_REGION_HEADERS,
  REPORT_REGION_KPIS,
  REPORT_SECTION_NAMES,
  REPORT_UNIT_NAMES,
  reportChange,
  ReportLang,
} from '@crm/shared/domain';
import ExcelJS from 'exceljs';

/** Excel number formats of each unit: the cells keep the figures as numbers, shown as the report shows them. */
const NUMBER_FORMATS: Record<KpiUnit, string> = {
  count: '#,##0',
  ratio: '0.0%',
  working_days: '0.0',
  per_10k: '0.00',
  score: '0.00',
  yuan: '#,##0.00',
};

const HEADERS = {
  'zh-CN': {
    kpi: ['指标', '数值', '单位', '目标', '上月', '变化'],
    league: ['客户经理', '客户数', '在办工作量', '其中超期', '时限达标率', '平均满意度', '未整改稽查问题'],
    leagueSheet: '客户经理排行',
    region: '区域',
    regionSheet: '分区域指标',
  },
  en: {
    kpi: ['KPI', 'Value', 'Unit', 'Target', 'Previous month', 'Change'],
    league: [
      'Account manager',
      'Customers',
      'Workload',
      'Overdue',
      'Time-limit compliance',
      'Average satisfaction',
      'Open audit findings',
    ],
    leagueSheet: 'Manager league',
    region: 'Region',
    regionSheet: 'By region',
  },
} as const;

/**
 * The report as an .xlsx workbook in `lang`: one sheet per section (a row per KPI: name, value, unit, target,
 * previous month, change, the figures as numbers in the unit's format), one of the league table and one of the
 * regions (a row per region, named as the reference data names it, a column per KPI of REPORT_REGION_KPIS).
 */
export function monthlyReportWorkbook(report: MonthlyReport, lang: ReportLang): ExcelJS.Workbook {
  const zh = lang === 'zh-CN';
  const headers = HEADERS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(report.generatedAt);
  for (const { section, items } of monthlyReportSections(report.kpis)) {
    const sheet = workbook.addWorksheet(zh ? REPORT_SECTION_NAMES[section].zh : REPORT_SECTION_NAMES[section].en);
    sheet.columns = [{ width: 36 }, { width: 16 }, { width: 12 }, { width: 16 }, { width: 16 }, { width: 16 }];
    sheet.addRow(headers.kpi).font = { bold: true };
    for (const item of items) {
      const name = kpiDefinition(item.code).name;
      const row = sheet.addRow([
        exportCell(zh ? name.zh : name.en),
        item.value,
        zh ? REPORT_UNIT_NAMES[item.unit].zh : REPORT_UNIT_NAMES[item.unit].en,
        item.target,
        item.previous,
        reportChange(item.value, item.previous),
      ]);
      for (const column of [2, 4, 5, 6]) row.getCell(column).numFmt = NUMBER_FORMATS[item.unit];
    }
  }
  const league = workbook.addWorksheet(headers.leagueSheet);
  league.columns = [{ width: 20 }, ...headers.league.slice(1).map(() => ({ width: 16 }))];
  league.addRow([...headers.league]).font = { bold: true };
  for (const m of report.league) {
    const row = league.addRow([
      exportCell(m.manager.displayName),
      m.customers,
      m.workload,
      m.overdueWork,
      m.complianceRate,
      m.satisfaction,
      m.openFindings,
    ]);
    row.getCell(5).numFmt = NUMBER_FORMATS.ratio;
    row.getCell(6).numFmt = NUMBER_FORMATS.score;
  }
  const regions = workbook.addWorksheet(headers.regionSheet);
  regions.columns = [{ width: 16 }, ...REPORT_REGION_KPIS.map(() => ({ width: 20 }))];
  regions.addRow([
    headers.region,
    ...REPORT_REGION_KPIS.map((code) => REPORT_REGION_HEADERS[code][zh ? 'zh' : 'en']),
  ]).font = { bold: true };
  for (const r of report.regions) {
    const row = regions.addRow([exportCell(zh ? r.name.zh : r.name.en), ...REPORT_REGION_KPIS.map((c) => r.values[c])]);
    REPORT_REGION_KPIS.forEach((code, i) => (row.getCell(i + 2).numFmt = NUMBER_FORMATS[kpiDefinition(code).unit]));
  }
  return workbook;
}
