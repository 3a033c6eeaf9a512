import { LifecycleReport } from '@crm/shared/domain';
import { complianceByMonthChart, overallRate, stepDurationChart } from './report-charts';

const report: LifecycleReport = {
  from: '2026-01-01',
  to: '2026-03-01',
  byMonth: [
    {
      month: '2026-01',
      completed: 4,
      compliant: 3,
      rate: 0.75,
      commitmentCompleted: 2,
      commitmentMet: 1,
      commitmentRate: 0.5,
    },
    {
      month: '2026-02',
      completed: 0,
      compliant: 0,
      rate: null,
      commitmentCompleted: 0,
      commitmentMet: 0,
      commitmentRate: null,
    },
  ],
  byManager: [],
  steps: [
    { code: 'acceptance', nameZh: '业务受理', nameEn: 'Acceptance', limit: 1, averageWorkingDays: 0.8, completed: 4 },
  ],
};
const t = (key: string) => key;

describe('lifecycle report charts', () => {
  it('plots completed applications as bars and the compliance rate in percent as a line', () => {
    const chart = complianceByMonthChart(report, t) as { series: { type: string; data: (number | null)[] }[] };
    expect(chart.series[0]).toMatchObject({ type: 'bar', data: [4, 0] });
    expect(chart.series[1]).toMatchObject({ type: 'line', data: [75, null] });
  });

  it('names steps in the chosen language', () => {
    const zh = stepDurationChart(report, t, true) as { xAxis: { data: string[] } };
    const en = stepDurationChart(report, t, false) as { xAxis: { data: string[] } };
    expect(zh.xAxis.data).toEqual(['业务受理']);
    expect(en.xAxis.data).toEqual(['Acceptance']);
  });

  it('labels every step, rotated when the names would not fit side by side', () => {
    const steps = ['业务受理', '现场勘查', '供电方案答复', '设计审查', '中间检查', '竣工检验', '装表接电'].map(
      (nameZh, i) => ({
        ...report.steps[0],
        code: `s${i}`,
        nameZh,
      }),
    );
    const chart = stepDurationChart({ ...report, steps }, t, true) as {
      xAxis: { axisLabel: { interval: number; rotate: number } };
    };
    expect(chart.xAxis.axisLabel.interval).toBe(0);
    expect(chart.xAxis.axisLabel.rotate).toBeGreaterThan(0);
  });

  it('computes the overall rate over all months, null with nothing completed', () => {
    expect(overallRate(report)).toBe(0.75);
    expect(overallRate({ ...report, byMonth: [] })).toBeNull();
  });
});
