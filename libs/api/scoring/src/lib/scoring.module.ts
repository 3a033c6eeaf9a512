import { Module } from '@nestjs/common';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { CustomersModule } from '@crm/api/customers';
import { CustomerMetricsRepository } from './customer-metrics.repository';
import { MetricsRefreshService } from './metrics-refresh.service';
import { ScoresController } from './scores.controller';
import { ScoresRepository } from './scores.repository';
import { ScoringController } from './scoring.controller';
import { ScoringModelsRepository } from './scoring-models.repository';
import { ScoringModelsService } from './scoring-models.service';
import { ScoringRunService } from './scoring-run.service';
import { ScoringRunsRepository } from './scoring-runs.repository';

/** VIP value and credit scoring: versioned models, the nightly and on-demand run, and the views of the scores. */
@Module({
  imports: [CustomersModule, ChangeHistoryModule],
  controllers: [ScoringController, ScoresController],
  providers: [
    ScoringRunService,
    ScoringRunsRepository,
    MetricsRefreshService,
    CustomerMetricsRepository,
    ScoringModelsRepository,
    ScoringModelsService,
    ScoresRepository,
  ],
  exports: [ScoringRunService, MetricsRefreshService],
})
export class ScoringModule {}
