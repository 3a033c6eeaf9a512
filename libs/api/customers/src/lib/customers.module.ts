import { Module } from '@nestjs/common';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { TimelineModule } from '@crm/api/timeline';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

@Module({
  imports: [TimelineModule, ChangeHistoryModule],
  controllers: [CustomersController],
  providers: [CustomersService, CustomersRepository],
  exports: [CustomersService],
})
export class CustomersModule {}
