import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import firstModel from '@crm/seeds/scoring-model.json';
import { CreditFactor, RatingThresholds, ScoringModelFields, TierThresholds, VipFactor } from '@crm/shared/domain';
import { IsObject, IsString, MaxLength } from 'class-validator';

/**
 * A new version of the scoring model. The shapes are checked here; the numbers (weights ≥ 0 summing to 1,
 * thresholds in order) by scoringModelProblems, whose 400 names each field. The examples are the first model's
 * (seeds/scoring-model.json).
 */
export class ScoringModelDto implements ScoringModelFields {
  @ApiProperty({ example: firstModel.vipWeights }) @IsObject() vipWeights!: Record<VipFactor, number>;
  @ApiProperty({ example: firstModel.creditWeights }) @IsObject() creditWeights!: Record<CreditFactor, number>;
  @ApiProperty({ example: firstModel.tierThresholds }) @IsObject() tierThresholds!: TierThresholds;
  @ApiProperty({ example: firstModel.ratingThresholds }) @IsObject() ratingThresholds!: RatingThresholds;

  @ApiPropertyOptional({ type: String, description: 'Why this version' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  note = '';
}
