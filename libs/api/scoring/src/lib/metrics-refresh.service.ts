import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@crm/api/jobs';
import { chinaDate } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { METRICS_COLUMN_LIST, METRICS_COLUMNS, metricsAssignments, metricsParams, metricsSelect } from './scoring-sql';

export const METRICS_REFRESH_JOB = 'metrics-refresh';

/**
 * Between nightly scoring runs, recomputes the metrics of the customers an import marked stale
 * (customer_metrics_stale), every five minutes, so that segments count on current behaviour. Scores
 * stay as the last run left them: they are percentiles of the whole population, for the next run.
 */
@Injectable()
export class MetricsRefreshService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every(METRICS_REFRESH_JOB, '*/5 * * * *', () => this.refresh());
  }

  /** One transaction: takes the stale list, writes those customers' metrics as of today. */
  async refresh(): Promise<{ customers: number }> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`CREATE TEMP TABLE metrics_refresh (customer_id uuid PRIMARY KEY) ON COMMIT DROP`);
      await tx.query(
        `WITH taken AS (DELETE FROM customer_metrics_stale RETURNING customer_id)
         INSERT INTO metrics_refresh SELECT customer_id FROM taken`,
      );
      const [{ customers }] = await tx.query('SELECT count(*)::int AS customers FROM metrics_refresh');
      if (customers === 0) return { customers };
      await tx.query('ANALYZE metrics_refresh');
      await tx.query(
        `INSERT INTO customer_metrics (${METRICS_COLUMNS}) ${metricsSelect('metrics_refresh')}
         ON CONFLICT (customer_id) DO UPDATE SET ${metricsAssignments(METRICS_COLUMN_LIST)}`,
        metricsParams(chinaDate(new Date())),
      );
      return { customers };
    });
  }
}
