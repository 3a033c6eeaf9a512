import { chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

/** Tasks due so far (cancelled ones aside): how many, how many done, how many still open (overdue). */
export interface CompletionFigures {
  due: number;
  done: number;
  overdue: number;
}

/** One manager's or one plan's figures with its name and completion rate. */
export interface CompletionRow extends CompletionFigures {
  id: string;
  name: string;
  /** done / due in per cent, one decimal; null with nothing due. */
  percent: number | null;
}

export function completionPercent({ done, due }: CompletionFigures): number | null {
  return due ? Math.round((done / due) * 1000) / 10 : null;
}

/** The rows of a completion table: each with its rate, the lowest rate first (nothing due last), then by name (pinyin). */
export function completionRows<T extends CompletionFigures>(
  items: readonly T[],
  ref: (item: T) => { id: string; name: string },
): CompletionRow[] {
  return items
    .map((item) => ({
      ...ref(item),
      due: item.due,
      done: item.done,
      overdue: item.overdue,
      percent: completionPercent(item),
    }))
    .sort((a, b) => (a.percent ?? Infinity) - (b.percent ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The completion rate of each row as a horizontal bar, in per cent, in the rows' order from the top. */
export function completionChart(rows: readonly CompletionRow[], label: string): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v} %` },
    grid: { right: 40 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
    },
    series: [
      {
        name: label,
        type: 'bar',
        label: { show: true, position: 'right', formatter: '{c} %' },
        data: rows.map((r) => r.percent ?? 0),
      },
    ],
  });
}
