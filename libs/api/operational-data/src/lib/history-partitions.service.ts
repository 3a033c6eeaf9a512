import { Injectable, OnModuleInit } from '@nestjs/common';
import { ensureHistoryPartitions } from '@crm/api/database';
import { JobsService } from '@crm/api/jobs';
import { DataSource } from 'typeorm';

export const HISTORY_PARTITIONS_JOB = 'history-partitions';

/**
 * Keeps the yearly partitions of consumption, bills, payments and the customer timeline ready a year ahead:
 * at start-up (after the migrations) and on the 1st of every month at 05:00, once per database whatever the
 * number of instances (a pg-boss schedule).
 */
@Injectable()
export class HistoryPartitionsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every(HISTORY_PARTITIONS_JOB, '0 5 1 * *', () => this.ensure(new Date()));
  }

  async ensure(today: Date): Promise<{ created: string[] }> {
    return { created: await ensureHistoryPartitions(this.dataSource, today) };
  }
}
