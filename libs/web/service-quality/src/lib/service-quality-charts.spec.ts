import { WorkOrderFigure, WorkOrderReference, WorkOrderReport } from '@crm/shared/domain';
import {
  reportCharts,
  satisfactionByManagerChart,
  satisfactionDistributionChart,
  stackedByMonthChart,
  topComplaintTopicsChart,
  withListFilters,
} from './service-quality-charts';

const period = { from: '2026-02-28T16:00:00.000Z', to: '2026-04-30T16:00:00.000Z' };
const figure = (count: number, extra: Record<string, string> = {}): WorkOrderFigure => ({
  count,
  filter: { ...period, ...extra },
});
type Series = { name?: string; data: unknown[] }[];

describe('service-quality charts', () => {
  it('stacks each code by month in the reference order, an item opening its orders', () => {
    const cells = [
      { month: '2026-04', code: 'complaint', orders: figure(2, { type: 'complaint' }) },
      { month: '2026-03', code: 'inquiry', orders: figure(5, { type: 'inquiry' }) },
    ];
    const chart = stackedByMonthChart(['2026-03', '2026-04'], cells, ['inquiry', 'fault_repair', 'complaint'], (c) =>
      c.toUpperCase(),
    );
    const series = chart['series'] as Series;
    expect(series.map((s) => s.name)).toEqual(['INQUIRY', 'COMPLAINT']);
    expect(series[0].data).toEqual([{ value: 5, filter: { ...period, type: 'inquiry' } }, null]);
    expect(series[1].data).toEqual([null, { value: 2, filter: { ...period, type: 'complaint' } }]);
  });

  const report = {
    volume: {
      topics: [
        { code: 'meter_test', orders: figure(9, { topic: 'meter_test' }) },
        { code: 'service_attitude', orders: figure(4, { topic: 'service_attitude' }) },
        { code: 'power_quality', orders: figure(1, { topic: 'power_quality' }) },
      ],
    },
    satisfaction: { distribution: [1, 0, 0, 2, 3].map((n, i) => figure(n, { satisfaction: String(i + 1) })) },
    byManager: [
      {
        manager: { id: 'm1', displayName: 'One' },
        satisfaction: { average: 4.5, rated: figure(2, { rated: 'true' }) },
      },
      {
        manager: { id: 'm2', displayName: 'Two' },
        satisfaction: { average: null, rated: figure(0, { rated: 'true' }) },
      },
    ],
  } as unknown as WorkOrderReport;

  it('shows the complaint topics only, most at the top', () => {
    const chart = topComplaintTopicsChart(report, ['service_attitude', 'power_quality'], (c) => c);
    expect((chart['yAxis'] as { data: string[] }).data).toEqual(['power_quality', 'service_attitude']);
    expect((chart['series'] as Series)[0].data[1]).toEqual({
      value: 4,
      filter: { ...period, topic: 'service_attitude' },
    });
  });

  it('bars the managers with rated orders, and the five scores', () => {
    const managers = satisfactionByManagerChart(report, 'Satisfaction');
    expect((managers['xAxis'] as { data: string[] }).data).toEqual(['One']);
    expect((managers['series'] as Series)[0].data).toEqual([{ value: 4.5, filter: { ...period, rated: 'true' } }]);
    const scores = satisfactionDistributionChart(report, (s) => `${s} pts`);
    expect((scores['xAxis'] as { data: string[] }).data).toEqual(['1 pts', '2 pts', '3 pts', '4 pts', '5 pts']);
    expect((scores['series'] as Series)[0].data[4]).toEqual({ value: 3, filter: { ...period, satisfaction: '5' } });
  });

  it('lists the page’s charts in order, naming types and channels from the reference data', () => {
    const full = {
      ...report,
      months: ['2026-03'],
      volume: {
        ...report.volume,
        byType: [{ month: '2026-03', code: 'complaint', orders: figure(2, { type: 'complaint' }) }],
        byChannel: [{ month: '2026-03', code: 'wechat', orders: figure(1, { channel: 'wechat' }) }],
      },
    } as unknown as WorkOrderReport;
    const reference = {
      types: [{ code: 'complaint', nameZh: '投诉', nameEn: 'Complaint' }],
      channels: [{ code: 'wechat', nameZh: '微信', nameEn: 'WeChat' }],
      topics: [],
    } as unknown as WorkOrderReference;
    const charts = reportCharts(
      full,
      reference,
      (kind) => (code) => `${kind}:${code}`,
      (key) => `t(${key})`,
    );
    expect(charts.map((c) => [c.title, c.testId, c.height])).toEqual([
      ['serviceQuality.byType', 'chart-by-type', '300px'],
      ['serviceQuality.byChannel', 'chart-by-channel', '300px'],
      ['serviceQuality.topComplaintTopics', 'chart-topics', '300px'],
      ['serviceQuality.satisfactionByManager', 'chart-satisfaction', '300px'],
      ['serviceQuality.distribution', undefined, '240px'],
    ]);
    expect((charts[0].options['series'] as Series).map((s) => s.name)).toEqual(['types:complaint']);
    expect((charts[1].options['series'] as Series).map((s) => s.name)).toEqual(['channels:wechat']);
    expect((charts[3].options['series'] as Series)[0].name).toBe('t(serviceQuality.satisfaction)');
  });
});

describe('the figures’ links to the requests list', () => {
  it('turn the report’s instants into China dates, the last day included, keeping the other filters', () => {
    const report = {
      total: {
        count: 3,
        filter: { from: '2025-11-30T16:00:00.000Z', to: '2026-11-26T16:00:00.000Z', type: 'complaint' },
      },
      months: [
        {
          month: '2026-01',
          orders: { count: 1, filter: { from: '2025-12-31T16:00:00.000Z', to: '2026-01-31T16:00:00.000Z' } },
        },
      ],
    };
    expect(withListFilters(report)).toEqual({
      total: { count: 3, filter: { from: '2025-12-01', to: '2026-11-26', type: 'complaint' } },
      months: [{ month: '2026-01', orders: { count: 1, filter: { from: '2026-01-01', to: '2026-01-31' } } }],
    });
  });
});
