import { Module } from '@nestjs/common';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { CustomersModule } from '@crm/api/customers';
import { TimelineModule } from '@crm/api/timeline';
import { OwnershipController } from './ownership.controller';
import { OwnershipRepository } from './ownership.repository';
import { OwnershipService } from './ownership.service';

@Module({
  imports: [CustomersModule, TimelineModule, ChangeHistoryModule],
  controllers: [OwnershipController],
  providers: [OwnershipService, OwnershipRepository],
  exports: [OwnershipService],
})
export class OwnershipModule {}
