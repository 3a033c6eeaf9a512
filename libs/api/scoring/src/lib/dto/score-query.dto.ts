import { ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_FORMATS, ExportFormat, IsOmittable, PageQueryDto } from '@crm/api/http';
import { CREDIT_RATINGS, CreditRating, VIP_TIERS, VipTier } from '@crm/shared/domain';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

/** Filters of the VIP list and the credit-risk views. */
export class ScoreFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VIP_TIERS }) @IsOmittable() @IsIn(VIP_TIERS) tier?: VipTier;
  @ApiPropertyOptional({ enum: CREDIT_RATINGS }) @IsOmittable() @IsIn(CREDIT_RATINGS) rating?: CreditRating;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(50) region?: string;
  @ApiPropertyOptional({ description: 'GB/T 4754 code' }) @IsOmittable() @IsString() @MaxLength(10) industry?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() managerId?: string;
}

export class ScoreExportDto extends ScoreFilterDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOmittable()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';
}
