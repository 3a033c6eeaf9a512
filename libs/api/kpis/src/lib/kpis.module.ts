import { Module } from '@nestjs/common';
import { KpiFiguresRepository, KpiSnapshotsRepository, KpiTargetsRepository } from './kpi-figures.repository';
import { KpiLeagueRepository } from './kpi-league.repository';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** The KPIs: catalogue and targets, live and snapshotted figures, the manager league. */
@Module({
  controllers: [KpisController],
  providers: [KpiFiguresRepository, KpiSnapshotsRepository, KpiTargetsRepository, KpiLeagueRepository, KpisService],
  exports: [KpisService],
})
export class KpisModule {}
