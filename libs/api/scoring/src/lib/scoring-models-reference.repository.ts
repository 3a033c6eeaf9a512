import { Db, execute } from '@crm/api/database';
import scoringModel from '@crm/seeds/scoring-model.json';

/** The first scoring model (seeds/) when there is none; leadership and admins make the next versions. */
export async function seedScoringModel(db: Db): Promise<void> {
  await execute(
    db,
    `INSERT INTO scoring_models (version, vip_weights, credit_weights, tier_thresholds, rating_thresholds, note, note_code)
     SELECT 1, $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM scoring_models)`,
    [
      scoringModel.vipWeights,
      scoringModel.creditWeights,
      scoringModel.tierThresholds,
      scoringModel.ratingThresholds,
      scoringModel.note,
      scoringModel.noteCode,
    ],
  );
}
