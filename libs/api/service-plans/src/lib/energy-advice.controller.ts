import { DataScope, Scope } from '@crm/api/auth';
import { ApiController, GetForAll, UuidParam } from '@crm/api/http';
import { EnergyAdvice } from '@crm/shared/domain';
import { EnergyAdviceService } from './energy-advice.service';

/** The energy-efficiency advice an advice task hands the customer: its last 12 complete months analysed. */
@ApiController('service plans', 'customers/:id/energy-advice')
export class EnergyAdviceController {
  constructor(private readonly energyAdvice: EnergyAdviceService) {}

  @GetForAll()
  advice(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<EnergyAdvice> {
    return this.energyAdvice.advice(scope, id);
  }
}
