import { ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_FORMATS, ExportFormat, PageQueryDto } from '@crm/api/http';
import { CREDIT_RATINGS, CreditRating, VIP_TIERS, VipTier } from '@crm/shared/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Filters of the VIP list and the credit-risk views. */
export class ScoreFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VIP_TIERS }) @IsOptional() @IsIn(VIP_TIERS) tier?: VipTier;
  @ApiPropertyOptional({ enum: CREDIT_RATINGS }) @IsOptional() @IsIn(CREDIT_RATINGS) rating?: CreditRating;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) region?: string;
  @ApiPropertyOptional({ description: 'GB/T 4754 code' }) @IsOptional() @IsString() @MaxLength(10) industry?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() managerId?: string;
}

export class ScoreExportDto extends ScoreFilterDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';
}
