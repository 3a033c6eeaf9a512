import { monthLabel, reportDateTime, reportMonth, reportText } from './report-texts';

describe('report texts', () => {
  const texts = { monthlyReport: { paper: { generatedOn: '{{at}} 由 {{by}} 生成', title: '月度报告' } } };

  it('reads a dotted key and fills its parameters', () => {
    expect(reportText(texts, 'monthlyReport.paper.title')).toBe('月度报告');
    expect(reportText(texts, 'monthlyReport.paper.generatedOn', { at: '2026-11-01', by: 'Leader' })).toBe(
      '2026-11-01 由 Leader 生成',
    );
    expect(reportText(texts, 'monthlyReport.paper.missing')).toBe('monthlyReport.paper.missing');
    expect(reportText(texts, 'monthlyReport.paper')).toBe('monthlyReport.paper');
  });

  it('names months and moments in the report language, China time', () => {
    expect(reportMonth('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(reportMonth('2026-10', 'en')).toBe('October 2026');
    expect(monthLabel('2026-03', 'zh-CN')).toBe('3月');
    expect(monthLabel('2026-03', 'en')).toBe('Mar');
    // 19:30 UTC is 03:30 the next day in China.
    expect(reportDateTime('2026-10-31T19:30:00.000Z', 'zh-CN')).toBe('2026-11-01 03:30');
    expect(reportDateTime('2026-10-31T19:30:00.000Z', 'en')).toBe('2026-11-01 03:30');
  });
});
