import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { IMPORT_KINDS, ImportKind } from '@crm/shared/domain';
import { IsIn } from 'class-validator';

export class ImportParamsDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  kind!: ImportKind;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Import the good rows of a file that has bad ones' })
  @IsOmittable()
  @IsIn(['true', 'false'], { message: 'partial must be true or false' })
  partial?: 'true' | 'false';
}
