import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiController, Roles } from '@crm/api/http';
import { AuditEntry, Page } from '@crm/shared/domain';
import { AuditRepository } from './audit.repository';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiController('audit', 'audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  /** The audit log, newest first (admins only). */
  @Get()
  @Roles('admin')
  @ApiOkResponse({
    description: '{items: [{id, at, user, method, path, status, requestId, ip, durationMs}], total, page, pageSize}',
  })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.page(query);
  }
}
