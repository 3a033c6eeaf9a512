import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `GET /api/marketing-audit/figures?months=12`: the last `months` calendar months, this one included. */
export class AuditFiguresQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 36, default: 12 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  months = 12;
}
