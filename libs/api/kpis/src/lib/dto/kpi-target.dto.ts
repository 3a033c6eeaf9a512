import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min, ValidateIf } from 'class-validator';

/** `PUT /api/kpis/targets/:code {target, version}`: null removes the admin's target (the default applies). */
export class KpiTargetDto {
  @ApiProperty({ type: Number, nullable: true, description: 'The target in the KPI unit (ratios 0..1), or null' })
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  target!: number | null;

  @ApiProperty({ description: 'The targetVersion that was read (0: never set)' })
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  version!: number;
}
