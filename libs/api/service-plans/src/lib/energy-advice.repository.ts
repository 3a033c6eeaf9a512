import { Injectable } from '@nestjs/common';
import { query } from '@crm/api/database';
import { MeteredMonth } from '@crm/shared/domain';
import { DataSource } from 'typeorm';

/** The metered consumption an energy advice analyses. */
@Injectable()
export class EnergyAdviceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The customer's metered months among the last 12 complete ones (China time), oldest first. */
  async lastTwelveMonths(customerId: string): Promise<MeteredMonth[]> {
    return query<MeteredMonth>(
      this.dataSource,
      `SELECT to_char(period, 'YYYY-MM') AS period, kwh::float8 AS "kwh", max_demand_kw::float8 AS "maxDemandKw",
              power_factor::float8 AS "powerFactor"
         FROM consumption
        WHERE customer_id = $1
          AND period >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '12 months'
          AND period < date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')
        ORDER BY period`,
      [customerId],
    );
  }
}
