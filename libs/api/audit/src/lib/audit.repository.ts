import { Injectable } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { AuditEntry, Page } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { AuditQueryDto } from './dto/audit-query.dto';

export interface NewAuditEntry {
  user: AuthUser | null;
  method: string;
  path: string;
  status: number;
  requestId: string;
  ip: string | null;
  durationMs: number;
}

/** The audit log: insert and read only (the table refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(e: NewAuditEntry): Promise<void> {
    await this.dataSource.query(
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

  async page(query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.userId) add('a.user_id = ?', query.userId);
    if (query.method) add('a.method = ?', query.method);
    if (query.from) add('a.at >= ?', query.from);
    if (query.to) add('a.at < ?', query.to);
    if (query.path) add("a.path LIKE ? || '%'", query.path);
    const condition = where.join(' AND ');
    const rows: {
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
    }[] = await this.dataSource.query(
      `SELECT a.*, u.display_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE ${condition} ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log a WHERE ${condition}`,
      params,
    );
    return {
      items: rows.map((r) => ({
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
      })),
      total: n,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
