import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@crm/api/http';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ enum: ['POST', 'PUT', 'PATCH', 'DELETE'] })
  @IsOptional()
  @IsIn(['POST', 'PUT', 'PATCH', 'DELETE'])
  method?: string;
  @ApiPropertyOptional({ description: 'ISO date or time, inclusive' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO date or time, exclusive' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ description: 'Path prefix, e.g. /api/customers' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  path?: string;
}
