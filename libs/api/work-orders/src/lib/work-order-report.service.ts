import { Injectable } from '@nestjs/common';
import {
  addCalendarDays,
  chinaDate,
  chinaMidnight,
  InvalidInputError,
  lastTwelveMonths,
  monthsBetween,
  monthWithin,
  SATISFACTION_SCORES,
  WorkOrderFigure,
  WorkOrderFilter,
  WorkOrderOnTimeRate,
  WorkOrderReport,
  WorkOrderSatisfaction,
  WorkOrderVolumeCell,
  ruleDetail,
} from '@crm/shared/domain';
import { ReadDatabase } from '@crm/api/database';
import { GROUPED, ReportCounts, ReportGroupRow, WorkOrderReportRepository } from './work-order-report.repository';

const share = (part: number, whole: number) => (whole ? part / whole : null);

const figure = (count: number, filter: WorkOrderFilter): WorkOrderFigure => ({ count, filter });

function onTime(met: number, late: number, filter: WorkOrderFilter, clock: 'contactClock' | 'resolutionClock') {
  const rate: WorkOrderOnTimeRate = {
    rate: share(met, met + late),
    met: figure(met, { ...filter, [clock]: 'met' }),
    late: figure(late, { ...filter, [clock]: 'late' }),
  };
  return rate;
}

function satisfaction(c: ReportCounts, filter: WorkOrderFilter): WorkOrderSatisfaction {
  const scores = [c.s1, c.s2, c.s3, c.s4, c.s5];
  return {
    average: c.rated ? Math.round((Number(c.satisfaction_sum) / c.rated) * 100) / 100 : null,
    rated: figure(c.rated, { ...filter, rated: 'true' }),
    distribution: SATISFACTION_SCORES.map((score, i) => figure(scores[i], { ...filter, satisfaction: score })),
  };
}

const EMPTY: ReportCounts = {
  orders: 0,
  complaints: 0,
  contact_met: 0,
  contact_late: 0,
  resolution_met: 0,
  resolution_late: 0,
  rated: 0,
  satisfaction_sum: null,
  s1: 0,
  s2: 0,
  s3: 0,
  s4: 0,
  s5: 0,
  urged: 0,
  escalated: 0,
  contradicted: 0,
};

/** Whether the row is the grouping set of exactly these columns. */
function isSet(row: ReportGroupRow, ...columns: (keyof typeof GROUPED)[]): boolean {
  const grouped = columns.reduce((bits, c) => bits | GROUPED[c], 0);
  return row.grouping === 31 - grouped;
}

/**
 * Leadership's service quality (API.md, `GET /api/requests/report`) over the orders received in [from, to)
 * (China dates): volume by channel, type and topic per month; contact and resolution on-time rates from the
 * clocks (met / (met + late), where late is stopped late or running past the limit, the current period's
 * resolution clock); complaints per 10,000 customers not closed; the last callback's satisfaction; the
 * repeat-contact rate (orders urged at least once / all); escalations and contradictions; the same per owner.
 * Each figure carries the `GET /api/requests` filter that lists the orders behind it. Read on the read pool
 * (ReadDatabase: the replica of DATABASE_READ_URL, if any).
 */
@Injectable()
export class WorkOrderReportService {
  constructor(
    private readonly read: ReadDatabase,
    private readonly reports: WorkOrderReportRepository,
  ) {}

  /** The report for [from, to) (China dates); by default this month and the eleven before, to the end of today. */
  async report(query: { from?: string; to?: string }): Promise<WorkOrderReport> {
    const to = query.to ?? addCalendarDays(chinaDate(new Date()), 1);
    const from = query.from ?? lastTwelveMonths(addCalendarDays(to, -1)).from;
    if (from >= to) {
      throw new InvalidInputError('The period is empty', [
        ruleDetail('to', 'to must be after from', 'period.toAfterFrom'),
      ]);
    }
    const period: WorkOrderFilter = { from: chinaMidnight(from), to: chinaMidnight(to) };
    const [rows, customers] = await Promise.all([
      this.reports.groups(this.read.dataSource, period.from, period.to),
      this.reports.customersNotClosed(this.read.dataSource),
    ]);
    const monthFilter = (month: string): WorkOrderFilter => {
      const part = monthWithin(month, from, to);
      return { from: chinaMidnight(part.from), to: chinaMidnight(part.to) };
    };
    const cells = (column: 'channel' | 'type' | 'topic'): WorkOrderVolumeCell[] =>
      rows
        .filter((r) => isSet(r, 'month', column) && r[column] !== null)
        .map((r) => ({
          month: r.month ?? '',
          code: r[column] ?? '',
          orders: figure(r.orders, { ...monthFilter(r.month ?? ''), [column]: r[column] }),
        }));
    const totals = (column: 'channel' | 'type' | 'topic') =>
      rows
        .filter((r) => isSet(r, column) && r[column] !== null)
        .map((r) => ({ code: r[column] ?? '', orders: figure(r.orders, { ...period, [column]: r[column] }) }));
    const all = rows.find((r) => isSet(r)) ?? EMPTY;
    return {
      from,
      to,
      months: monthsBetween(from, to),
      orders: figure(all.orders, period),
      volume: {
        byMonth: rows
          .filter((r) => isSet(r, 'month'))
          .map((r) => ({ month: r.month ?? '', orders: figure(r.orders, monthFilter(r.month ?? '')) })),
        byChannel: cells('channel'),
        byType: cells('type'),
        byTopic: cells('topic'),
        channels: totals('channel'),
        types: totals('type'),
        topics: totals('topic'),
      },
      contactOnTime: onTime(all.contact_met, all.contact_late, period, 'contactClock'),
      resolutionOnTime: onTime(all.resolution_met, all.resolution_late, period, 'resolutionClock'),
      complaints: figure(all.complaints, { ...period, type: 'complaint' }),
      customers,
      complaintsPer10000Customers: customers ? Math.round((all.complaints / customers) * 10_000 * 100) / 100 : null,
      satisfaction: satisfaction(all, period),
      repeatContact: { rate: share(all.urged, all.orders), urged: figure(all.urged, { ...period, urged: 'true' }) },
      escalated: figure(all.escalated, { ...period, escalated: 'true' }),
      contradicted: figure(all.contradicted, { ...period, contradicted: 'true' }),
      byManager: rows
        .filter((r) => isSet(r, 'owner'))
        .map((r) => {
          const mine: WorkOrderFilter = { ...period, managerId: r.owner_id ?? '' };
          return {
            manager: { id: r.owner_id ?? '', displayName: r.owner_name ?? '' },
            orders: figure(r.orders, mine),
            complaints: figure(r.complaints, { ...mine, type: 'complaint' }),
            contactOnTime: onTime(r.contact_met, r.contact_late, mine, 'contactClock'),
            resolutionOnTime: onTime(r.resolution_met, r.resolution_late, mine, 'resolutionClock'),
            satisfaction: satisfaction(r, mine),
            urged: figure(r.urged, { ...mine, urged: 'true' }),
            escalated: figure(r.escalated, { ...mine, escalated: 'true' }),
            contradicted: figure(r.contradicted, { ...mine, contradicted: 'true' }),
          };
        }),
    };
  }
}
