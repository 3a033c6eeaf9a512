import {
  EXPORT_FORMATS,
  ExportFormat,
  ExportLang,
  ExportRaw,
  OptionalIn,
  OptionalText,
  OptionalUuid,
  PageQueryDto,
} from '@crm/api/http';
import { CREDIT_RATINGS, CreditRating, DisplayLanguage, VIP_TIERS, VipTier } from '@crm/shared/domain';

/** Filters of the VIP list and the credit-risk views. */
export class ScoreFilterDto extends PageQueryDto {
  @OptionalIn(VIP_TIERS) tier?: VipTier;
  @OptionalIn(CREDIT_RATINGS) rating?: CreditRating;
  @OptionalText(50) region?: string;
  @OptionalText(10, 'GB/T 4754 code') industry?: string;
  @OptionalUuid() managerId?: string;
}

export class ScoreExportDto extends ScoreFilterDto {
  @OptionalIn(EXPORT_FORMATS, { default: 'csv' }) format: ExportFormat = 'csv';
  @ExportLang() lang?: DisplayLanguage;
  @ExportRaw() raw?: boolean;
}
