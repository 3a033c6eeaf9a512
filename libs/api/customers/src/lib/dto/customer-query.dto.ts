import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PageQueryDto } from '@crm/api/http';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STAGES,
  CustomerStage,
  REPAIR_AREAS,
  RepairArea,
  VOLTAGE_LEVELS_KV,
} from '@crm/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

export class CustomerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name (2+ characters), account number, credit code or contact phone' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_STAGES })
  @IsOmittable()
  @IsIn(CUSTOMER_STAGES)
  stage?: CustomerStage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  managerId?: string;

  @ApiPropertyOptional({ enum: VOLTAGE_LEVELS_KV })
  @IsOmittable()
  @Type(() => Number)
  @IsIn(VOLTAGE_LEVELS_KV)
  voltageKv?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(4)
  industry?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(50)
  region?: string;

  @ApiPropertyOptional({ enum: REPAIR_AREAS })
  @IsOmittable()
  @IsIn(REPAIR_AREAS)
  area?: RepairArea;

  @ApiPropertyOptional({ enum: CUSTOMER_SORTS, default: 'accountNo' })
  @IsOmittable()
  @IsIn(CUSTOMER_SORTS)
  sort = 'accountNo';
}
