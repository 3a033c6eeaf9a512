import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Roles } from '@crm/api/http';
import { Industry, ROLES } from '@crm/shared/domain';
import { Repository } from 'typeorm';
import { IndustryEntity } from './industry.entity';
import { REGIONS } from './reference-data';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(@InjectRepository(IndustryEntity) private readonly industries: Repository<IndustryEntity>) {}

  /** GB/T 4754-2017 sections and divisions. */
  @Get('industries')
  @Roles(...ROLES)
  listIndustries(): Promise<Industry[]> {
    return this.industries.find({ order: { code: 'ASC' } });
  }

  /** Regions of the supply area. */
  @Get('regions')
  @Roles(...ROLES)
  listRegions(): typeof REGIONS {
    return REGIONS;
  }
}
