import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { ImportRowsRepository } from './import-rows.repository';
import { ImportService } from './import.service';

/** CSV import of customers, consumption, bills and payments from the billing and metering systems. */
@Module({
  controllers: [ImportController],
  providers: [ImportService, ImportRowsRepository],
  exports: [ImportService],
})
export class DataImportModule {}
