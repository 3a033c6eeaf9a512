import { Module } from '@nestjs/common';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { SegmentMembersRepository } from './segment-members.repository';
import { SegmentOverviewRepository } from './segment-overview.repository';
import { SegmentSnapshotsRepository } from './segment-snapshots.repository';
import { SegmentSnapshotsService } from './segment-snapshots.service';
import { SegmentsController } from './segments.controller';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

/** Segmentation for marketing staff: rules over attributes and behaviour, saved and static segments, snapshots. */
@Module({
  imports: [ChangeHistoryModule],
  controllers: [SegmentsController],
  providers: [
    SegmentsService,
    SegmentsRepository,
    SegmentMembersRepository,
    SegmentOverviewRepository,
    SegmentSnapshotsRepository,
    SegmentSnapshotsService,
  ],
  exports: [SegmentMembersRepository, SegmentSnapshotsService],
})
export class SegmentsModule {}
