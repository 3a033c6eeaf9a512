import { Module } from '@nestjs/common';
import { WorkOrdersModule } from '@crm/api/work-orders';
import { ImportController } from './import.controller';
import { ImportRowsRepository } from './import-rows.repository';
import { ImportService } from './import.service';

/** CSV import of customers, consumption, bills and payments from the billing and metering systems, and of work orders. */
@Module({
  imports: [WorkOrdersModule],
  controllers: [ImportController],
  providers: [ImportService, ImportRowsRepository],
  exports: [ImportService],
})
export class DataImportModule {}
