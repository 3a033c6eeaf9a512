import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@crm/api/http';
import { CUSTOMER_SORTS, CUSTOMER_STAGES, CustomerStage, VOLTAGE_LEVELS_KV } from '@crm/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CustomerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name (2+ characters), account number, credit code or contact phone' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_STAGES })
  @IsOptional()
  @IsIn(CUSTOMER_STAGES)
  stage?: CustomerStage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  managerId?: string;

  @ApiPropertyOptional({ enum: VOLTAGE_LEVELS_KV })
  @IsOptional()
  @Type(() => Number)
  @IsIn(VOLTAGE_LEVELS_KV)
  voltageKv?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4)
  industry?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  region?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_SORTS, default: 'accountNo' })
  @IsOptional()
  @IsIn(CUSTOMER_SORTS)
  sort = 'accountNo';
}
