import { Injectable } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { ScoringModel, ScoringModelFields } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { ScoringModelsRepository } from './scoring-models.repository';

/** A model's fields as the change history compares them: one entry per weight and threshold (`vipWeights.x`). */
function historyFields(m: ScoringModel): Record<string, unknown> {
  const fields: Record<string, unknown> = { note: m.note };
  for (const key of ['vipWeights', 'creditWeights', 'tierThresholds', 'ratingThresholds'] as const) {
    for (const [name, value] of Object.entries(m[key])) fields[`${key}.${name}`] = value;
  }
  return fields;
}

/** Saving a new version of the scoring model, with what it changed against the version before. */
@Injectable()
export class ScoringModelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ScoringModelsRepository,
    private readonly history: ChangeHistoryService,
  ) {}

  /** Saves the next version; it applies from the next run. */
  create(user: AuthUser, fields: ScoringModelFields): Promise<ScoringModel> {
    return this.dataSource.transaction(async (manager) => {
      const { created, previous } = await this.models.insertNextVersion(manager, fields, user.id);
      await this.history.record(manager, {
        actor: user,
        entityType: 'scoring_model',
        entityId: String(created.version),
        customerId: null,
        action: 'create',
        before: previous && historyFields(previous),
        after: historyFields(created),
      });
      return created;
    });
  }
}
