import { Injectable } from '@nestjs/common';
import { Db, execute, query } from '@crm/api/database';
import { METRICS_COLUMN_LIST, METRICS_COLUMNS, metricsAssignments, metricsParams, metricsSelect } from './scoring-sql';

/** The metrics refresh between runs: the customers marked stale (customer_metrics_stale) and their metrics. */
@Injectable()
export class CustomerMetricsRepository {
  /**
   * Takes the stale list into the transaction's table metrics_refresh (dropped at commit), emptying the list;
   * answers how many customers it took.
   */
  async takeStale(tx: Db): Promise<number> {
    await execute(tx, `CREATE TEMP TABLE metrics_refresh (customer_id uuid PRIMARY KEY) ON COMMIT DROP`);
    await execute(
      tx,
      `WITH taken AS (DELETE FROM customer_metrics_stale RETURNING customer_id)
       INSERT INTO metrics_refresh SELECT customer_id FROM taken`,
    );
    const [{ customers }] = await query<{ customers: number }>(
      tx,
      'SELECT count(*)::int AS customers FROM metrics_refresh',
    );
    return customers;
  }

  /** Writes the metrics as of `asOf` (YYYY-MM-DD) of the customers takeStale took, in one statement. */
  async refreshTaken(tx: Db, asOf: string): Promise<void> {
    await execute(tx, 'ANALYZE metrics_refresh');
    await execute(
      tx,
      `INSERT INTO customer_metrics (${METRICS_COLUMNS}) ${metricsSelect('metrics_refresh')}
       ON CONFLICT (customer_id) DO UPDATE SET ${metricsAssignments(METRICS_COLUMN_LIST)}`,
      metricsParams(asOf),
    );
  }
}
