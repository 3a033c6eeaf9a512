import { Module } from '@nestjs/common';
import { RuleHitsRepository } from './rule-hits.repository';

/** The marketing audit: rules, runs, findings and their rectification. */
@Module({
  providers: [RuleHitsRepository],
  exports: [],
})
export class MarketingAuditModule {}
