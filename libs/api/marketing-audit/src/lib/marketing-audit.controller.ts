import { Body, Get, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { ApiController, GetForAll, PostAction, Roles, UuidParam } from '@crm/api/http';
import {
  AUDIT_RULE_CODES,
  AuditFigures,
  AuditFindingAction,
  AuditFindingListEntry,
  AuditFindingView,
  AuditRuleView,
  AuditRunView,
  Page,
  Role,
  ROLES,
} from '@crm/shared/domain';
import { AuditFiguresService } from './audit-figures.service';
import { AuditFindingsService } from './audit-findings.service';
import { AuditRulesService } from './audit-rules.service';
import { AuditRunService } from './audit-run.service';
import { AuditActionDto } from './dto/audit-action.dto';
import { AuditFiguresQueryDto } from './dto/audit-figures-query.dto';
import { AuditFindingQueryDto } from './dto/audit-finding-query.dto';
import { AuditRuleChangeDto } from './dto/audit-rule-change.dto';

/** Who reads the runs and the figures: everyone but the account managers (who work their own findings). */
const READERS: Role[] = ['leader', 'marketing', 'auditor', 'admin'];

/** The marketing audit (API.md "Marketing audit"): rules, runs, findings and their workflow, figures. */
@ApiController('marketing-audit', 'marketing-audit')
export class MarketingAuditController {
  constructor(
    private readonly rules: AuditRulesService,
    private readonly runs: AuditRunService,
    private readonly findings: AuditFindingsService,
    private readonly figures: AuditFiguresService,
  ) {}

  /** The rules in catalogue order, with their parameters, on/off, pending findings and the last run's counts. */
  @GetForAll('rules')
  @ApiOkResponse({ description: 'AuditRuleView[]' })
  listRules(): Promise<AuditRuleView[]> {
    return this.rules.list();
  }

  @Put('rules/:code')
  @Roles('auditor', 'admin')
  @ApiParam({ name: 'code', enum: AUDIT_RULE_CODES })
  @ApiNotFoundResponse({ description: 'No such rule' })
  @ApiConflictResponse({ description: 'The rule changed since it was read (version)' })
  updateRule(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: AuditRuleChangeDto,
  ): Promise<AuditRuleView> {
    return this.rules.update(user, code, body);
  }

  /** Queues a run; while one is queued or running, answers that run's job id. */
  @Post('runs')
  @HttpCode(202)
  @Roles('auditor', 'admin')
  @ApiAcceptedResponse({ description: '{jobId}: follow it at GET /api/marketing-audit/runs/:jobId' })
  async queueRun(@CurrentUser() user: AuthUser): Promise<{ jobId: string }> {
    return { jobId: await this.runs.queue(user) };
  }

  /** The latest 20 runs, newest first. */
  @Get('runs')
  @Roles(...READERS)
  listRuns(): Promise<AuditRunView[]> {
    return this.runs.latest();
  }

  @Get('runs/:id')
  @Roles(...READERS)
  @ApiNotFoundResponse({ description: 'No run of this job id' })
  async getRun(@UuidParam('id') jobId: string): Promise<AuditRunView> {
    const run = await this.runs.view(jobId);
    if (!run) throw new NotFoundException(`Audit run ${jobId} not found`);
    return run;
  }

  /** Findings of the caller's customers (an account manager's own; everyone else's all). */
  @GetForAll('findings')
  @ApiOkResponse({ description: '{items: AuditFindingListEntry[], total, page, pageSize}' })
  listFindings(@Scope() scope: DataScope, @Query() query: AuditFindingQueryDto): Promise<Page<AuditFindingListEntry>> {
    return this.findings.list(scope, query);
  }

  @GetForAll('findings/:id')
  @ApiNotFoundResponse({ description: 'No such finding, or not yours' })
  getFinding(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AuditFindingView> {
    return this.findings.get(user, id);
  }

  @PostAction('findings/:id/rectify', ...ROLES)
  @ApiForbiddenResponse({ description: 'Not the owning account manager or an admin' })
  @ApiConflictResponse({ description: 'Not open, or changed since it was read (version)' })
  rectify(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: AuditActionDto) {
    return this.act(user, id, 'rectify', body);
  }

  @PostAction('findings/:id/verify', ...ROLES)
  @ApiForbiddenResponse({ description: 'Not an auditor or an admin' })
  @ApiConflictResponse({ description: 'Not rectifying, or changed since it was read (version)' })
  verify(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: AuditActionDto) {
    return this.act(user, id, 'verify', body);
  }

  @PostAction('findings/:id/dismiss', ...ROLES)
  @ApiForbiddenResponse({ description: 'Not an auditor or an admin' })
  @ApiConflictResponse({ description: 'Neither open nor rectifying, or changed since it was read (version)' })
  dismiss(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: AuditActionDto) {
    return this.act(user, id, 'dismiss', body);
  }

  @PostAction('findings/:id/reopen', ...ROLES)
  @ApiForbiddenResponse({ description: 'Not an auditor or an admin' })
  @ApiConflictResponse({ description: 'Neither verified nor dismissed, or changed since it was read (version)' })
  reopen(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: AuditActionDto) {
    return this.act(user, id, 'reopen', body);
  }

  @Get('figures')
  @Roles(...READERS)
  @ApiOkResponse({ description: 'AuditFigures' })
  getFigures(@Query() query: AuditFiguresQueryDto): Promise<AuditFigures> {
    return this.figures.figuresOf(query.months);
  }

  private act(user: AuthUser, id: string, action: AuditFindingAction, body: AuditActionDto): Promise<AuditFindingView> {
    return this.findings.act(user, id, action, body);
  }
}
