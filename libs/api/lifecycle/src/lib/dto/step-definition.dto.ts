import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

/** An admin's change to one step of the step table (applies to applications started afterwards). */
export class UpdateStepDefinitionDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) nameZh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) nameEn!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 365 }) @IsInt() @Min(1) @Max(365) slaWorkingDays!: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 365 })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(365)
  slaWorkingDaysDualSupply?: number | null;
}
