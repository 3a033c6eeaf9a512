import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@crm/api/http';
import { CHANGE_ENTITY_TYPES, ChangeEntityType } from '@crm/shared/domain';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';

export class ChangeHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who made the change' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;

  @ApiPropertyOptional({ enum: CHANGE_ENTITY_TYPES })
  @IsOptional()
  @IsIn(CHANGE_ENTITY_TYPES)
  entityType?: ChangeEntityType;

  @ApiPropertyOptional({ description: 'ISO date or time, inclusive' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO date or time, exclusive' }) @IsOptional() @IsDateString() to?: string;
}
