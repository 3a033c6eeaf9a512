import { Module } from '@nestjs/common';
import { NotificationsModule } from '@crm/api/notifications';
import { TimeLimitsModule } from '@crm/api/time-limits';
import { TimelineModule } from '@crm/api/timeline';
import { AuditEngineRepository } from './audit-engine.repository';
import { AuditFiguresRepository } from './audit-figures.repository';
import { AuditFiguresService } from './audit-figures.service';
import { AuditFindingsRepository } from './audit-findings.repository';
import { AuditFindingsService } from './audit-findings.service';
import { AuditRulesRepository } from './audit-rules.repository';
import { AuditRulesService } from './audit-rules.service';
import { AuditRunService } from './audit-run.service';
import { AuditRunsRepository } from './audit-runs.repository';
import { MarketingAuditController } from './marketing-audit.controller';
import { RuleHitsRepository } from './rule-hits.repository';

/** The marketing audit: rules, runs, findings and their rectification, figures. */
@Module({
  imports: [TimeLimitsModule, TimelineModule, NotificationsModule],
  controllers: [MarketingAuditController],
  providers: [
    RuleHitsRepository,
    AuditRulesRepository,
    AuditRulesService,
    AuditRunsRepository,
    AuditEngineRepository,
    AuditRunService,
    AuditFindingsRepository,
    AuditFindingsService,
    AuditFiguresRepository,
    AuditFiguresService,
  ],
  exports: [AuditRunService, RuleHitsRepository],
})
export class MarketingAuditModule {}
