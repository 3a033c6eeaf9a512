import { Module } from '@nestjs/common';
import { CustomersModule } from '@crm/api/customers';
import { HistoryPartitionsService } from './history-partitions.service';
import { OperationalDataController } from './operational-data.controller';
import { OperationalDataRepository } from './operational-data.repository';

/** Consumption, bills, payments, violations and disconnections of the customers, and the history's partitions. */
@Module({
  imports: [CustomersModule],
  controllers: [OperationalDataController],
  providers: [OperationalDataRepository, HistoryPartitionsService],
  exports: [HistoryPartitionsService],
})
export class OperationalDataModule {}
