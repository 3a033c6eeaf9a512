import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { ExportQuery, ExportRowsQuery, exportTextSql, PageRequest, Params, query, queryPage } from '@crm/api/database';
import { codeName, ExportField, industryName, integerText, moneyText, regionName } from '@crm/api/http';
import {
  Page,
  SEGMENT_DIMENSIONS,
  SegmentDistribution,
  SegmentMember,
  SegmentMemberSortField,
  SegmentRule,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { compileSegmentRule } from './segment-sql';

/** Whose members: a rule (a dynamic segment, or a preview) or a static segment's list. */
export type MemberSource = { rule: SegmentRule } | { staticSegmentId: string };

interface SourceSql {
  /** The members' segment facts `f`. */
  from: string;
  /** The members, within the caller's scope. */
  where: string;
}

/** The members of `source` as FROM and WHERE over segment facts `f`; values are added to `params`. */
export function sourceSql(source: MemberSource, scope: DataScope, params: Params): SourceSql {
  if ('rule' in source) {
    const rule = compileSegmentRule(source.rule, params);
    return { from: 'segment_facts f', where: `${rule} AND ${scope.sql('f.account_manager_id', params)}` };
  }
  const segment = params.add(source.staticSegmentId);
  return {
    from: 'segment_members sm JOIN segment_facts f ON f.customer_id = sm.customer_id',
    where: `sm.segment_id = ${segment} AND ${scope.sql('f.account_manager_id', params)}`,
  };
}

/** What a member list shows besides the facts: the customer's number and name, the manager's name. */
const MEMBER_JOINS = `JOIN customers c ON c.id = f.customer_id LEFT JOIN users u ON u.id = f.account_manager_id`;

const MEMBER_COLUMNS = `c.id, c.account_no, c.name, f.industry, f.voltage_kv, f.region, f.stage, f.importance,
  f.contract_capacity_kva, u.id AS manager_id, u.display_name AS manager_name, f.kwh_12m, f.arrears,
  f.vip_score, f.vip_tier, f.credit_score, f.credit_rating`;

const SORT_SQL: Record<SegmentMemberSortField, string> = {
  accountNo: 'c.account_no',
  name: 'c.name',
  industry: 'f.industry',
  voltageKv: 'f.voltage_kv',
  region: 'f.region',
  contractCapacityKva: 'f.contract_capacity_kva',
  kwh12m: 'f.kwh_12m',
  arrears: 'f.arrears',
  vipScore: 'f.vip_score',
  creditScore: 'f.credit_score',
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
  contract_capacity_kva: string | null;
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
    contractCapacityKva: numberOrNull(r.contract_capacity_kva),
    manager: r.manager_id ? { id: r.manager_id, displayName: r.manager_name ?? '' } : null,
    kwh12m: numberOrNull(r.kwh_12m),
    arrears: numberOrNull(r.arrears),
    vipScore: numberOrNull(r.vip_score),
    vipTier: r.vip_tier,
    creditScore: numberOrNull(r.credit_score),
    creditRating: r.credit_rating,
  };
}

const kv = (v: string | number) => `${v} kV`;

/**
 * The columns of a members export, raw or readable (exportColumns; headers the member list's labels,
 * apps/web/public/i18n/segments.*.json, and the segment vocabulary's): a raw CSV's by COPY from `sql` (text
 * through exportTextSql, so that no cell is read as a formula), the others' from a SegmentMember.
 */
export const MEMBER_EXPORT: readonly (ExportField<SegmentMember> & { sql: string })[] = [
  { key: 'accountNo', zh: '户号', en: 'Account no.', sql: exportTextSql('c.account_no'), raw: (m) => m.accountNo },
  { key: 'name', zh: '客户名称', en: 'Customer', sql: exportTextSql('c.name'), raw: (m) => m.name },
  {
    key: 'industry',
    zh: '行业',
    en: 'Industry',
    sql: exportTextSql('f.industry'),
    raw: (m) => m.industry,
    text: industryName,
  },
  { key: 'voltageKv', zh: '电压等级', en: 'Voltage', sql: 'f.voltage_kv', raw: (m) => m.voltageKv, text: kv },
  {
    key: 'region',
    zh: '供电区域',
    en: 'Region',
    sql: exportTextSql('f.region'),
    raw: (m) => m.region,
    text: regionName,
  },
  {
    key: 'stage',
    zh: '生命周期阶段',
    en: 'Stage',
    sql: exportTextSql('f.stage'),
    raw: (m) => m.stage,
    text: codeName('stage'),
  },
  {
    key: 'importance',
    zh: '重要客户等级',
    en: 'Important-customer class',
    sql: exportTextSql('f.importance'),
    raw: (m) => m.importance,
    text: codeName('importance'),
  },
  {
    key: 'contractCapacityKva',
    zh: '合同容量 (kVA)',
    en: 'Capacity (kVA)',
    sql: 'f.contract_capacity_kva',
    raw: (m) => m.contractCapacityKva,
    text: integerText,
  },
  {
    key: 'manager',
    zh: '客户经理',
    en: 'Account manager',
    sql: exportTextSql('u.display_name'),
    raw: (m) => m.manager?.displayName ?? null,
  },
  {
    key: 'kwh12m',
    zh: '近12个月用电量 (kWh)',
    en: '12-month kWh',
    sql: 'f.kwh_12m',
    raw: (m) => m.kwh12m,
    text: integerText,
  },
  { key: 'arrears', zh: '欠费', en: 'Arrears', sql: 'f.arrears', raw: (m) => m.arrears, text: moneyText },
  { key: 'vipScore', zh: 'VIP 价值得分', en: 'VIP score', sql: 'f.vip_score', raw: (m) => m.vipScore },
  {
    key: 'vipTier',
    zh: 'VIP 等级',
    en: 'VIP tier',
    sql: exportTextSql('f.vip_tier'),
    raw: (m) => m.vipTier,
    text: codeName('vipTier'),
  },
  { key: 'creditScore', zh: '信用得分', en: 'Credit score', sql: 'f.credit_score', raw: (m) => m.creditScore },
  {
    key: 'creditRating',
    zh: '信用等级',
    en: 'Credit rating',
    sql: exportTextSql('f.credit_rating'),
    raw: (m) => m.creditRating,
    text: codeName('creditRating'),
  },
];

/** How many members `from` has that pass `where`, as one row `{ total }`. */
const countSql = (from: string, where: string) => `SELECT count(*)::int AS total FROM ${from} WHERE ${where}`;

/** Reads of a segment's members: count, a sorted page, every member for export, the distribution. */
@Injectable()
export class SegmentMembersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(source: MemberSource, scope: DataScope): Promise<number> {
    const params = new Params();
    const { from, where } = sourceSql(source, scope, params);
    const [{ total }] = await query<{ total: number }>(this.dataSource, countSql(from, where), params);
    return total;
  }

  page(source: MemberSource, scope: DataScope, request: PageRequest & { sort: string }): Promise<Page<SegmentMember>> {
    const params = new Params();
    const { from, where } = sourceSql(source, scope, params);
    return queryPage(
      this.dataSource,
      {
        rows: `SELECT ${MEMBER_COLUMNS} FROM ${from} ${MEMBER_JOINS} WHERE ${where} ORDER BY ${orderSql(request.sort)}`,
        count: countSql(from, where),
      },
      params,
      request,
      toMember,
    );
  }

  /** A few members, whichever the database finds first: a preview's sample, which must not cost a sort. */
  async sample(source: MemberSource, scope: DataScope, size: number): Promise<SegmentMember[]> {
    const params = new Params();
    const { from, where } = sourceSql(source, scope, params);
    const rows = await query<MemberRow>(
      this.dataSource,
      `SELECT ${MEMBER_COLUMNS} FROM ${from} ${MEMBER_JOINS}
        WHERE ${where} LIMIT ${size}`,
      params,
    );
    return rows.map(toMember);
  }

  /** Every member in `sort` order, for an export through a cursor. */
  exportRows(source: MemberSource, scope: DataScope, sort: string): ExportRowsQuery<SegmentMember> {
    const params = new Params();
    const { from, where } = sourceSql(source, scope, params);
    return {
      sql: `SELECT ${MEMBER_COLUMNS} FROM ${from} ${MEMBER_JOINS} WHERE ${where} ORDER BY ${orderSql(sort)}`,
      params: params.values,
      toRow: (row) => toMember(row as unknown as MemberRow),
    };
  }

  /** Every member in `sort` order as MEMBER_EXPORT's raw columns, for a raw CSV export by COPY. */
  exportCsv(source: MemberSource, scope: DataScope, sort: string): ExportQuery {
    const params = new Params();
    const { from, where } = sourceSql(source, scope, params);
    return {
      sql: `SELECT ${MEMBER_EXPORT.map((c) => c.sql).join(', ')} FROM ${from} ${MEMBER_JOINS}
        WHERE ${where} ORDER BY ${orderSql(sort)}`,
      params: params.values,
    };
  }

  /**
   * The members' distribution over industry, voltage, region, VIP tier and credit rating next to the
   * whole population's (both within the caller's scope), in one pass over the customers.
   */
  async distribution(source: MemberSource, scope: DataScope): Promise<SegmentDistribution[]> {
    const params = new Params();
    let from = 'segment_facts f';
    let member: string;
    if ('rule' in source) {
      member = `coalesce(${compileSegmentRule(source.rule, params)}, false)`;
    } else {
      from += ` LEFT JOIN segment_members sm ON sm.segment_id = ${params.add(source.staticSegmentId)} AND sm.customer_id = f.customer_id`;
      member = 'sm.customer_id IS NOT NULL';
    }
    const rows = await query<{
      dimension: SegmentDistribution['dimension'];
      value: string;
      segment: number;
      population: number;
    }>(
      this.dataSource,
      `WITH p AS (
           SELECT f.industry, f.voltage_kv::text AS voltage, f.region, f.vip_tier, f.credit_rating, ${member} AS member
             FROM ${from}
            WHERE ${scope.sql('f.account_manager_id', params)}
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
