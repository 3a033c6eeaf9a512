import { Body, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { ExportStreams } from '@crm/api/database';
import { ApiController, exportColumns, exportOptions, Roles, UuidParam } from '@crm/api/http';
import {
  Page,
  ROLES,
  Segment,
  SEGMENT_FIELDS,
  SegmentChange,
  SegmentDetail,
  SegmentDistribution,
  SegmentField,
  SegmentMember,
  SegmentPreview,
  SegmentSnapshot,
  SegmentsOverview,
} from '@crm/shared/domain';
import type { Response } from 'express';
import {
  ChangesQueryDto,
  CreateSegmentDto,
  MembersExportDto,
  MembersQueryDto,
  SegmentListQueryDto,
  SegmentRuleDto,
  StaticMembersDto,
  UpdateSegmentDto,
} from './dto/segment.dto';
import { MEMBER_EXPORT, SegmentMembersRepository } from './segment-members.repository';
import { SegmentSnapshotsService } from './segment-snapshots.service';
import { SegmentsService, sourceOf } from './segments.service';

/**
 * Segments for marketing staff (API.md, "Segments"). Every role may build and read segments; members
 * are always limited to the caller's scope (an account manager sees their own customers only).
 */
@ApiController('segments', 'segments')
@Roles(...ROLES)
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly members: SegmentMembersRepository,
    private readonly snapshots: SegmentSnapshotsService,
    private readonly changeHistory: ChangeHistoryService,
    private readonly exports: ExportStreams,
  ) {}

  @Get('fields')
  fields(): readonly SegmentField[] {
    return SEGMENT_FIELDS;
  }

  /** The count and a sample of a rule's members, without saving anything. */
  @Post('preview')
  @HttpCode(200)
  preview(@Scope() scope: DataScope, @Body() body: SegmentRuleDto): Promise<SegmentPreview> {
    return this.segments.preview(scope, body.rule);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSegmentDto): Promise<Segment> {
    return this.segments.create(user, body);
  }

  @Get()
  list(@Query() query: SegmentListQueryDto): Promise<Page<Segment>> {
    return this.segments.list(query);
  }

  /**
   * The marketing home's figures: every segment (the caller's first) with its members, its joiners and leavers
   * of the last 30 days and its members in a running service plan, and the newest joiners of the caller's segments.
   */
  @Get('overview')
  @Roles('marketing', 'leader', 'admin')
  overview(@CurrentUser() user: AuthUser): Promise<SegmentsOverview> {
    return this.segments.overview(user);
  }

  @Get(':id')
  get(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<SegmentDetail> {
    return this.segments.detail(scope, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateSegmentDto): Promise<Segment> {
    return this.segments.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.segments.delete(user, id);
  }

  @Get(':id/members')
  async membersPage(
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @Query() query: MembersQueryDto,
  ): Promise<Page<SegmentMember>> {
    return this.members.page(sourceOf(await this.segments.get(id)), scope, query);
  }

  /**
   * Every member as CSV (default) or .xlsx, streamed, in `lang` from a database cursor, or raw (`raw=true`: a raw
   * CSV by PostgreSQL's COPY). The change history records who exported how many rows (counted as they stream,
   * or beforehand for COPY).
   */
  @Get(':id/export')
  async export(
    @CurrentUser() user: AuthUser,
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @Query() query: MembersExportDto,
    @Res() res: Response,
  ): Promise<void> {
    const segment = await this.segments.get(id);
    const fileName = `segment-${segment.name}`;
    const source = sourceOf(segment);
    const options = exportOptions(query, true);
    const columns = exportColumns(MEMBER_EXPORT, options);
    const rows =
      options.raw && query.format === 'csv'
        ? await this.exports.csvByCopy(
            res,
            fileName,
            columns.map((c) => c.header),
            this.members.exportCsv(source, scope, query.sort),
          )
        : await this.exports.table(
            res,
            query.format,
            fileName,
            columns,
            this.members.exportRows(source, scope, query.sort),
          );
    await this.changeHistory.recordExport(user, {
      kind: 'segment',
      target: segment.id,
      name: segment.name,
      format: query.format,
      filter: {},
      rows,
    });
  }

  /** Adds customers to a static segment, by id or account number. */
  @Post(':id/members')
  @HttpCode(200)
  addMembers(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: StaticMembersDto,
  ): Promise<{ added: number }> {
    return this.segments.addMembers(user, id, body);
  }

  @Delete(':id/members/:customerId')
  @HttpCode(204)
  removeMember(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('customerId') customerId: string,
  ): Promise<void> {
    return this.segments.removeMember(user, id, customerId);
  }

  /** Daily sizes, with how many joined and left, oldest first. */
  @Get(':id/snapshots')
  async history(@UuidParam('id') id: string): Promise<SegmentSnapshot[]> {
    await this.segments.get(id);
    return this.snapshots.history(id);
  }

  /** The latest joiners (or leavers) of a dynamic segment. */
  @Get(':id/changes')
  async changes(
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @Query() query: ChangesQueryDto,
  ): Promise<Page<SegmentChange>> {
    await this.segments.get(id);
    return this.snapshots.changes(id, query.change, scope, query);
  }

  /** The members' distribution over industry, voltage, region, VIP tier and credit rating next to the population's. */
  @Get(':id/distribution')
  async distribution(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<SegmentDistribution[]> {
    return this.members.distribution(sourceOf(await this.segments.get(id)), scope);
  }
}
