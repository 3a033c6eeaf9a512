import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPORT_FORMATS,
  ExportFormat,
  ExportLang,
  ExportRaw,
  IsOmittable,
  OptionalIn,
  OptionalText,
  PageQueryDto,
} from '@crm/api/http';
import { DisplayLanguage, SEGMENT_KINDS, SEGMENT_MEMBER_SORTS, SegmentKind, SegmentRule } from '@crm/shared/domain';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, IsUUID, Length, MaxLength } from 'class-validator';

/** The most customers one request adds to a static segment. */
export const STATIC_MEMBERS_LIMIT = 100_000;

const RULE_DOC = 'A tree of and/or groups of conditions {field, operator, value}; fields at GET /api/segments/fields';

export class SegmentRuleDto {
  @ApiProperty({ description: RULE_DOC }) @IsObject() rule!: SegmentRule;
}

/** Customers to put in a static segment: by id (a selection) or by account number (a CSV's first column). */
export class StaticMembersDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(STATIC_MEMBERS_LIMIT)
  @IsUUID('all', { each: true })
  customerIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(STATIC_MEMBERS_LIMIT)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  accountNos?: string[];
}

export class CreateSegmentDto extends StaticMembersDto {
  @ApiProperty() @IsString() @Length(1, 100) name!: string;
  @OptionalText(1000) description?: string;
  @ApiProperty({ enum: SEGMENT_KINDS }) @IsIn(SEGMENT_KINDS) kind!: SegmentKind;
  @ApiPropertyOptional({ description: `${RULE_DOC}. Required for a dynamic segment.` })
  @IsOmittable()
  @IsObject()
  rule?: SegmentRule;
}

export class UpdateSegmentDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(1, 100) name?: string;
  @OptionalText(1000) description?: string;
  @ApiPropertyOptional({ description: `${RULE_DOC}. Dynamic segments only.` })
  @IsOmittable()
  @IsObject()
  rule?: SegmentRule;
}

export class SegmentListQueryDto extends PageQueryDto {
  @OptionalText(100, 'Part of the name or description')
  search?: string;
}

export class MembersQueryDto extends PageQueryDto {
  @OptionalIn(SEGMENT_MEMBER_SORTS, { default: 'accountNo' })
  sort = 'accountNo';
}

export class MembersExportDto {
  @OptionalIn(EXPORT_FORMATS, { default: 'csv' })
  format: ExportFormat = 'csv';

  @ExportLang() lang?: DisplayLanguage;
  @ExportRaw() raw?: boolean;

  @OptionalIn(SEGMENT_MEMBER_SORTS, { default: 'accountNo' })
  sort = 'accountNo';
}

export class ChangesQueryDto extends PageQueryDto {
  @OptionalIn(['joined', 'left'], { default: 'joined' })
  change: 'joined' | 'left' = 'joined';
}
