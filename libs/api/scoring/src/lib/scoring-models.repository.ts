import { Injectable } from '@nestjs/common';
import {
  CREDIT_FACTORS,
  InvalidInputError,
  ScoringModel,
  ScoringModelFields,
  scoringModelProblems,
  ScoringPreview,
  VIP_FACTORS,
  MessageCode,
} from '@crm/shared/domain';
import { execute, query, queryOne } from '@crm/api/database';
import { DataSource, EntityManager } from 'typeorm';
import { ratingSql, tierSql, weightedSql } from './scoring-sql';

interface ModelRow {
  version: number;
  vip_weights: ScoringModel['vipWeights'];
  credit_weights: ScoringModel['creditWeights'];
  tier_thresholds: ScoringModel['tierThresholds'];
  rating_thresholds: ScoringModel['ratingThresholds'];
  note: string;
  note_code: MessageCode | null;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

const MODEL_SELECT = `SELECT m.*, u.display_name AS created_by_name
                        FROM scoring_models m LEFT JOIN users u ON u.id = m.created_by`;

function toModel(r: ModelRow): ScoringModel {
  return {
    version: r.version,
    vipWeights: r.vip_weights,
    creditWeights: r.credit_weights,
    tierThresholds: r.tier_thresholds,
    ratingThresholds: r.rating_thresholds,
    note: r.note,
    noteCode: r.note_code,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
  };
}

function checked(fields: ScoringModelFields): ScoringModelFields {
  const problems = scoringModelProblems(fields);
  if (problems.length) throw new InvalidInputError('The scoring model is not valid', problems);
  return fields;
}

/** Versioned scoring models: the newest version is the current one; versions are never changed. */
@Injectable()
export class ScoringModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<ScoringModel> {
    const [row] = await query<ModelRow>(this.dataSource, `${MODEL_SELECT} ORDER BY m.version DESC LIMIT 1`);
    return toModel(row);
  }

  async list(): Promise<ScoringModel[]> {
    const rows = await query<ModelRow>(this.dataSource, `${MODEL_SELECT} ORDER BY m.version DESC`);
    return rows.map(toModel);
  }

  /**
   * Saves the next version, within `manager`'s transaction; answers it and the version before it (null for
   * the first). The table lock makes concurrent saves take consecutive versions.
   */
  async insertNextVersion(
    manager: EntityManager,
    fields: ScoringModelFields,
    actorId: string,
  ): Promise<{ created: ScoringModel; previous: ScoringModel | null }> {
    const m = checked(fields);
    await execute(manager, 'LOCK TABLE scoring_models IN EXCLUSIVE MODE');
    const previous = await queryOne<ModelRow>(manager, `${MODEL_SELECT} ORDER BY m.version DESC LIMIT 1`);
    const [created] = await query<ModelRow>(
      manager,
      `WITH m AS (
         INSERT INTO scoring_models (version, vip_weights, credit_weights, tier_thresholds, rating_thresholds, note, created_by)
         SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6 FROM scoring_models
         RETURNING *
       )
       SELECT m.*, u.display_name AS created_by_name FROM m LEFT JOIN users u ON u.id = m.created_by`,
      [m.vipWeights, m.creditWeights, m.tierThresholds, m.ratingThresholds, m.note, actorId],
    );
    return { created: toModel(created), previous: previous ? toModel(previous) : null };
  }

  /**
   * What-if: the latest run's normalised factors re-weighed by `fields`, compared with the tiers, ratings
   * and blacklist that run gave. Percentiles do not depend on the weights, so this is exact.
   */
  async preview(fields: ScoringModelFields): Promise<ScoringPreview> {
    const m = checked(fields);
    const vip = weightedSql(m.vipWeights, VIP_FACTORS, (i) => `s.vip_normalised[${i + 1}]`);
    const credit = weightedSql(m.creditWeights, CREDIT_FACTORS, (i) => `s.credit_normalised[${i + 1}]`);
    const rows = await query<{ kind: 'tier' | 'rating' | 'blacklist' | 'all'; from: string; to: string; n: number }>(
      this.dataSource,
      `WITH s AS (
           SELECT s.vip_tier, s.credit_rating, s.blacklist_reason,
                  ${tierSql(vip, m.tierThresholds)} AS new_tier, ${ratingSql(credit, m.ratingThresholds)} AS new_rating
             FROM customer_scores s
            WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed')
         )
         SELECT 'tier' AS kind, vip_tier AS from, new_tier AS to, count(*)::int AS n FROM s
          WHERE vip_tier <> new_tier GROUP BY 2, 3
         UNION ALL
         SELECT 'rating', credit_rating, new_rating, count(*)::int FROM s WHERE credit_rating <> new_rating GROUP BY 2, 3
         UNION ALL
         SELECT 'blacklist', '', '', count(*)::int FROM s WHERE blacklist_reason IS NULL AND new_rating = 'C'
         UNION ALL
         SELECT 'all', '', '', count(*)::int FROM s`,
    );
    const of = (kind: string) => rows.filter((r) => r.kind === kind);
    const sum = (kind: string) => of(kind).reduce((total, r) => total + r.n, 0);
    return {
      customers: sum('all'),
      tierChanges: sum('tier'),
      ratingChanges: sum('rating'),
      newlyBlacklisted: sum('blacklist'),
      tierMoves: of('tier').map((r) => ({ from: r.from, to: r.to, customers: r.n }) as ScoringPreview['tierMoves'][0]),
      ratingMoves: of('rating').map(
        (r) => ({ from: r.from, to: r.to, customers: r.n }) as ScoringPreview['ratingMoves'][0],
      ),
    };
  }
}
