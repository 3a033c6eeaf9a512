import { Body, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@crm/api/auth';
import { ApiController, GetForAll, PostAction, Roles, UuidParam } from '@crm/api/http';
import { ScoringJob, ScoringModel, ScoringPreview } from '@crm/shared/domain';
import { ScoringModelDto } from './dto/scoring-model.dto';
import { ScoringModelsRepository } from './scoring-models.repository';
import { ScoringModelsService } from './scoring-models.service';
import { ScoringRunService } from './scoring-run.service';

/** Scoring runs and the versioned model (API.md, "Scores"). */
@ApiController('scoring', 'scoring')
export class ScoringController {
  constructor(
    private readonly runs: ScoringRunService,
    private readonly models: ScoringModelsRepository,
    private readonly modelVersions: ScoringModelsService,
  ) {}

  @Post('recompute')
  @HttpCode(202)
  @Roles('leader', 'admin')
  @ApiAcceptedResponse({ description: '{jobId}: follow it at GET /api/scoring/jobs/:jobId' })
  async recompute(): Promise<{ jobId: string }> {
    return { jobId: await this.runs.queue() };
  }

  @Get('jobs/:jobId')
  @Roles('leader', 'admin')
  async job(@UuidParam('jobId') jobId: string): Promise<ScoringJob> {
    const job = await this.runs.job(jobId);
    if (!job) throw new NotFoundException(`Scoring job ${jobId} not found`);
    return job;
  }

  /** Every version, newest (the current one) first. */
  @GetForAll('models')
  listModels(): Promise<ScoringModel[]> {
    return this.models.list();
  }

  /** Saves a new version; it applies from the next run. */
  @Post('models')
  @Roles('leader', 'admin')
  create(@CurrentUser() user: AuthUser, @Body() body: ScoringModelDto): Promise<ScoringModel> {
    return this.modelVersions.create(user, body);
  }

  /** What-if: how many customers the proposed model would move, against the latest run. Saves nothing. */
  @PostAction('models/preview', 'leader', 'admin')
  preview(@Body() body: ScoringModelDto): Promise<ScoringPreview> {
    return this.models.preview(body);
  }
}
