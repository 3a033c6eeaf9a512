import { Controller, Get, Module, Res } from '@nestjs/common';
import { CalendarModule } from '@crm/api/calendar';
import { CustomersModule } from '@crm/api/customers';
import { ExportStreams, READ_APPLICATION_NAME, ReadDatabase } from '@crm/api/database';
import { Public } from '@crm/api/http';
import { LifecycleModule } from '@crm/api/lifecycle';
import { createTestApp, TestApp } from '@crm/api/testing';
import { WorkOrdersModule } from '@crm/api/work-orders';
import type { Response } from 'express';

/** Downloads, through ExportStreams, the application_name of the connection the export ran on. */
@Controller('read-pool-probe')
class ProbeController {
  constructor(private readonly exports: ExportStreams) {}

  @Public()
  @Get('table')
  async table(@Res() res: Response): Promise<void> {
    await this.exports.table(res, 'csv', 'probe', [{ header: 'name', value: (r: string) => r }], {
      sql: `SELECT current_setting('application_name') AS name`,
      params: [],
      toRow: (row) => String(row['name']),
    });
  }

  @Public()
  @Get('copy')
  async copy(@Res() res: Response): Promise<void> {
    await this.exports.csvByCopy(res, 'probe', ['name'], {
      sql: `SELECT current_setting('application_name') AS name`,
      params: [],
    });
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('read pool (DATABASE_READ_URL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The read pool on the app's own database stands in for a replica.
    t = await createTestApp([CustomersModule, CalendarModule, LifecycleModule, WorkOrdersModule, ProbeModule], {
      readPool: true,
    });
  });
  afterAll(() => t.close());

  /** The last statement of each read-pool connection (an idle backend shows the last one it ran). */
  const readPoolStatements = async (): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [READ_APPLICATION_NAME],
      )
    ).map((r: { query: string }) => r.query);

  it('is a pool of its own, apart from the main one', () => {
    expect(t.app.get(ReadDatabase).dataSource).not.toBe(t.dataSource);
  });

  it('runs exports, by cursor and by COPY, on the read pool', async () => {
    for (const kind of ['table', 'copy']) {
      const response = await fetch(`${t.baseUrl}/api/read-pool-probe/${kind}`);
      expect(response.status).toBe(200);
      expect((await response.text()).trim().split(/\r?\n/)[1]).toBe(READ_APPLICATION_NAME);
    }
  });

  it('reads the service-quality and lifecycle reports on the read pool', async () => {
    expect((await t.request('GET', '/requests/report', { as: 'leader' })).status).toBe(200);
    expect(await readPoolStatements()).toContainEqual(expect.stringContaining(`WHERE stage <> 'closed'`));
    expect((await t.request('GET', '/lifecycle/report', { as: 'leader' })).status).toBe(200);
    expect(await readPoolStatements()).toContainEqual(expect.stringContaining('avg(s.sla_working_days)'));
  });

  it('is the main DataSource when no read URL is given', async () => {
    const plain = await createTestApp([ProbeModule]);
    try {
      expect(plain.app.get(ReadDatabase).dataSource).toBe(plain.dataSource);
      const response = await fetch(`${plain.baseUrl}/api/read-pool-probe/table`);
      expect((await response.text()).trim().split(/\r?\n/)[1]).not.toBe(READ_APPLICATION_NAME);
    } finally {
      await plain.close();
    }
  });
});
