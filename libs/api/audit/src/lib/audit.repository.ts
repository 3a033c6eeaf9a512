import { Injectable } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { AuditEntry, Page } from '@crm/shared/domain';
import { execute, Params, queryPage } from '@crm/api/database';
import { DataSource } from 'typeorm';
import { AuditQueryDto } from './dto/audit-query.dto';

/** A request to log: an entry less what the table gives it (id, moment), by the signed-in user or nobody. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at' | 'user'> & { user: AuthUser | null };

interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  role: string | null;
  display_name: string | null;
  method: string;
  path: string;
  status: number;
  request_id: string;
  ip: string | null;
  duration_ms: number;
}

/** The audit log: insert and read only (the table refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(e: NewAuditEntry): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO audit_log (user_id, username, role, method, path, status, request_id, ip, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        e.user?.id ?? null,
        e.user?.username ?? null,
        e.user?.role ?? null,
        e.method,
        e.path,
        e.status,
        e.requestId,
        e.ip,
        e.durationMs,
      ],
    );
  }

  page(filter: AuditQueryDto): Promise<Page<AuditEntry>> {
    const params = new Params();
    const where: string[] = ['TRUE'];
    if (filter.userId) where.push(`a.user_id = ${params.add(filter.userId)}`);
    if (filter.method) where.push(`a.method = ${params.add(filter.method)}`);
    if (filter.from) where.push(`a.at >= ${params.add(filter.from)}`);
    if (filter.to) where.push(`a.at < ${params.add(filter.to)}`);
    if (filter.path) where.push(`a.path LIKE ${params.add(filter.path)} || '%'`);
    const condition = where.join(' AND ');
    return queryPage(
      this.dataSource,
      {
        rows: `SELECT a.*, u.display_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
                WHERE ${condition} ORDER BY a.at DESC, a.id DESC`,
        count: `SELECT count(*)::int AS total FROM audit_log a WHERE ${condition}`,
      },
      params,
      filter,
      (r: AuditRow): AuditEntry => ({
        id: String(r.id),
        at: r.at.toISOString(),
        user: r.user_id
          ? {
              id: r.user_id,
              username: r.username ?? '',
              role: r.role ?? '',
              displayName: r.display_name ?? r.username ?? '',
            }
          : null,
        method: r.method,
        path: r.path,
        status: r.status,
        requestId: r.request_id,
        ip: r.ip,
        durationMs: r.duration_ms,
      }),
    );
  }
}
