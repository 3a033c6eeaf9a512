import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataScope, Scope } from '@crm/api/auth';
import { Roles, UuidParam } from '@crm/api/http';
import { EnergyAdvice, ROLES } from '@crm/shared/domain';
import { EnergyAdviceService } from './energy-advice.service';

/** The energy-efficiency advice an advice task hands the customer: its last 12 complete months analysed. */
@ApiTags('service plans')
@ApiBearerAuth()
@Controller('customers/:id/energy-advice')
export class EnergyAdviceController {
  constructor(private readonly energyAdvice: EnergyAdviceService) {}

  @Get()
  @Roles(...ROLES)
  advice(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<EnergyAdvice> {
    return this.energyAdvice.advice(scope, id);
  }
}
