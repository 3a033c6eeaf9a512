import { Module } from '@nestjs/common';
import { CustomersModule } from '@crm/api/customers';
import { OperationalDataController } from './operational-data.controller';
import { OperationalDataRepository } from './operational-data.repository';

/** Consumption, bills, payments, violations and disconnections of the customers. */
@Module({
  imports: [CustomersModule],
  controllers: [OperationalDataController],
  providers: [OperationalDataRepository],
})
export class OperationalDataModule {}
