import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PageQueryDto } from '@crm/api/http';
import { CHANGE_ENTITY_TYPES, ChangeEntityType } from '@crm/shared/domain';
import { IsDateString, IsIn, IsUUID } from 'class-validator';

export class ChangeHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who made the change' })
  @IsOmittable()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() customerId?: string;

  @ApiPropertyOptional({ enum: CHANGE_ENTITY_TYPES })
  @IsOmittable()
  @IsIn(CHANGE_ENTITY_TYPES)
  entityType?: ChangeEntityType;

  @ApiPropertyOptional({ description: 'ISO date or time, inclusive' })
  @IsOmittable()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'ISO date or time, exclusive' })
  @IsOmittable()
  @IsDateString({ strict: true })
  to?: string;
}
