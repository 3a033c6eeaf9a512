import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumberWithPlaces, IsOmittable } from '@crm/api/http';
import { APPLICATION_TYPES, ApplicationType } from '@crm/shared/domain';
import { IsBoolean, IsDateString, IsIn, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateApplicationDto {
  @ApiProperty({ enum: APPLICATION_TYPES })
  @IsIn(APPLICATION_TYPES)
  type!: ApplicationType;

  @ApiPropertyOptional({
    description:
      'Capacity after the change (kVA): capacity increase and reduction; a new connection is energised at it ' +
      '(required when the customer has no contracted capacity yet)',
  })
  @IsOmittable()
  @IsNumberWithPlaces(2)
  @Min(1)
  @Max(10_000_000)
  requestedCapacityKva?: number;

  @ApiPropertyOptional({
    description: 'Dual supply: the site survey and supply plan get their longer limit',
    default: false,
  })
  @IsOmittable()
  @IsBoolean()
  dualSupply?: boolean;

  @ApiPropertyOptional({ description: 'Transfer of ownership: the new owner' })
  @IsOmittable()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  newOwnerName?: string;

  @ApiPropertyOptional({ description: 'When the application was received (default now); may be back-dated' })
  @IsOmittable()
  @IsDateString({ strict: true })
  receivedAt?: string;
}
