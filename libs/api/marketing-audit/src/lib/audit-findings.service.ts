import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { NotificationsService } from '@crm/api/notifications';
import { ClockScanService, TimeLimitsService } from '@crm/api/time-limits';
import { TimelineService } from '@crm/api/timeline';
import {
  AUDIT_CLOCK_OWNER,
  auditActionsFor,
  AuditFindingAction,
  AuditFindingEventKind,
  AuditFindingListEntry,
  AuditFindingView,
  nextAuditState,
  NotFoundError,
  Page,
  RECTIFICATION_WORKING_DAYS,
  rectificationClockKind,
  StaleVersionError,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActionDto } from './dto/audit-action.dto';
import { AuditFindingQueryDto } from './dto/audit-finding-query.dto';
import { AuditFindingsRepository, LockedFinding } from './audit-findings.repository';
import { AUDIT_FINDING_EVENTS_SQL } from './marketing-audit-sql';

/** The event each action writes. */
const EVENT_OF: Record<AuditFindingAction, AuditFindingEventKind> = {
  rectify: 'rectified',
  verify: 'verified',
  dismiss: 'dismissed',
  reopen: 'reopened',
};

/**
 * Findings: the scoped list and view, and the workflow (rectify by the owning manager, verify, dismiss and reopen by
 * an auditor), each action in one transaction: the finding locked and checked (role, note, state, version), its new
 * state and event, its rectification clock stopped (rectify, dismiss) or a new one started (reopen), an entry on the
 * customer's timeline, and a notification to the auditors (rectify) or to the manager (reopen).
 */
@Injectable()
export class AuditFindingsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly findings: AuditFindingsRepository,
    private readonly timeLimits: TimeLimitsService,
    private readonly clockScan: ClockScanService,
    private readonly timeline: TimelineService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.clockScan.register(AUDIT_CLOCK_OWNER, AUDIT_FINDING_EVENTS_SQL);
  }

  list(scope: DataScope, query: AuditFindingQueryDto): Promise<Page<AuditFindingListEntry>> {
    return this.findings.findPage(this.dataSource, scope, query);
  }

  async get(user: AuthUser, id: string): Promise<AuditFindingView> {
    const finding = await this.findings.findOne(this.dataSource, DataScope.of(user), id);
    if (!finding) throw new NotFoundError('Finding', id);
    return {
      ...finding,
      history: await this.findings.history(this.dataSource, id),
      actions: auditActionsFor(finding.state, user.role),
    };
  }

  async act(user: AuthUser, id: string, action: AuditFindingAction, dto: AuditActionDto): Promise<AuditFindingView> {
    await this.dataSource.transaction(async (manager) => {
      const finding = await this.findings.lock(manager, DataScope.of(user), id);
      if (!finding) throw new NotFoundError('Finding', id);
      const state = nextAuditState(finding.state, action, user.role, dto.note);
      if (dto.version !== finding.version) throw new StaleVersionError('The finding', dto.version, finding.version);
      const at = new Date();
      const note = dto.note.trim();
      await this.findings.act(manager, id, state, { kind: EVENT_OF[action], note, actorId: user.id, at });
      await this.moveClock(manager, finding, action, at);
      await this.timeline.record(manager, [
        {
          customerId: finding.customerId,
          type: `audit_finding_${EVENT_OF[action]}`,
          actorId: user.id,
          summary: `Audit finding "${finding.ruleNameEn}" ${EVENT_OF[action]}: ${note}`,
          data: { findingId: id, rule: finding.ruleCode, state, note },
        },
      ]);
      await this.notify(manager, finding, action);
    });
    return this.get(user, id);
  }

  /** Rectify and dismiss stop the rectification clock; reopen starts the next one from now. */
  private async moveClock(
    manager: EntityManager,
    finding: LockedFinding,
    action: AuditFindingAction,
    at: Date,
  ): Promise<void> {
    if (action === 'rectify' || action === 'dismiss') {
      await this.timeLimits.stopAll(manager, [AUDIT_CLOCK_OWNER], finding.id, at);
    } else if (action === 'reopen') {
      const opening = (await this.findings.clocks(manager, finding.id)) + 1;
      await this.timeLimits.start(manager, [
        {
          ownerKind: AUDIT_CLOCK_OWNER,
          ownerId: finding.id,
          clockKind: rectificationClockKind(opening),
          customerId: finding.customerId,
          limit: RECTIFICATION_WORKING_DAYS[finding.severity],
          unit: 'working_days',
          startedAt: at,
        },
      ]);
    }
  }

  /** A rectified finding waits for the auditors; a reopened one is the manager's again. */
  private async notify(manager: EntityManager, finding: LockedFinding, action: AuditFindingAction): Promise<void> {
    const recipients =
      action === 'rectify'
        ? await this.findings.auditors(manager)
        : action === 'reopen' && finding.managerId
          ? [finding.managerId]
          : [];
    const kind = `audit_finding_${EVENT_OF[action]}`;
    await this.notifications.notify(
      manager,
      recipients.map((userId) => ({
        userId,
        customerId: finding.customerId,
        kind,
        summary: `${finding.customerName}: audit finding "${finding.ruleNameEn}" ${EVENT_OF[action]}`,
        data: {
          findingId: finding.id,
          rule: finding.ruleCode,
          ruleZh: finding.ruleNameZh,
          ruleEn: finding.ruleNameEn,
          customer: finding.customerName,
        },
      })),
    );
  }
}
