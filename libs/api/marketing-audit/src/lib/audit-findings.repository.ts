import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { Db, execute, Params, query, queryOne, queryPage } from '@crm/api/database';
import { clockDueDateSql } from '@crm/api/time-limits';
import {
  AUDIT_CLOCK_OWNER,
  AuditFindingEvent,
  AuditFindingEventKind,
  AuditFindingListEntry,
  AuditFindingSortField,
  AuditFindingState,
  AuditRuleCode,
  AuditSeverity,
  Page,
} from '@crm/shared/domain';
import { AuditFindingQueryDto } from './dto/audit-finding-query.dto';
import { latestClockJoin, RUNNING_DUE_SQL } from './marketing-audit-sql';

const FINDING_FROM = `audit_findings f
  JOIN customers c ON c.id = f.customer_id
  LEFT JOIN users m ON m.id = c.account_manager_id
  ${latestClockJoin('f')}`;

const FINDING_SELECT = `f.id, f.rule_code, f.customer_id, c.account_no, c.name AS customer_name,
  c.account_manager_id AS manager_id, m.display_name AS manager_name, f.severity, f.state,
  CASE WHEN k.stopped_at IS NULL THEN ${clockDueDateSql('k')}::text END AS due_on,
  coalesce(${RUNNING_DUE_SQL} < now(), false) AS overdue,
  f.first_found_at, f.last_found_at, f.condition_cleared_at, f.recurrences`;

const SORT_COLUMNS: Record<AuditFindingSortField, string> = {
  dueOn: RUNNING_DUE_SQL,
  firstFoundAt: 'f.first_found_at',
  severity: `CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`,
  recurrences: 'f.recurrences',
};

/** `field` or `-field`; findings without the value (no running deadline) come last either way. */
function orderBy(sort: string): string {
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
  const column = SORT_COLUMNS[sort.replace(/^-/, '') as AuditFindingSortField];
  return `${column} ${direction} NULLS LAST, f.first_found_at DESC, f.id`;
}

interface FindingRow {
  id: string;
  rule_code: AuditRuleCode;
  customer_id: string;
  account_no: string;
  customer_name: string;
  manager_id: string | null;
  manager_name: string | null;
  severity: AuditSeverity;
  state: AuditFindingState;
  due_on: string | null;
  overdue: boolean;
  first_found_at: Date;
  last_found_at: Date;
  condition_cleared_at: Date | null;
  recurrences: number;
}

function toEntry(r: FindingRow): AuditFindingListEntry {
  return {
    id: r.id,
    rule: r.rule_code,
    customer: { id: r.customer_id, accountNo: r.account_no, name: r.customer_name },
    managerId: r.manager_id,
    managerName: r.manager_name,
    severity: r.severity,
    state: r.state,
    dueOn: r.due_on,
    overdue: r.overdue,
    firstFoundAt: r.first_found_at.toISOString(),
    lastFoundAt: r.last_found_at.toISOString(),
    conditionClearedAt: r.condition_cleared_at?.toISOString() ?? null,
    recurrences: r.recurrences,
  };
}

/** A finding locked for an action, with what the action's timeline entry and notifications tell. */
export interface LockedFinding {
  id: string;
  state: AuditFindingState;
  version: number;
  severity: AuditSeverity;
  ruleCode: AuditRuleCode;
  ruleNameZh: string;
  ruleNameEn: string;
  customerId: string;
  customerName: string;
  managerId: string | null;
}

/** audit_findings and audit_finding_events as the workbench and the managers read and act on them. */
@Injectable()
export class AuditFindingsRepository {
  findPage(db: Db, scope: DataScope, q: AuditFindingQueryDto): Promise<Page<AuditFindingListEntry>> {
    const p = new Params();
    const where = [scope.sql('c.account_manager_id', p)];
    if (q.rule) where.push(`f.rule_code = ${p.add(q.rule)}`);
    if (q.state) where.push(`f.state = ${p.add(q.state)}`);
    if (q.managerId) where.push(`c.account_manager_id = ${p.add(q.managerId)}`);
    if (q.customerId) where.push(`f.customer_id = ${p.add(q.customerId)}`);
    if (q.severity) where.push(`f.severity = ${p.add(q.severity)}`);
    if (q.pending) where.push(`f.state ${q.pending === 'true' ? '' : 'NOT '}IN ('open', 'rectifying')`);
    if (q.region) where.push(`c.region = ${p.add(q.region)}`);
    if (q.overdue) where.push(`${q.overdue === 'true' ? '' : 'NOT '}coalesce(${RUNNING_DUE_SQL} < now(), false)`);
    const filter = where.join(' AND ');
    return queryPage(
      db,
      {
        rows: `SELECT ${FINDING_SELECT} FROM ${FINDING_FROM} WHERE ${filter} ORDER BY ${orderBy(q.sort)}`,
        count: `SELECT count(*)::int AS total FROM ${FINDING_FROM} WHERE ${filter}`,
      },
      p,
      q,
      toEntry,
    );
  }

  /** The finding with its evidence and version, if it is in the caller's scope. */
  async findOne(
    db: Db,
    scope: DataScope,
    id: string,
  ): Promise<(AuditFindingListEntry & { evidence: Record<string, unknown>; version: number }) | undefined> {
    const p = new Params(id);
    const row = await queryOne<FindingRow & { evidence: Record<string, unknown>; version: number }>(
      db,
      `SELECT ${FINDING_SELECT}, f.evidence, f.version FROM ${FINDING_FROM}
        WHERE f.id = $1 AND ${scope.sql('c.account_manager_id', p)}`,
      p,
    );
    return row && { ...toEntry(row), evidence: row.evidence, version: row.version };
  }

  /** The finding's history, oldest first, with the actors' names. */
  async history(db: Db, id: string): Promise<AuditFindingEvent[]> {
    const rows = await query<{ kind: AuditFindingEventKind; at: Date; actor_name: string | null; note: string | null }>(
      db,
      `SELECT e.kind, e.at, u.display_name AS actor_name, e.note
         FROM audit_finding_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.finding_id = $1 ORDER BY e.at, e.id`,
      [id],
    );
    return rows.map((r) => ({ kind: r.kind, at: r.at.toISOString(), actorName: r.actor_name, note: r.note }));
  }

  /** The finding's row locked for an action, if it is in the caller's scope. */
  lock(db: Db, scope: DataScope, id: string): Promise<LockedFinding | undefined> {
    const p = new Params(id);
    return queryOne<LockedFinding>(
      db,
      `SELECT f.id, f.state, f.version, f.severity, f.rule_code AS "ruleCode", r.name_zh AS "ruleNameZh",
              r.name_en AS "ruleNameEn", f.customer_id AS "customerId", c.name AS "customerName",
              c.account_manager_id AS "managerId"
         FROM audit_findings f JOIN customers c ON c.id = f.customer_id JOIN audit_rules r ON r.code = f.rule_code
        WHERE f.id = $1 AND ${scope.sql('c.account_manager_id', p)}
          FOR UPDATE OF f`,
      p,
    );
  }

  /** The action's new state and its event. */
  async act(
    db: Db,
    id: string,
    state: AuditFindingState,
    event: { kind: AuditFindingEventKind; note: string; actorId: string; at: Date },
  ): Promise<void> {
    await execute(db, 'UPDATE audit_findings SET state = $2, version = version + 1 WHERE id = $1', [id, state]);
    await execute(
      db,
      'INSERT INTO audit_finding_events (finding_id, kind, note, actor_id, at) VALUES ($1, $2, $3, $4, $5)',
      [id, event.kind, event.note, event.actorId, event.at],
    );
  }

  /** How many rectification clocks the finding has had (the next is opening this + 1). */
  async clocks(db: Db, id: string): Promise<number> {
    const row = await queryOne<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM clocks WHERE owner_kind = '${AUDIT_CLOCK_OWNER}' AND owner_id = $1`,
      [id],
    );
    return row?.n ?? 0;
  }

  /** The active auditors' ids (told when a finding is rectified). */
  async auditors(db: Db): Promise<string[]> {
    const rows = await query<{ id: string }>(db, "SELECT id FROM users WHERE role = 'auditor' AND active ORDER BY id");
    return rows.map((r) => r.id);
  }
}
