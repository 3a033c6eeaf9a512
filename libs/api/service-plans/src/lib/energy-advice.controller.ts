import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataScope, Scope } from '@crm/api/auth';
import { CustomersService } from '@crm/api/customers';
import { Roles, UuidParam } from '@crm/api/http';
import { analyseEnergy, EnergyAdvice, MeteredMonth, ROLES } from '@crm/shared/domain';
import { DataSource } from 'typeorm';

/** The energy-efficiency advice an advice task hands the customer: its last 12 complete months analysed. */
@ApiTags('service plans')
@ApiBearerAuth()
@Controller('customers/:id/energy-advice')
export class EnergyAdviceController {
  constructor(
    private readonly customers: CustomersService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles(...ROLES)
  async advice(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<EnergyAdvice> {
    const customer = await this.customers.get(scope, id);
    const months: MeteredMonth[] = await this.dataSource.query(
      `SELECT to_char(period, 'YYYY-MM') AS period, kwh::float8 AS "kwh", max_demand_kw::float8 AS "maxDemandKw",
              power_factor::float8 AS "powerFactor"
         FROM consumption
        WHERE customer_id = $1
          AND period >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '12 months'
          AND period < date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')
        ORDER BY period`,
      [id],
    );
    return {
      customer: {
        id,
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
