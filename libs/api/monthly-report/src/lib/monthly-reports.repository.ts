import { Injectable } from '@nestjs/common';
import { Db, query, queryOne } from '@crm/api/database';
import { MonthlyReport, MonthlyReportActor, MonthlyReportContent, MonthlyReportSummary } from '@crm/shared/domain';

interface SummaryRow {
  period: string;
  generated_at: Date;
  generated_by_id: string | null;
  generated_by_name: string | null;
  regenerations: number;
  regenerated_at: Date | null;
  regenerated_by_id: string | null;
  regenerated_by_name: string | null;
}

interface ReportRow extends SummaryRow {
  /** A report generated before the regions were kept has none. */
  content: Omit<MonthlyReportContent, 'regions'> & Partial<Pick<MonthlyReportContent, 'regions'>>;
}

const SUMMARY_COLUMNS = `r.period, r.generated_at, g.id AS generated_by_id, g.display_name AS generated_by_name,
  r.regenerations, r.regenerated_at, x.id AS regenerated_by_id, x.display_name AS regenerated_by_name`;

const FROM = `monthly_reports r LEFT JOIN users g ON g.id = r.generated_by LEFT JOIN users x ON x.id = r.regenerated_by`;

const actor = (id: string | null, name: string | null): MonthlyReportActor | null =>
  id === null ? null : { id, displayName: name ?? '' };

function toSummary(r: SummaryRow): MonthlyReportSummary {
  return {
    period: r.period,
    generatedAt: r.generated_at.toISOString(),
    generatedBy: actor(r.generated_by_id, r.generated_by_name),
    regenerations: r.regenerations,
    regeneratedAt: r.regenerated_at?.toISOString() ?? null,
    regeneratedBy: actor(r.regenerated_by_id, r.regenerated_by_name),
  };
}

/** monthly_reports: one row per closed month, its figures as generated. */
@Injectable()
export class MonthlyReportsRepository {
  /** The kept months, newest first. */
  async list(db: Db): Promise<MonthlyReportSummary[]> {
    return (await query<SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM ${FROM} ORDER BY r.period DESC`)).map(
      toSummary,
    );
  }

  async get(db: Db, period: string): Promise<MonthlyReport | undefined> {
    const row = await queryOne<ReportRow>(db, `SELECT ${SUMMARY_COLUMNS}, r.content FROM ${FROM} WHERE r.period = $1`, [
      period,
    ]);
    return row && { ...toSummary(row), ...row.content, regions: row.content.regions ?? [] };
  }

  async exists(db: Db, period: string): Promise<boolean> {
    return (await queryOne(db, 'SELECT 1 FROM monthly_reports WHERE period = $1', [period])) !== undefined;
  }

  /**
   * Keeps `content` as the report of `period`: a first generation, or a regeneration that replaces the figures,
   * counts itself and says when and by whom. `by` null: the monthly job.
   */
  async save(db: Db, period: string, content: MonthlyReportContent, by: string | null): Promise<void> {
    await query(
      db,
      `INSERT INTO monthly_reports AS r (period, content, generated_by) VALUES ($1, $2, $3)
       ON CONFLICT (period) DO UPDATE SET content = EXCLUDED.content, regenerations = r.regenerations + 1,
         regenerated_at = now(), regenerated_by = EXCLUDED.generated_by`,
      [period, JSON.stringify(content), by],
    );
  }

  /** Keeps `content` as the report of `period` unless one is kept already (the monthly job); true when kept now. */
  async saveIfAbsent(db: Db, period: string, content: MonthlyReportContent): Promise<boolean> {
    const rows = await query(
      db,
      `INSERT INTO monthly_reports (period, content) VALUES ($1, $2) ON CONFLICT (period) DO NOTHING RETURNING period`,
      [period, JSON.stringify(content)],
    );
    return rows.length === 1;
  }
}
