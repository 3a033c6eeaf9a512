import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { CreditFactor, RatingThresholds, ScoringModelFields, TierThresholds, VipFactor } from '@crm/shared/domain';
import { IsObject, IsString, MaxLength } from 'class-validator';

/**
 * A new version of the scoring model. The shapes are checked here; the numbers (weights ≥ 0 summing to 1,
 * thresholds in order) by scoringModelProblems, whose 400 names each field.
 */
export class ScoringModelDto implements ScoringModelFields {
  @ApiProperty({
    example: { consumption: 0.3, revenue: 0.25, growth: 0.15, importance: 0.15, paymentReliability: 0.15 },
  })
  @IsObject()
  vipWeights!: Record<VipFactor, number>;

  @ApiProperty({
    example: {
      onTimeRatio: 0.25,
      averageDaysLate: 0.15,
      arrears: 0.15,
      arrearsAge: 0.1,
      disconnections: 0.1,
      violations: 0.15,
      contractCompliance: 0.1,
    },
  })
  @IsObject()
  creditWeights!: Record<CreditFactor, number>;

  @ApiProperty({ example: { platinum: 90, gold: 75, silver: 60 } }) @IsObject() tierThresholds!: TierThresholds;
  @ApiProperty({ example: { AAA: 90, AA: 80, A: 70, B: 60 } }) @IsObject() ratingThresholds!: RatingThresholds;

  @ApiPropertyOptional({ type: String, description: 'Why this version' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  note = '';
}
