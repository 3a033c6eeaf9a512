import {
  AXIS_NAME_HEIGHT,
  CATEGORY_LABEL_WIDTH,
  CHART_EDGE,
  CHART_PALETTE,
  chartStyle,
  labelWidth,
  LEGEND_HEIGHT,
  TITLE_HEIGHT,
} from './chart-style';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const style = (option: Obj) => chartStyle(option) as Obj;
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

describe('chartStyle', () => {
  it('labels every category of either axis, even where ECharts would skip some (interval 0, no hiding)', () => {
    const bars = style({ xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['a', 'b', 'c', 'd', 'e'] } });
    expect(bars['yAxis'].axisLabel).toMatchObject({ interval: 0, hideOverlap: false });
    const columns = style({ xAxis: { type: 'category', data: months }, yAxis: { type: 'value' } });
    expect(columns['xAxis'].axisLabel).toMatchObject({ interval: 0, hideOverlap: false });
    // An option asking for fewer labels still gets them all.
    const asked = style({ xAxis: { type: 'category', data: months, axisLabel: { interval: 3 } }, yAxis: {} });
    expect(asked['xAxis'].axisLabel.interval).toBe(0);
  });

  it('rotates x labels that would not fit upright, more for many, and cuts long ones (the tooltip shows them whole)', () => {
    const x = (data: string[]) => style({ xAxis: { type: 'category', data }, yAxis: { type: 'value' } })['xAxis'];
    expect(x(['AAA', 'AA', 'A', 'B', 'C']).axisLabel.rotate).toBe(0);
    expect(x(months).axisLabel.rotate).toBe(30);
    expect(x(Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`)).axisLabel.rotate).toBe(
      45,
    );
    // Twelve short months of a small print chart fit upright.
    const small = style({
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.slice(5))}月`), axisLabel: { fontSize: 9 } },
      yAxis: { type: 'value' },
    });
    expect(small['xAxis'].axisLabel).toMatchObject({ rotate: 0, interval: 0, fontSize: 9 });
    // Five long Chinese step names are wider than the row: rotated.
    expect(
      x(['受理申请并审核资料', '现场勘查与方案制定', '供电方案答复', '设计审查', '中间检查']).axisLabel.rotate,
    ).toBe(30);
    expect(x(months).axisLabel).toMatchObject({ width: CATEGORY_LABEL_WIDTH, overflow: 'truncate' });
    expect(style({ xAxis: { type: 'category', data: months }, yAxis: {} })['tooltip']).toEqual({
      trigger: 'axis',
      confine: true,
    });
  });

  it('leaves hidden axes (sparklines) and value axes unlabelled by it', () => {
    const o = style({ xAxis: { type: 'category', show: false, data: months }, yAxis: { type: 'value', show: false } });
    expect(o['xAxis'].axisLabel).toBeUndefined();
    expect(o['yAxis'].axisLabel).toBeUndefined();
  });

  it('puts the legend in one row at the top and starts the plot below it, so that it never overlaps an axis', () => {
    const o = style({
      legend: { data: ['a', 'b'], bottom: 0 },
      xAxis: { type: 'category', data: ['x'] },
      yAxis: { type: 'value' },
    });
    expect(o['legend']).toMatchObject({ type: 'scroll', top: 0, data: ['a', 'b'] });
    expect(o['grid'].top).toBeGreaterThanOrEqual(LEGEND_HEIGHT);
    expect(o['grid']).toMatchObject({ top: CHART_EDGE + LEGEND_HEIGHT, bottom: CHART_EDGE, containLabel: true });
  });

  it('leaves room for the names of value axes under the legend, and keeps the names inside the chart', () => {
    const o = style({
      legend: {},
      xAxis: { type: 'category', data: ['AAA'] },
      yAxis: [
        { type: 'value', name: '客户数' },
        { type: 'value', name: '欠费金额' },
      ],
    });
    expect(o['grid'].top).toBe(CHART_EDGE + LEGEND_HEIGHT + AXIS_NAME_HEIGHT);
    expect(o['yAxis'].map((a: Obj) => a['nameTextStyle'].align)).toEqual(['left', 'right']);
  });

  it('leaves room for a title, and never less than that even when the option asks for a smaller top', () => {
    const o = style({ title: { text: 'kWh' }, grid: { top: 4, right: 40 }, xAxis: { type: 'value' }, yAxis: {} });
    expect(o['grid']).toMatchObject({ top: CHART_EDGE + TITLE_HEIGHT, right: 40 });
    const roomy = style({ legend: {}, grid: { top: 80 }, xAxis: { type: 'value' }, yAxis: {} });
    expect(roomy['grid'].top).toBe(80);
    expect(style({ grid: { top: 4 }, xAxis: { type: 'value' }, yAxis: {} })['grid'].top).toBe(4);
  });

  it("uses the product's palette unless the option names its colours, and keeps tooltips inside the chart", () => {
    expect(style({ series: [] })['color']).toBe(CHART_PALETTE);
    expect(style({ color: ['#000'], series: [] })['color']).toEqual(['#000']);
    expect(style({ tooltip: { trigger: 'item' }, series: [] })['tooltip']).toEqual({ trigger: 'item', confine: true });
    // A pie has no axes: no grid, no axis tooltip.
    expect(style({ series: [{ type: 'pie' }] })['grid']).toBeUndefined();
    expect(style({ series: [{ type: 'pie' }] })['tooltip']).toBeUndefined();
  });

  it('estimates label widths, Chinese characters wider', () => {
    expect(labelWidth('AAA')).toBe(21);
    expect(labelWidth('制造业')).toBe(36);
  });
});
