import type { EChartsCoreOption } from 'echarts/core';

/** The product's palette: the colours series take in order (Ant Design's, like the rest of the UI). */
export const CHART_PALETTE = ['#1677ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2', '#eb2f96', '#fa8c16', '#8c8c8c'];

/** Colours that mean something, the same on every chart. */
export const CHART_COLOURS = {
  primary: '#1677ff',
  good: '#389e0d',
  warning: '#d48806',
  danger: '#cf1322',
  muted: '#bfbfbf',
  /** The "most possible" bar behind a bar. */
  track: '#f0f0f0',
} as const;

/** The margin around the plot, and the room above it for a legend row, a title and the names of value axes. */
export const CHART_EDGE = 8;
export const LEGEND_HEIGHT = 28;
export const TITLE_HEIGHT = 20;
export const AXIS_NAME_HEIGHT = 24;

/**
 * The estimated width (px) the labels of an x axis may take upright, side by side, before they are rotated 30°
 * (a phone's plot is about this wide); three times as much is rotated 45°.
 */
const UPRIGHT_WIDTH = 300;
/** The widest a category label is drawn (px); a longer one is cut with … and shown whole in the tooltip. */
export const CATEGORY_LABEL_WIDTH = 120;

type Obj = Record<string, unknown>;
type Axis = Obj & { type?: string; show?: boolean; data?: unknown[]; name?: string; axisLabel?: Obj };

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
/** An x or y axis option as given: one axis or a list, kept that way. */
const mapAxes = (axes: unknown, f: (axis: Axis, index: number) => Axis) =>
  axes === undefined ? undefined : Array.isArray(axes) ? axes.map(f) : f(axes as Axis, 0);

/** Roughly how wide `text` is drawn at 12 px: Chinese characters 12 px, others 7 px. */
export function labelWidth(text: string): number {
  return [...text].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 12 : 7), 0);
}

/** Every category labelled (interval 0); x labels rotated when they would not fit upright, long ones cut. */
function categoryAxis(axis: Axis, direction: 'x' | 'y'): Axis {
  if (axis.type !== 'category' || axis.show === false) return axis;
  const labels = (axis.data ?? []).map((d) => String(d && typeof d === 'object' ? (d as Obj)['value'] : d));
  const fontSize = typeof axis.axisLabel?.['fontSize'] === 'number' ? axis.axisLabel['fontSize'] : 12;
  const total = labels.reduce((w, l) => w + (labelWidth(l) * fontSize) / 12 + 8, 0);
  const rotate = direction === 'x' && total > UPRIGHT_WIDTH ? (total > 3 * UPRIGHT_WIDTH ? 45 : 30) : 0;
  return {
    ...axis,
    axisLabel: {
      rotate,
      width: CATEGORY_LABEL_WIDTH,
      overflow: 'truncate',
      ...axis.axisLabel,
      interval: 0,
      hideOverlap: false,
    },
  };
}

/** A value axis's name kept inside the chart: the first axis's starts at its axis, the second's ends at its. */
function valueAxis(axis: Axis, index: number): Axis {
  if (axis.type !== 'value' || !axis.name) return axis;
  return { ...axis, nameTextStyle: { align: index === 0 ? 'left' : 'right', ...(axis['nameTextStyle'] as Obj) } };
}

/**
 * The product's chart style over an ECharts option, for every chart of the app:
 * - the palette (unless the option names its colours);
 * - every category labelled (axisLabel.interval 0), x labels rotated when they would not fit upright and cut at
 *   CATEGORY_LABEL_WIDTH; the tooltip (on the axis, kept inside the chart) shows a cut label whole;
 * - the legend in one scrolling row at the top, and the plot (grid) starting below it, below the title and below
 *   the names of value axes, so that none of them overlaps an axis; axis labels inside the grid (containLabel).
 * The option's own settings win, except that the grid's top never leaves less room than these need, and that
 * categories are always all labelled.
 */
export function chartStyle(option: EChartsCoreOption): EChartsCoreOption {
  const o = option as Obj;
  const xAxis = mapAxes(o['xAxis'], (a) => valueAxis(categoryAxis(a, 'x'), 0));
  const yAxis = mapAxes(o['yAxis'], (a, i) => valueAxis(categoryAxis(a, 'y'), i));
  const axes = [...list(xAxis), ...list(yAxis)] as Axis[];
  const hasAxes = axes.some((a) => a.show !== false);
  const legend = o['legend'] ? { type: 'scroll', left: 'center', ...(o['legend'] as Obj), top: 0 } : undefined;
  const named = list(yAxis as Axis | Axis[]).some((a) => a.type === 'value' && a.name && a.show !== false);
  const above = (legend ? LEGEND_HEIGHT : 0) + (o['title'] ? TITLE_HEIGHT : 0) + (named ? AXIS_NAME_HEIGHT : 0);
  const room = above ? CHART_EDGE + above : 0;
  const given = (o['grid'] ?? {}) as Obj;
  const tooltip = o['tooltip'] ?? (hasAxes ? { trigger: 'axis' } : undefined);
  return {
    ...o,
    color: o['color'] ?? CHART_PALETTE,
    ...(tooltip ? { tooltip: { confine: true, ...(tooltip as Obj) } } : {}),
    ...(legend ? { legend } : {}),
    ...(hasAxes
      ? {
          grid: {
            left: CHART_EDGE,
            right: CHART_EDGE,
            bottom: CHART_EDGE,
            containLabel: true,
            ...given,
            top: Math.max(room, typeof given['top'] === 'number' ? given['top'] : CHART_EDGE),
          },
          xAxis,
          yAxis,
        }
      : {}),
  };
}
