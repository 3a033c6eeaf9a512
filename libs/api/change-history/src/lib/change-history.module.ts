import { Module } from '@nestjs/common';
import { ChangeHistoryController } from './change-history.controller';
import { ChangeHistoryRepository } from './change-history.repository';
import { ChangeHistoryService } from './change-history.service';

/** The append-only business change history (who changed which field from what to what) and exports. */
@Module({
  controllers: [ChangeHistoryController],
  providers: [ChangeHistoryService, ChangeHistoryRepository],
  exports: [ChangeHistoryService],
})
export class ChangeHistoryModule {}
