import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { copyCsvTo, cursorRows } from '@crm/api/database';
import { ExportColumn } from '@crm/api/http';
import { Writable } from 'node:stream';
import {
  Page,
  SEGMENT_DIMENSIONS,
  SegmentDistribution,
  SegmentMember,
  SegmentMemberSortField,
  SegmentRule,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { compileSegmentRule, METRICS_JOIN } from './segment-sql';

/** Whose members: a rule (a dynamic segment, or a preview) or a static segment's list. */
export type MemberSource = { rule: SegmentRule } | { staticSegmentId: string };

interface SourceSql {
  /** Customers `c`, with their metrics `m` when the source or the caller reads them. */
  from: string;
  /** The members, within the caller's scope. */
  where: string;
}

/** The members of `source` as FROM and WHERE over customers `c`; values are appended to `params`. */
export function sourceSql(source: MemberSource, scope: DataScope, params: unknown[], withMetrics = false): SourceSql {
  if ('rule' in source) {
    const rule = compileSegmentRule(source.rule, params);
    return {
      from: `customers c ${rule.readsMetrics || withMetrics ? METRICS_JOIN : ''}`,
      where: `${rule.where} AND ${scope.sql('c.account_manager_id', params)}`,
    };
  }
  params.push(source.staticSegmentId);
  const segment = `$${params.length}`;
  return {
    from: `segment_members sm JOIN customers c ON c.id = sm.customer_id ${withMetrics ? METRICS_JOIN : ''}`,
    where: `sm.segment_id = ${segment} AND ${scope.sql('c.account_manager_id', params)}`,
  };
}

const MEMBER_COLUMNS = `c.id, c.account_no, c.name, c.industry, c.voltage_kv, c.region, c.stage, c.importance,
  c.contract_capacity_kva, u.id AS manager_id, u.display_name AS manager_name, m.kwh_12m, m.arrears,
  m.vip_score, m.vip_tier, m.credit_score, m.credit_rating`;

const SORT_SQL: Record<SegmentMemberSortField, string> = {
  accountNo: 'c.account_no',
  name: 'c.name',
  industry: 'c.industry',
  voltageKv: 'c.voltage_kv',
  region: 'c.region',
  contractCapacityKva: 'c.contract_capacity_kva',
  kwh12m: 'm.kwh_12m',
  arrears: 'm.arrears',
  vipScore: 'm.vip_score',
  creditScore: 'm.credit_score',
};

/** ORDER BY of a sort such as `-kwh12m`; empty values last either way, the account number breaks ties. */
function orderSql(sort: string): string {
  const descending = sort.startsWith('-');
  const column = SORT_SQL[(descending ? sort.slice(1) : sort) as SegmentMemberSortField] ?? SORT_SQL.accountNo;
  return `${column} ${descending ? 'DESC' : 'ASC'} NULLS LAST, c.account_no`;
}

interface MemberRow {
  id: string;
  account_no: string;
  name: string;
  industry: string;
  voltage_kv: number;
  region: string;
  stage: string;
  importance: string;
  contract_capacity_kva: string;
  manager_id: string | null;
  manager_name: string | null;
  kwh_12m: string | null;
  arrears: string | null;
  vip_score: string | null;
  vip_tier: string | null;
  credit_score: string | null;
  credit_rating: string | null;
}

const numberOrNull = (x: string | null) => (x === null ? null : Number(x));

export function toMember(r: MemberRow): SegmentMember {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    industry: r.industry,
    voltageKv: r.voltage_kv,
    region: r.region,
    stage: r.stage,
    importance: r.importance,
    contractCapacityKva: Number(r.contract_capacity_kva),
    manager: r.manager_id ? { id: r.manager_id, displayName: r.manager_name ?? '' } : null,
    kwh12m: numberOrNull(r.kwh_12m),
    arrears: numberOrNull(r.arrears),
    vipScore: numberOrNull(r.vip_score),
    vipTier: r.vip_tier,
    creditScore: numberOrNull(r.credit_score),
    creditRating: r.credit_rating,
  };
}

/** The columns of a members export: the CSV's by COPY from `sql`, the workbook's from a SegmentMember. */
export const MEMBER_EXPORT: (ExportColumn<SegmentMember> & { sql: string })[] = [
  { header: 'accountNo', sql: 'c.account_no', value: (m) => m.accountNo },
  { header: 'name', sql: 'c.name', value: (m) => m.name },
  { header: 'industry', sql: 'c.industry', value: (m) => m.industry },
  { header: 'voltageKv', sql: 'c.voltage_kv', value: (m) => m.voltageKv },
  { header: 'region', sql: 'c.region', value: (m) => m.region },
  { header: 'stage', sql: 'c.stage', value: (m) => m.stage },
  { header: 'importance', sql: 'c.importance', value: (m) => m.importance },
  { header: 'contractCapacityKva', sql: 'c.contract_capacity_kva', value: (m) => m.contractCapacityKva },
  { header: 'manager', sql: 'u.display_name', value: (m) => m.manager?.displayName ?? null },
  { header: 'kwh12m', sql: 'm.kwh_12m', value: (m) => m.kwh12m },
  { header: 'arrears', sql: 'm.arrears', value: (m) => m.arrears },
  { header: 'vipScore', sql: 'm.vip_score', value: (m) => m.vipScore },
  { header: 'vipTier', sql: 'm.vip_tier', value: (m) => m.vipTier },
  { header: 'creditScore', sql: 'm.credit_score', value: (m) => m.creditScore },
  { header: 'creditRating', sql: 'm.credit_rating', value: (m) => m.creditRating },
];

/** Reads of a segment's members: count, a sorted page, every member for export, the distribution. */
@Injectable()
export class SegmentMembersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(source: MemberSource, scope: DataScope): Promise<number> {
    const params: unknown[] = [];
    const { from, where } = sourceSql(source, scope, params);
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM ${from} WHERE ${where}`,
      params,
    );
    return count;
  }

  async page(
    source: MemberSource,
    scope: DataScope,
    query: { page: number; pageSize: number; sort: string },
  ): Promise<Page<SegmentMember>> {
    const params: unknown[] = [];
    const { from, where } = sourceSql(source, scope, params, true);
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `SELECT ${MEMBER_COLUMNS} FROM ${from} LEFT JOIN users u ON u.id = c.account_manager_id
          WHERE ${where} ORDER BY ${orderSql(query.sort)}
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ),
      this.count(source, scope),
    ]);
    return { items: rows.map(toMember), total, page: query.page, pageSize: query.pageSize };
  }

  /** A few members, whichever the database finds first: a preview's sample, which must not cost a sort. */
  async sample(source: MemberSource, scope: DataScope, size: number): Promise<SegmentMember[]> {
    const params: unknown[] = [];
    const { from, where } = sourceSql(source, scope, params, true);
    const rows = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM ${from} LEFT JOIN users u ON u.id = c.account_manager_id
        WHERE ${where} LIMIT ${size}`,
      params,
    );
    return rows.map(toMember);
  }

  /** Every member in `sort` order, streamed through a cursor: constant memory for any size. */
  async *all(source: MemberSource, scope: DataScope, sort: string): AsyncGenerator<SegmentMember> {
    const params: unknown[] = [];
    const { from, where } = sourceSql(source, scope, params, true);
    const rows = cursorRows<MemberRow>(
      this.dataSource,
      `SELECT ${MEMBER_COLUMNS} FROM ${from} LEFT JOIN users u ON u.id = c.account_manager_id
        WHERE ${where} ORDER BY ${orderSql(sort)}`,
      params,
    );
    for await (const row of rows) yield toMember(row);
  }

  /** Every member in `sort` order as CSV rows (MEMBER_EXPORT's columns), formatted and streamed by PostgreSQL. */
  async copyCsv(source: MemberSource, scope: DataScope, sort: string, out: Writable): Promise<void> {
    const params: unknown[] = [];
    const { from, where } = sourceSql(source, scope, params, true);
    await copyCsvTo(
      this.dataSource,
      `SELECT ${MEMBER_EXPORT.map((c) => c.sql).join(', ')} FROM ${from}
         LEFT JOIN users u ON u.id = c.account_manager_id
        WHERE ${where} ORDER BY ${orderSql(sort)}`,
      params,
      out,
    );
  }

  /**
   * The members' distribution over industry, voltage, region, VIP tier and credit rating next to the
   * whole population's (both within the caller's scope), in one pass over the customers.
   */
  async distribution(source: MemberSource, scope: DataScope): Promise<SegmentDistribution[]> {
    const params: unknown[] = [];
    let from: string;
    let member: string;
    if ('rule' in source) {
      const rule = compileSegmentRule(source.rule, params);
      from = `customers c ${METRICS_JOIN}`;
      member = `coalesce(${rule.where}, false)`;
    } else {
      params.push(source.staticSegmentId);
      from = `customers c ${METRICS_JOIN}
        LEFT JOIN segment_members sm ON sm.segment_id = $${params.length} AND sm.customer_id = c.id`;
      member = 'sm.customer_id IS NOT NULL';
    }
    const rows: { dimension: SegmentDistribution['dimension']; value: string; segment: number; population: number }[] =
      await this.dataSource.query(
        `WITH p AS (
           SELECT c.industry, c.voltage_kv::text AS voltage, c.region, m.vip_tier, m.credit_rating, ${member} AS member
             FROM ${from}
            WHERE ${scope.sql('c.account_manager_id', params)}
         )
         SELECT d.dimension, d.value, (count(*) FILTER (WHERE p.member))::int AS segment, count(*)::int AS population
           FROM p CROSS JOIN LATERAL (VALUES ('industry', p.industry), ('voltageKv', p.voltage), ('region', p.region),
                                             ('vipTier', p.vip_tier), ('creditRating', p.credit_rating)) d (dimension, value)
          WHERE d.value IS NOT NULL
          GROUP BY d.dimension, d.value
          ORDER BY d.dimension, segment DESC, population DESC, d.value`,
        params,
      );
    return SEGMENT_DIMENSIONS.map((dimension) => ({
      dimension,
      buckets: rows
        .filter((r) => r.dimension === dimension)
        .map(({ value, segment, population }) => ({ value, segment, population })),
    }));
  }
}
