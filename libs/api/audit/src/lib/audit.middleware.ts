import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { isDatabaseUnavailable, ThrottledLog } from '@crm/api/http';
import type { NextFunction, Request, Response } from 'express';
import { AuditRepository } from './audit.repository';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every write request (who, what, when, outcome, request id) in the append-only audit log
 * once its response has been sent, whether it succeeded or not.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger(AuditMiddleware.name);
  /** While the database is down every write fails, its audit entry too: one line per few seconds. */
  private readonly unavailable = new ThrottledLog((line) =>
    this.logger.error(`audit log write failed, the database is unavailable: ${line}`),
  );

  constructor(private readonly audit: AuditRepository) {}

  use(req: Request & { user?: AuthUser; id?: unknown }, res: Response, next: NextFunction): void {
    if (READS.has(req.method)) return next();
    const started = Date.now();
    res.on('finish', () => {
      this.audit
        .append({
          user: req.user ?? null,
          method: req.method,
          path: req.originalUrl.slice(0, 500),
          status: res.statusCode,
          requestId: String(req.id ?? res.getHeader('x-request-id') ?? ''),
          ip: req.ip ?? null,
          durationMs: Date.now() - started,
        })
        .catch((error) => {
          if (isDatabaseUnavailable(error))
            this.unavailable.report(`${error.message} (${req.method} ${req.originalUrl})`);
          else this.logger.error(`audit log write failed: ${error}`);
        });
    });
    next();
  }
}
