import { shareChart, snapshotChart, sparklinePoints } from './segment-charts';

const t = (key: string) => key;
type Series = { name: string; data: unknown[]; yAxisIndex?: number }[];

describe('segment charts', () => {
  it('draws the size as a line and the joiners and leavers as bars on their own axis', () => {
    const option = snapshotChart(
      [
        { takenOn: '2026-11-24', size: 100, joined: 100, left: 0 },
        { takenOn: '2026-11-25', size: 103, joined: 5, left: 2 },
      ],
      t,
    ) as { series: Series; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['2026-11-24', '2026-11-25']);
    expect(option.series.map((s) => [s.name, s.data, s.yAxisIndex])).toEqual([
      ['segments.size', [100, 103], undefined],
      ['segments.joined', [100, 5], 1],
      ['segments.left', [0, 2], 1],
    ]);
  });

  it('puts the segment share next to the population share for each labelled bucket', () => {
    const option = shareChart(
      [
        { value: 'gold', segment: 60, population: 20 },
        { value: null, segment: 40, population: 80 },
      ],
      (v) => (v === null ? 'other' : v.toUpperCase()),
      t,
    ) as { series: Series; yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['GOLD', 'other']);
    expect(option.series.map((s) => s.data)).toEqual([
      [60, 40],
      [20, 80],
    ]);
  });

  it('spreads a sparkline across the box, the highest value at the top', () => {
    expect(sparklinePoints([1, 3, 2], 100, 20)).toBe('0,20 50,0 100,10');
    expect(sparklinePoints([5, 5], 100, 20)).toBe('0,10 100,10');
    expect(sparklinePoints([], 100, 20)).toBe('');
  });
});
