import { Module } from '@nestjs/common';
import { CustomersModule } from '@crm/api/customers';
import { MetricsRefreshService } from './metrics-refresh.service';
import { ScoresController } from './scores.controller';
import { ScoresRepository } from './scores.repository';
import { ScoringController } from './scoring.controller';
import { ScoringModelsRepository } from './scoring-models.repository';
import { ScoringRunService } from './scoring-run.service';

/** VIP value and credit scoring: versioned models, the nightly and on-demand run, and the views of the scores. */
@Module({
  imports: [CustomersModule],
  controllers: [ScoringController, ScoresController],
  providers: [ScoringRunService, MetricsRefreshService, ScoringModelsRepository, ScoresRepository],
  exports: [ScoringRunService, MetricsRefreshService],
})
export class ScoringModule {}
