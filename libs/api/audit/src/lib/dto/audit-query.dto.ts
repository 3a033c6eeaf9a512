import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PageQueryDto } from '@crm/api/http';
import { IsDateString, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() userId?: string;
  @ApiPropertyOptional({ enum: ['POST', 'PUT', 'PATCH', 'DELETE'] })
  @IsOmittable()
  @IsIn(['POST', 'PUT', 'PATCH', 'DELETE'])
  method?: string;
  @ApiPropertyOptional({ description: 'ISO date or time, inclusive' })
  @IsOmittable()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'ISO date or time, exclusive' })
  @IsOmittable()
  @IsDateString({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'Path prefix, e.g. /api/customers' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  path?: string;
}
