import { completionChart, completionPercent, completionRows } from './completion';

describe('completion', () => {
  it('is the share of due tasks done, in per cent to one decimal', () => {
    expect(completionPercent({ due: 3, done: 2, overdue: 1 })).toBe(66.7);
    expect(completionPercent({ due: 8, done: 8, overdue: 0 })).toBe(100);
    expect(completionPercent({ due: 5, done: 0, overdue: 5 })).toBe(0);
  });

  it('has no rate when nothing was due', () => {
    expect(completionPercent({ due: 0, done: 0, overdue: 0 })).toBeNull();
  });

  it('lists the lowest rate first, then by name, nothing due last', () => {
    const rows = completionRows(
      [
        { manager: { id: '1', displayName: '王芳' }, due: 10, done: 9, overdue: 1 },
        { manager: { id: '2', displayName: '李强' }, due: 0, done: 0, overdue: 0 },
        { manager: { id: '3', displayName: '张伟' }, due: 4, done: 2, overdue: 2 },
        { manager: { id: '4', displayName: '陈静' }, due: 2, done: 1, overdue: 1 },
      ],
      (r) => ({ id: r.manager.id, name: r.manager.displayName }),
    );
    expect(rows.map((r) => [r.id, r.percent])).toEqual([
      ['4', 50],
      ['3', 50],
      ['1', 90],
      ['2', null],
    ]);
    expect(rows[0]).toEqual({ id: '4', name: '陈静', due: 2, done: 1, overdue: 1, percent: 50 });
  });

  it('draws one bar per row in per cent, a row with nothing due at zero', () => {
    const option = completionChart(
      [
        { id: 'a', name: 'VIP', due: 4, done: 3, overdue: 1, percent: 75 },
        { id: 'b', name: '安全', due: 0, done: 0, overdue: 0, percent: null },
      ],
      'Completion',
    ) as { yAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.yAxis.data).toEqual(['VIP', '安全']);
    expect(option.series).toHaveLength(1);
    expect(option.series[0].name).toBe('Completion');
    expect(option.series[0].data).toEqual([75, 0]);
  });
});
