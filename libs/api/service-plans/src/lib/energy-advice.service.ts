import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { CustomersService } from '@crm/api/customers';
import { analyseEnergy, EnergyAdvice } from '@crm/shared/domain';
import { EnergyAdviceRepository } from './energy-advice.repository';

/** The energy-efficiency advice an advice task hands the customer: its last 12 complete months analysed. */
@Injectable()
export class EnergyAdviceService {
  constructor(
    private readonly customers: CustomersService,
    private readonly repository: EnergyAdviceRepository,
  ) {}

  async advice(scope: DataScope, customerId: string): Promise<EnergyAdvice> {
    const customer = await this.customers.get(scope, customerId);
    const months = await this.repository.lastTwelveMonths(customerId);
    return {
      customer: {
        id: customerId,
        accountNo: customer.accountNo,
        name: customer.name,
        tariffCategory: customer.tariffCategory,
        contractCapacityKva: customer.contractCapacityKva,
      },
      from: months[0]?.period ?? null,
      to: months.at(-1)?.period ?? null,
      ...analyseEnergy(months, customer.tariffCategory, customer.contractCapacityKva),
    };
  }
}
