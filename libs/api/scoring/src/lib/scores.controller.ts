import { Query, Res } from '@nestjs/common';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { CustomersService } from '@crm/api/customers';
import { ExportStreams } from '@crm/api/database';
import { ApiController, exportColumns, exportOptions, GetForAll, UuidParam } from '@crm/api/http';
import { CreditListEntry, CreditSummary, CustomerScores, Page, VipListEntry, VipSummary } from '@crm/shared/domain';
import type { Response } from 'express';
import { ScoreExportDto, ScoreFilterDto } from './dto/score-query.dto';
import { ScoresRepository } from './scores.repository';
import { VIP_EXPORT } from './vip-export';

/**
 * The scores as people read them: a customer's, the VIP list for leadership and the credit-risk views.
 * Account managers see their own customers only (DataScope).
 */
@ApiController('scoring')
export class ScoresController {
  constructor(
    private readonly customers: CustomersService,
    private readonly scores: ScoresRepository,
    private readonly history: ChangeHistoryService,
    private readonly exports: ExportStreams,
  ) {}

  @GetForAll('customers/:id/scores')
  async ofCustomer(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<CustomerScores> {
    await this.customers.assertAccess(scope, id);
    return this.scores.ofCustomer(id);
  }

  @GetForAll('vip')
  vip(@Scope() scope: DataScope, @Query() query: ScoreFilterDto): Promise<Page<VipListEntry>> {
    return this.scores.vipPage(scope, query, query);
  }

  @GetForAll('vip/summary')
  vipSummary(@Scope() scope: DataScope, @Query() query: ScoreFilterDto): Promise<VipSummary> {
    return this.scores.vipSummary(scope, query);
  }

  /**
   * The filtered VIP list as CSV or .xlsx, streamed, in `lang` (or raw); the change history records who exported
   * how many rows.
   */
  @GetForAll('vip/export')
  async vipExport(
    @CurrentUser() user: AuthUser,
    @Scope() scope: DataScope,
    @Query() query: ScoreExportDto,
    @Res() res: Response,
  ): Promise<void> {
    const { format, tier, rating, region, industry, managerId } = query;
    // Filters not given are left out when stored (JSON has no undefined).
    const filter = { tier, rating, region, industry, managerId };
    const rows = await this.exports.table(
      res,
      format,
      'vip-list',
      exportColumns(VIP_EXPORT, exportOptions(query, true)),
      this.scores.vipExport(scope, query),
    );
    await this.history.recordExport(user, { kind: 'vip_list', target: null, name: null, format, filter, rows });
  }

  @GetForAll('credit/summary')
  creditSummary(@Scope() scope: DataScope, @Query() query: ScoreFilterDto): Promise<CreditSummary> {
    return this.scores.creditSummary(scope, query);
  }

  @GetForAll('credit/blacklist')
  blacklist(@Scope() scope: DataScope, @Query() query: ScoreFilterDto): Promise<Page<CreditListEntry>> {
    return this.scores.creditPage(scope, 'blacklist', query, query);
  }

  /** Customers whose rating fell since the run before. */
  @GetForAll('credit/downgrades')
  downgrades(@Scope() scope: DataScope, @Query() query: ScoreFilterDto): Promise<Page<CreditListEntry>> {
    return this.scores.creditPage(scope, 'downgraded', query, query);
  }
}
