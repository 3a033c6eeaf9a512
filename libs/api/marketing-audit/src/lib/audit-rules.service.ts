import { Injectable } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import {
  AuditRuleView,
  checkAuditParameters,
  isAuditRuleCode,
  NotFoundError,
  StaleVersionError,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { AuditRuleChangeDto } from './dto/audit-rule-change.dto';
import { AuditRulesRepository } from './audit-rules.repository';

/**
 * The rules' state, edited by auditors and admins: on/off, severity (for findings made or reopened from then on) and
 * parameter values (checked against the rule's specification). Who changed a rule last is kept on its row
 * (updated_by, updated_at) and every request in the audit log, as for the work-order limit table.
 */
@Injectable()
export class AuditRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: AuditRulesRepository,
  ) {}

  list(): Promise<AuditRuleView[]> {
    return this.rules.list(this.dataSource);
  }

  async update(user: AuthUser, code: string, dto: AuditRuleChangeDto): Promise<AuditRuleView> {
    if (!isAuditRuleCode(code)) throw new NotFoundError('Audit rule', code);
    const parameters = dto.parameters && checkAuditParameters(code, dto.parameters);
    const change = { enabled: dto.enabled, severity: dto.severity, parameters };
    if (!(await this.rules.update(this.dataSource, code, change, dto.version, user.id))) {
      const current = await this.rules.version(this.dataSource, code);
      if (current === undefined) throw new NotFoundError('Audit rule', code);
      throw new StaleVersionError('The audit rule', dto.version, current);
    }
    const [view] = await this.rules.list(this.dataSource, code);
    return view;
  }
}
