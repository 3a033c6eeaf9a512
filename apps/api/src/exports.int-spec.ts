import { CustomersModule } from '@crm/api/customers';
import { EXPORT_SLOT_LOCK, ExportLimits } from '@crm/api/database';
import { ScoringModule, ScoringRunService } from '@crm/api/scoring';
import { SegmentsModule } from '@crm/api/segments';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import ExcelJS from 'exceljs';
import { ClientRequest, IncomingMessage, request } from 'node:http';
import { Client } from 'pg';

/** Short limits, so that stalls are cut off within the test. */
const LIMITS: ExportLimits = { concurrency: 3, statementTimeoutMs: 60_000, stallTimeoutMs: 1000 };
/** Enough members that a download fills every buffer between the API and a client that stops reading. */
const MEMBERS = 20_000;
const HOSTILE = "=cmd|' /C calc'!A0";

interface OpenExport {
  req: ClientRequest;
  res: IncomingMessage;
  /** Settles when the response is over: true when it ended cleanly, false when it broke off. */
  complete: Promise<boolean>;
}

describe('exports', () => {
  let t: TestApp;
  let segmentId: string;
  let hostileSegmentId: string;
  let exportPaths: string[];

  /** GET `path` as leader, without reading the body: resolves once the status line and headers are in. */
  const open = (path: string): Promise<OpenExport> =>
    new Promise((resolve, reject) => {
      const url = new URL(`${t.baseUrl}/api${path}`);
      const req = request(url, { headers: { authorization: `Bearer ${t.tokens['leader']}` } }, (res) => {
        res.on('error', () => undefined);
        const complete = new Promise<boolean>((settle) => res.on('close', () => settle(res.complete)));
        resolve({ req, res, complete });
      });
      req.on('error', reject);
      req.end();
    });

  /** An export whose client reads one chunk and hangs up; retried while the slots of the ones before free up. */
  const abortAfterOneChunk = async (path: string) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const e = await open(path);
      if (e.res.statusCode === 429) {
        e.res.resume();
        await e.complete;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      expect(e.res.statusCode).toBe(200);
      await new Promise((resolve) => {
        e.res.once('data', resolve);
        e.res.resume();
      });
      e.req.destroy();
      return;
    }
    throw new Error(`${path} stayed refused`);
  };

  /** Backends of the test database busy with something (an export waiting on its client included). */
  const busyBackends = async (): Promise<{ pid: number; state: string; query: string }[]> =>
    t.dataSource.query(
      `SELECT pid, state, query FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
    );

  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 5000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const healthMs = async () => {
    const started = Date.now();
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    return Date.now() - started;
  };

  const download = async (path: string) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${t.tokens['leader']}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, ScoringModule, SegmentsModule], { exports: LIMITS });
    await createCustomer(t, 'manager1', { name: HOSTILE, region: '@龙湾区' });
    // Members that are not scored (still applying), each with a long region so that the exports are large.
    await t.dataSource.query(
      `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva,
                              tariff_category, region, address, account_manager_id)
       SELECT 'X' || lpad(i::text, 9, '0'), '批量客户' || i, '9133' || lpad(i::text, 13, '0') || '0', '38', 10,
              1000 + i, 'large_industry', '龙湾区' || repeat(md5(i::text), 16), '温州市龙湾区 ' || i || ' 号', $1
         FROM generate_series(1, ${MEMBERS}) i`,
      [t.userIds['manager2']],
    );
    await t.dataSource.query(`UPDATE customers SET stage = 'active' WHERE name = $1`, [HOSTILE]);
    await t.app.get(ScoringRunService).run();
    // An overpaid bill: a negative number, which must stay a number.
    await t.dataSource.query(
      `UPDATE customer_metrics SET arrears = -2 WHERE customer_id = (SELECT id FROM customers WHERE name = $1)`,
      [HOSTILE],
    );
    // Saved as the API would, without the snapshot job the API queues.
    [{ id: segmentId }] = await t.dataSource.query(
      `INSERT INTO segments (name, kind, rule, owner_id) VALUES ('全部', 'dynamic', '{"op": "and", "rules": []}', $1)
       RETURNING id`,
      [t.userIds['marketing']],
    );
    [{ id: hostileSegmentId }] = await t.dataSource.query(
      `INSERT INTO segments (name, kind, rule, owner_id)
       VALUES ('公式', 'dynamic', '{"op": "and", "rules": [{"field": "region", "operator": "eq", "value": "@龙湾区"}]}', $1)
       RETURNING id`,
      [t.userIds['marketing']],
    );
    exportPaths = [
      `/segments/${segmentId}/export?format=csv&raw=true`,
      `/segments/${segmentId}/export?format=xlsx`,
      '/vip/export?format=csv',
      '/vip/export?format=xlsx',
    ];
  }, 120_000);
  afterAll(() => t.close());

  it('writes a name that is a formula as text in the CSV and the workbook of segments and the VIP list', async () => {
    const region = encodeURIComponent('@龙湾区');
    const segmentCsv = (await download(`/segments/${hostileSegmentId}/export?format=csv&raw=true`)).toString('utf8');
    // name, region and arrears
    const row = segmentCsv.split('\n')[1].split(',');
    expect([row[1], row[4], row[10]]).toEqual([`'${HOSTILE}`, `'@龙湾区`, '-2.00']);
    // Read by people: the same, and the negative amount a figure (display-format), not a formula.
    const readable = (await download(`/segments/${hostileSegmentId}/export?format=csv&lang=zh-CN`)).toString('utf8');
    const readableRow = readable.split('\r\n')[1];
    for (const cell of [`'${HOSTILE}`, `'@龙湾区`, '-¥2.00']) expect(readableRow).toContain(`,${cell},`);

    for (const query of [`format=csv&lang=zh-CN&region=${region}`, `format=csv&raw=true&region=${region}`]) {
      const vipCsv = (await download(`/vip/export?${query}`)).toString('utf8');
      const vipRow = vipCsv.split('\r\n')[1].split(',');
      expect([vipRow[2], vipRow[3]]).toEqual([`'${HOSTILE}`, `'@龙湾区`]);
    }

    for (const path of [
      `/segments/${hostileSegmentId}/export?format=xlsx&lang=zh-CN`,
      `/segments/${hostileSegmentId}/export?format=xlsx&raw=true`,
      `/vip/export?format=xlsx&lang=zh-CN&region=${region}`,
      `/vip/export?format=xlsx&raw=true&region=${region}`,
    ]) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(path)) as unknown as ArrayBuffer);
      const cells = workbook.worksheets[0].getRow(2).values as unknown[];
      expect(cells).toContain(`'${HOSTILE}`);
      expect(cells).toContain(`'@龙湾区`);
      expect(cells).not.toContain(HOSTILE);
    }
  });

  it('frees every connection of exports whose clients hang up or stop reading', async () => {
    // Hung up after the first chunk, a wave of `concurrency` at a time, over every export.
    for (let wave = 0; wave < 4; wave++) {
      await Promise.all(
        Array.from({ length: LIMITS.concurrency }, (_, i) => abortAfterOneChunk(exportPaths[(wave + i) % 4])),
      );
    }
    await waitFor('the hung-up exports to leave the database', async () =>
      (await busyBackends()).length === 0 ? true : undefined,
    );
    expect(await healthMs()).toBeLessThan(1000);
    // Stalled: never read (CSVs, which PostgreSQL writes faster than any buffer on the way takes).
    const stalled = await Promise.all([exportPaths[0], exportPaths[0], exportPaths[0]].map(open));
    expect(stalled.map((e) => e.res.statusCode)).toEqual([200, 200, 200]);
    // One more is refused while they run, in the usual error format.
    const refused = await t.request('GET', '/vip/export', { as: 'leader' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Past the stall timeout the exports have left the database, and the API answers at once.
    await waitFor(
      'the exports to leave the database',
      async () => ((await busyBackends()).length === 0 ? true : undefined),
      LIMITS.stallTimeoutMs + 5000,
    );
    expect(await healthMs()).toBeLessThan(1000);
    // Their clients, reading again, find the downloads broken off.
    for (const e of stalled) {
      e.res.resume();
      expect(await e.complete).toBe(false);
    }
    // And every slot is free again: a whole export goes through.
    const csv = await download(`/segments/${segmentId}/export?format=csv&raw=true`);
    expect(csv.toString('utf8').split('\n')).toHaveLength(1 + MEMBERS + 1 + 1);
  }, 60_000);

  it('counts the exports of every instance on the database against one limit', async () => {
    // Another instance's exports hold their slots on connections of their own: here, one connection holds them all.
    const other = new Client({ connectionString: (t.dataSource.options as { url: string }).url });
    await other.connect();
    try {
      for (let slot = 0; slot < LIMITS.concurrency; slot++) {
        await other.query('SELECT pg_advisory_lock($1, $2)', [EXPORT_SLOT_LOCK, slot]);
      }
      const refused = await t.request('GET', '/vip/export', { as: 'leader' });
      expect(refused.status).toBe(429);
      await other.query('SELECT pg_advisory_unlock($1, $2)', [EXPORT_SLOT_LOCK, 1]);
      expect((await t.request('GET', '/vip/export', { as: 'leader' })).status).toBe(200);
    } finally {
      await other.end();
    }
  });

  it.each([
    ['a COPY', `/segments/{id}/export?format=csv&raw=true`, 'COPY export_rows%'],
    ['a cursor', `/segments/{id}/export?format=xlsx`, 'FETCH %'],
  ])(
    'breaks off the download when %s export fails midway',
    async (_name, path, query) => {
      const e = await open(path.replace('{id}', segmentId));
      expect(e.res.statusCode).toBe(200);
      // The export waits on its client (which reads nothing yet): end its connection from the database side.
      const pid = await waitFor('the export to wait on its client', async () => {
        const [row] = await t.dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1`,
          [query],
        );
        return row?.pid as number | undefined;
      });
      await t.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      e.res.resume();
      expect(await e.complete).toBe(false);
      expect(await healthMs()).toBeLessThan(1000);
      await waitFor('the export to leave the database', async () =>
        (await busyBackends()).length === 0 ? true : undefined,
      );
    },
    30_000,
  );
});
