import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { ExportRowsQuery, PageRequest, Params, query, queryOne, queryPage } from '@crm/api/database';
import {
  BlacklistReason,
  CREDIT_FACTORS,
  CreditListEntry,
  CreditRating,
  CreditSummary,
  CustomerScores,
  Page,
  paymentMethodOf,
  ScoringModel,
  VIP_FACTORS,
  VipListEntry,
  VipSummary,
  VipTier,
  weightedScore,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';

/** The latest completed run and the one before, for every read. */
const RUNS = `
  latest AS (SELECT max(id) AS id FROM scoring_runs WHERE state = 'completed'),
  previous AS (SELECT max(id) AS id FROM scoring_runs WHERE state = 'completed' AND id < (SELECT id FROM latest))`;

/** The rating of the latest run is worse than the run before's (AAA best, C worst). */
const ratingFell = (rating: string, previous: string) =>
  `array_position(ARRAY['AAA', 'AA', 'A', 'B', 'C'], ${rating}) > array_position(ARRAY['AAA', 'AA', 'A', 'B', 'C'], ${previous})`;

export interface ScoreFilter {
  tier?: VipTier;
  rating?: CreditRating;
  region?: string;
  industry?: string;
  managerId?: string;
}

/** Conditions on the latest scores `s` of customers `c`, within the caller's scope. */
function filterSql(scope: DataScope, filter: ScoreFilter, p: Params): string {
  const where = [scope.sql('c.account_manager_id', p)];
  if (filter.tier) where.push(`s.vip_tier = ${p.add(filter.tier)}`);
  if (filter.rating) where.push(`s.credit_rating = ${p.add(filter.rating)}`);
  if (filter.region) where.push(`c.region = ${p.add(filter.region)}`);
  if (filter.industry) where.push(`c.industry = ${p.add(filter.industry)}`);
  if (filter.managerId) where.push(`c.account_manager_id = ${p.add(filter.managerId)}`);
  return where.join(' AND ');
}

interface VipRow {
  vip_rank: number;
  vip_score: string;
  vip_tier: VipTier;
  previous_score: string | null;
  credit_rating: CreditRating;
  id: string;
  account_no: string;
  name: string;
  region: string;
  industry: string;
  manager_id: string | null;
  manager_name: string | null;
  revenue_12m: string | null;
}

/** The VIP list's rows matching `where`, by rank. */
const vipSql = (where: string) => `
  WITH ${RUNS}
  SELECT s.vip_rank, s.vip_score, s.vip_tier, s.credit_rating, p.vip_score AS previous_score,
         c.id, c.account_no, c.name, c.region, c.industry, u.id AS manager_id, u.display_name AS manager_name,
         m.revenue_12m
    FROM customer_scores s
    JOIN customers c ON c.id = s.customer_id
    LEFT JOIN customer_scores p ON p.run_id = (SELECT id FROM previous) AND p.customer_id = s.customer_id
    LEFT JOIN users u ON u.id = c.account_manager_id
    LEFT JOIN customer_metrics m ON m.customer_id = s.customer_id
   WHERE s.run_id = (SELECT id FROM latest) AND ${where}
   ORDER BY s.vip_rank`;

function toVipEntry(r: VipRow): VipListEntry {
  const score = Number(r.vip_score);
  const previous = r.previous_score === null ? null : Number(r.previous_score);
  return {
    rank: r.vip_rank,
    customer: { id: r.id, accountNo: r.account_no, name: r.name, region: r.region, industry: r.industry },
    manager: r.manager_id ? { id: r.manager_id, displayName: r.manager_name ?? '' } : null,
    score,
    tier: r.vip_tier,
    previousScore: previous,
    delta: previous === null ? null : Math.round((score - previous) * 100) / 100,
    revenue12Months: Number(r.revenue_12m ?? 0),
    creditRating: r.credit_rating,
  };
}

/** A customer's scores of one completed run, with the run's model. */
interface ScoreRunRow {
  run_id: string;
  customer_id: string;
  vip_rank: number;
  vip_score: string;
  vip_tier: VipTier;
  vip_values: number[];
  vip_normalised: number[];
  credit_score: string;
  credit_rating: CreditRating;
  credit_values: number[];
  credit_normalised: number[];
  blacklist_reason: BlacklistReason | null;
  model_version: number;
  finished_at: Date;
  as_of: string;
  vip_weights: ScoringModel['vipWeights'];
  credit_weights: ScoringModel['creditWeights'];
}

interface CreditRow {
  id: string;
  account_no: string;
  name: string;
  region: string;
  manager_id: string | null;
  manager_name: string | null;
  credit_score: string;
  credit_rating: CreditRating;
  previous_rating: CreditRating | null;
  blacklist_reason: BlacklistReason | null;
  arrears: string;
  arrears_days: number;
}

/** Reads of the scores: a customer's, the VIP list, the credit-risk lists and the summaries. */
@Injectable()
export class ScoresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The customer's latest scores with their factors, and the history of every run. */
  async ofCustomer(customerId: string): Promise<CustomerScores> {
    const rows = await query<ScoreRunRow>(
      this.dataSource,
      `SELECT s.*, r.model_version, r.finished_at, r.as_of::text AS as_of, m.vip_weights, m.credit_weights
         FROM customer_scores s
         JOIN scoring_runs r ON r.id = s.run_id AND r.state = 'completed'
         JOIN scoring_models m ON m.version = r.model_version
        WHERE s.customer_id = $1
        ORDER BY s.run_id`,
      [customerId],
    );
    const history = rows.map((r) => ({
      asOf: r.as_of,
      computedAt: r.finished_at.toISOString(),
      vipScore: Number(r.vip_score),
      tier: r.vip_tier,
      creditScore: Number(r.credit_score),
      rating: r.credit_rating,
    }));
    const latest = rows.at(-1);
    if (!latest) return { vip: null, credit: null, history };
    const before = rows.at(-2);
    const common = { modelVersion: latest.model_version, computedAt: latest.finished_at.toISOString() };
    const vip = weightedScore(VIP_FACTORS, latest.vip_weights, latest.vip_values, latest.vip_normalised);
    const credit = weightedScore(CREDIT_FACTORS, latest.credit_weights, latest.credit_values, latest.credit_normalised);
    return {
      vip: {
        ...common,
        score: Number(latest.vip_score),
        tier: latest.vip_tier,
        previousScore: before ? Number(before.vip_score) : null,
        previousTier: before?.vip_tier ?? null,
        factors: vip.factors,
      },
      credit: {
        ...common,
        score: Number(latest.credit_score),
        rating: latest.credit_rating,
        previousScore: before ? Number(before.credit_score) : null,
        previousRating: before?.credit_rating ?? null,
        paymentMethod: paymentMethodOf(latest.credit_rating),
        blacklisted: latest.blacklist_reason !== null,
        blacklistReason: latest.blacklist_reason,
        factors: credit.factors,
      },
      history,
    };
  }

  /** The VIP list: the latest run's ranking, filtered, with each score's change since the run before. */
  vipPage(scope: DataScope, filter: ScoreFilter, page: PageRequest): Promise<Page<VipListEntry>> {
    const p = new Params();
    const where = filterSql(scope, filter, p);
    return queryPage(
      this.dataSource,
      {
        rows: vipSql(where),
        count: `WITH ${RUNS}
                SELECT count(*)::int AS total FROM customer_scores s JOIN customers c ON c.id = s.customer_id
                 WHERE s.run_id = (SELECT id FROM latest) AND ${where}`,
      },
      p,
      page,
      toVipEntry,
    );
  }

  /** Every row of the filtered VIP list by rank, for an export through a cursor. */
  vipExport(scope: DataScope, filter: ScoreFilter): ExportRowsQuery<VipListEntry> {
    const p = new Params();
    const sql = vipSql(filterSql(scope, filter, p));
    return { sql, params: p.values, toRow: (r) => toVipEntry(r as unknown as VipRow) };
  }

  /** Tier distribution and revenue concentration of the latest run, for the filter and scope. */
  async vipSummary(scope: DataScope, filter: ScoreFilter): Promise<VipSummary> {
    const p = new Params();
    const where = filterSql(scope, filter, p);
    const run = await queryOne<{ id: string; finished_at: Date; model_version: number }>(
      this.dataSource,
      `SELECT id, finished_at, model_version FROM scoring_runs WHERE state = 'completed' ORDER BY id DESC LIMIT 1`,
    );
    const tiers = await query<{ tier: VipTier; customers: number; revenue: string }>(
      this.dataSource,
      `WITH ${RUNS}
       SELECT s.vip_tier AS tier, count(*)::int AS customers, coalesce(sum(m.revenue_12m), 0) AS revenue
         FROM customer_scores s JOIN customers c ON c.id = s.customer_id
         LEFT JOIN customer_metrics m ON m.customer_id = s.customer_id
        WHERE s.run_id = (SELECT id FROM latest) AND ${where}
        GROUP BY s.vip_tier`,
      p,
    );
    const [shares] = await query<{ total: string; top1: string; top5: string; top20: string }>(
      this.dataSource,
      `WITH ${RUNS}, r AS (
         SELECT m.revenue_12m AS revenue, row_number() OVER (ORDER BY m.revenue_12m DESC) AS position, count(*) OVER () AS n
           FROM customer_scores s JOIN customers c ON c.id = s.customer_id
           JOIN customer_metrics m ON m.customer_id = s.customer_id
          WHERE s.run_id = (SELECT id FROM latest) AND ${where}
       )
       SELECT coalesce(sum(revenue), 0) AS total,
              coalesce(sum(revenue) FILTER (WHERE position <= ceil(n * 0.01)), 0) AS top1,
              coalesce(sum(revenue) FILTER (WHERE position <= ceil(n * 0.05)), 0) AS top5,
              coalesce(sum(revenue) FILTER (WHERE position <= ceil(n * 0.2)), 0) AS top20
         FROM r`,
      p,
    );
    const total = Number(shares.total);
    const share = (part: string) => (total > 0 ? Math.round((Number(part) / total) * 10_000) / 10_000 : 0);
    const order: VipTier[] = ['platinum', 'gold', 'silver', 'standard'];
    return {
      runId: run ? Number(run.id) : null,
      computedAt: run?.finished_at.toISOString() ?? null,
      modelVersion: run?.model_version ?? null,
      customers: tiers.reduce((n, t) => n + t.customers, 0),
      revenue: total,
      tiers: order.map((tier) => {
        const t = tiers.find((x) => x.tier === tier);
        return { tier, customers: t?.customers ?? 0, revenue: Number(t?.revenue ?? 0) };
      }),
      concentration: [
        { topPercent: 1, revenueShare: share(shares.top1) },
        { topPercent: 5, revenueShare: share(shares.top5) },
        { topPercent: 20, revenueShare: share(shares.top20) },
      ],
    };
  }

  /** Ratings with their arrears, the blacklist by reason, and how many ratings fell since the run before. */
  async creditSummary(scope: DataScope, filter: ScoreFilter): Promise<CreditSummary> {
    const p = new Params();
    const where = filterSql(scope, filter, p);
    const rows = await query<{ kind: string; key: string; customers: number; arrears: string }>(
      this.dataSource,
      `WITH ${RUNS}, s AS (
         SELECT s.credit_rating, s.blacklist_reason, p.credit_rating AS previous_rating, m.arrears
           FROM customer_scores s JOIN customers c ON c.id = s.customer_id
           LEFT JOIN customer_scores p ON p.run_id = (SELECT id FROM previous) AND p.customer_id = s.customer_id
           LEFT JOIN customer_metrics m ON m.customer_id = s.customer_id
          WHERE s.run_id = (SELECT id FROM latest) AND ${where}
       )
       SELECT 'rating' AS kind, credit_rating AS key, count(*)::int AS customers, coalesce(sum(arrears), 0) AS arrears
         FROM s GROUP BY credit_rating
       UNION ALL
       SELECT 'blacklist', blacklist_reason, count(*)::int, 0 FROM s WHERE blacklist_reason IS NOT NULL GROUP BY blacklist_reason
       UNION ALL
       SELECT 'downgraded', '', count(*)::int, 0 FROM s WHERE ${ratingFell('credit_rating', 'previous_rating')}`,
      p,
    );
    const ratings: CreditRating[] = ['AAA', 'AA', 'A', 'B', 'C'];
    return {
      ratings: ratings.map((rating) => {
        const r = rows.find((x) => x.kind === 'rating' && x.key === rating);
        return { rating, customers: r?.customers ?? 0, arrears: Number(r?.arrears ?? 0) };
      }),
      blacklisted: (['theft', 'rating_c'] as BlacklistReason[]).map((reason) => ({
        reason,
        customers: rows.find((x) => x.kind === 'blacklist' && x.key === reason)?.customers ?? 0,
      })),
      downgraded: rows.find((x) => x.kind === 'downgraded')?.customers ?? 0,
    };
  }

  /** The blacklist, or the customers whose rating fell since the run before; worst first. */
  creditPage(
    scope: DataScope,
    list: 'blacklist' | 'downgraded',
    filter: ScoreFilter,
    page: PageRequest,
  ): Promise<Page<CreditListEntry>> {
    const p = new Params();
    const where = `${filterSql(scope, filter, p)} AND ${list === 'blacklist' ? 's.blacklist_reason IS NOT NULL' : ratingFell('s.credit_rating', 'p.credit_rating')}`;
    const from = `
      FROM customer_scores s JOIN customers c ON c.id = s.customer_id
      LEFT JOIN customer_scores p ON p.run_id = (SELECT id FROM previous) AND p.customer_id = s.customer_id
      LEFT JOIN customer_metrics m ON m.customer_id = s.customer_id
      LEFT JOIN users u ON u.id = c.account_manager_id
     WHERE s.run_id = (SELECT id FROM latest) AND ${where}`;
    return queryPage(
      this.dataSource,
      {
        rows: `WITH ${RUNS}
               SELECT c.id, c.account_no, c.name, c.region, u.id AS manager_id, u.display_name AS manager_name,
                      s.credit_score, s.credit_rating, p.credit_rating AS previous_rating, s.blacklist_reason,
                      coalesce(m.arrears, 0) AS arrears, coalesce(m.arrears_days, 0) AS arrears_days
               ${from}
               ORDER BY s.credit_score, c.id`,
        count: `WITH ${RUNS} SELECT count(*)::int AS total ${from}`,
      },
      p,
      page,
      (r: CreditRow): CreditListEntry => ({
        customer: { id: r.id, accountNo: r.account_no, name: r.name, region: r.region },
        manager: r.manager_id ? { id: r.manager_id, displayName: r.manager_name ?? '' } : null,
        score: Number(r.credit_score),
        rating: r.credit_rating,
        previousRating: r.previous_rating,
        blacklistReason: r.blacklist_reason,
        arrears: Number(r.arrears),
        arrearsDays: Number(r.arrears_days),
      }),
    );
  }
}
