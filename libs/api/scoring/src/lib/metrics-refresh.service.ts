import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@crm/api/jobs';
import { chinaDate } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { CustomerMetricsRepository } from './customer-metrics.repository';

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
    private readonly metrics: CustomerMetricsRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.every(METRICS_REFRESH_JOB, '*/5 * * * *', () => this.refresh());
  }

  /** One transaction: takes the stale list, writes those customers' metrics as of today. */
  async refresh(): Promise<{ customers: number }> {
    return this.dataSource.transaction(async (tx) => {
      const customers = await this.metrics.takeStale(tx);
      if (customers > 0) await this.metrics.refreshTaken(tx, chinaDate(new Date()));
      return { customers };
    });
  }
}
