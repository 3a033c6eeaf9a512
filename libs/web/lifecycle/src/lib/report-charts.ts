import { LifecycleReport } from '@crm/shared/domain';
import { CHART_COLOURS, chartStyle } from '@crm/web/ui';
import type { EChartsCoreOption } from 'echarts/core';

/** ECharts options for the leadership view, built from the report; `t` translates, `zh` picks step names. */
export function complianceByMonthChart(report: LifecycleReport, t: (key: string) => string): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('report.completed'), t('report.rate')] },
    xAxis: { type: 'category', data: report.byMonth.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: t('report.completed') },
      { type: 'value', name: t('report.rate'), min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    ],
    series: [
      { name: t('report.completed'), type: 'bar', data: report.byMonth.map((m) => m.completed) },
      {
        name: t('report.rate'),
        type: 'line',
        yAxisIndex: 1,
        data: report.byMonth.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10)),
      },
    ],
  });
}

export function byManagerChart(report: LifecycleReport, t: (key: string) => string): EChartsCoreOption {
  const managers = report.byManager.map((m) => m.manager.displayName);
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('report.rate'), t('sla.overdue'), t('sla.warning')] },
    xAxis: { type: 'category', data: managers },
    yAxis: [
      { type: 'value', name: t('report.rate'), min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      { type: 'value', name: t('report.openSteps') },
    ],
    series: [
      {
        name: t('report.rate'),
        type: 'bar',
        data: report.byManager.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10)),
      },
      {
        name: t('sla.overdue'),
        type: 'line',
        yAxisIndex: 1,
        color: CHART_COLOURS.danger,
        data: report.byManager.map((m) => m.overdueNow),
      },
      {
        name: t('sla.warning'),
        type: 'line',
        yAxisIndex: 1,
        color: CHART_COLOURS.warning,
        data: report.byManager.map((m) => m.warningNow),
      },
    ],
  });
}

export function stepDurationChart(report: LifecycleReport, t: (key: string) => string, zh: boolean): EChartsCoreOption {
  return chartStyle({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('report.average'), t('report.limit')] },
    xAxis: {
      type: 'category',
      data: report.steps.map((s) => (zh ? s.nameZh : s.nameEn)),
    },
    yAxis: { type: 'value', name: t('applications.workingDays') },
    series: [
      { name: t('report.average'), type: 'bar', data: report.steps.map((s) => s.averageWorkingDays) },
      { name: t('report.limit'), type: 'bar', data: report.steps.map((s) => s.limit) },
    ],
  });
}

/** The share of completed applications that kept every time limit, over the whole report. */
export function overallRate(report: LifecycleReport): number | null {
  const completed = report.byMonth.reduce((s, m) => s + m.completed, 0);
  const compliant = report.byMonth.reduce((s, m) => s + m.compliant, 0);
  return completed ? compliant / completed : null;
}
