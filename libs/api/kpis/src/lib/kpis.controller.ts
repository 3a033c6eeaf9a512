import { Body, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@crm/api/auth';
import { ApiController, Roles, UuidParam } from '@crm/api/http';
import { KPI_CODES, KpiCatalogueEntry, KpiView, ManagerLeagueRow, Role } from '@crm/shared/domain';
import { KpiLeagueQueryDto, KpiQueryDto, KpiSnapshotDto } from './dto/kpi-query.dto';
import { KpiTargetDto } from './dto/kpi-target.dto';
import { KpisService } from './kpis.service';

/** Who reads the KPIs: leadership, admins and marketing (account managers do not). */
const READERS: Role[] = ['leader', 'admin', 'marketing'];
/** Who recompute a snapshot: admins, and leadership (the cockpit's refresh button). */
const REFRESHERS: Role[] = ['leader', 'admin'];

/** The KPIs (API.md "KPIs"): catalogue and targets, the figures of a month, the manager league, the snapshots. */
@ApiController('kpis', 'kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get('catalogue')
  @Roles(...READERS)
  @ApiOkResponse({ description: 'KpiCatalogueEntry[]: definitions with the target in force' })
  catalogue(): Promise<KpiCatalogueEntry[]> {
    return this.kpis.catalogue();
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({
    description:
      'KpiView: the figures of the month from its snapshot (the current month refreshed every 5 minutes, computedAt)',
  })
  view(@Query() query: KpiQueryDto): Promise<KpiView> {
    return this.kpis.view(query.period ?? this.kpis.currentPeriod(), {
      region: query.region,
      managerId: query.managerId,
    });
  }

  @Get('managers')
  @Roles(...READERS)
  @ApiOkResponse({ description: 'ManagerLeagueRow[]' })
  league(@Query() query: KpiLeagueQueryDto): Promise<ManagerLeagueRow[]> {
    return this.kpis.league(
      query.period ?? this.kpis.currentPeriod(),
      { region: query.region, managerId: query.managerId },
      query.sort,
    );
  }

  @Put('targets/:code')
  @Roles('admin')
  @ApiParam({ name: 'code', enum: KPI_CODES })
  @ApiNotFoundResponse({ description: 'No such KPI' })
  @ApiConflictResponse({ description: 'The target changed since it was read (version)' })
  setTarget(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: KpiTargetDto,
  ): Promise<KpiCatalogueEntry> {
    return this.kpis.setTarget(user, code, body.target, body.version);
  }

  /** Queues the recomputation of a month's snapshot (the current month: a refresh now). */
  @Post('snapshots')
  @HttpCode(202)
  @Roles(...REFRESHERS)
  @ApiAcceptedResponse({ description: '{jobId}: follow it at GET /api/kpis/snapshots/:jobId' })
  async snapshot(@CurrentUser() user: AuthUser, @Body() body: KpiSnapshotDto): Promise<{ jobId: string }> {
    return { jobId: await this.kpis.queueSnapshot(user, body.period) };
  }

  @Get('snapshots/:jobId')
  @Roles(...REFRESHERS)
  @ApiNotFoundResponse({ description: 'No snapshot job of this id' })
  snapshotRun(@UuidParam('jobId') jobId: string): Promise<{ state: string; progress: number; period: string }> {
    return this.kpis.snapshotRun(jobId);
  }
}
