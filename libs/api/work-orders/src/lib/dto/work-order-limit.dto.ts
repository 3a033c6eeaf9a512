import { ApiProperty } from '@nestjs/swagger';
import { IsNumberWithPlaces } from '@crm/api/http';
import { CLOCK_UNITS, ClockUnit } from '@crm/shared/domain';
import { IsIn, Max, Min } from 'class-validator';

/** `PUT /api/requests/limits/:id`: the row's limits (minutes are whole; at most 10,000 of a unit). */
export class UpdateWorkOrderLimitDto {
  @ApiProperty({ example: 1 }) @IsNumberWithPlaces(2) @Min(0.01) @Max(10_000) contactAmount!: number;
  @ApiProperty({ enum: CLOCK_UNITS }) @IsIn(CLOCK_UNITS) contactUnit!: ClockUnit;
  @ApiProperty({ example: 7 }) @IsNumberWithPlaces(2) @Min(0.01) @Max(10_000) resolutionAmount!: number;
  @ApiProperty({ enum: CLOCK_UNITS }) @IsIn(CLOCK_UNITS) resolutionUnit!: ClockUnit;

  @ApiProperty({ enum: ['opened', 'contacted'], description: 'contacted: the resolution clock starts at the contact' })
  @IsIn(['opened', 'contacted'])
  resolutionStartsAt!: 'opened' | 'contacted';
}
