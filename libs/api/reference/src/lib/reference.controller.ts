import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/api/http';
import { Industry, ROLES } from '@crm/shared/domain';
import { REGIONS } from './reference-data';
import { ReferenceRepository } from './reference.repository';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceRepository) {}

  /** GB/T 4754-2017 sections and divisions. */
  @Get('industries')
  @Roles(...ROLES)
  listIndustries(): Promise<Industry[]> {
    return this.reference.industries();
  }

  /** Regions of the supply area. */
  @Get('regions')
  @Roles(...ROLES)
  listRegions(): typeof REGIONS {
    return REGIONS;
  }
}
