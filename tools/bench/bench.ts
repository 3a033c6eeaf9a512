/**
 * npm run bench [-- --customers 1000000] [--runs 3] [--duration 10] [--connections 32]
 *   [--cases list,lists,import,scoring,segments,plans,requests,requests-report,audit,kpis]
 *
 * Builds (or reuses) a scratch database of the given scale in .bench/<customers> with the generator,
 * starts the built API on it, and runs each case several times next to its baseline: the same work done
 * by one hand-written SQL statement through `pg`. Writes bench/results/<date>.json and .md.
 */
import { freePort, runMigrations, startEmbeddedDatabase } from '@crm/api/database';
import demoUsers from '@crm/seeds/demo-users.json';
import autocannon from 'autocannon';
import { MIGRATIONS } from '../../apps/api/src/migrations';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool, PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { metricsParams, RUN_WORK_MEM } from '@crm/api/scoring';
import { Params } from '@crm/api/database';
import { AUDIT_RULE_QUERIES, RULE_WORK_MEM } from '@crm/api/marketing-audit';
import { allScopes, KPI_FIGURES, KPI_WORK_MEM, kpiValueSql } from '@crm/api/kpis';
import {
  addCalendarDays,
  AUDIT_CLOCK_OWNER,
  AuditRuleView,
  AuditRunView,
  chinaDate,
  chinaMidnight,
  kpiDefinition,
  lastTwelveMonths,
  shiftKpiPeriod,
  sparklinePeriods,
  SegmentRule,
  TASK_HORIZON_DAYS,
} from '@crm/shared/domain';
import { readFileSync } from 'node:fs';
import { parseArgs } from '../cli/database';
import { median, percentile, round } from './stats';
import { AUDIT_BASELINES } from './audit-baselines';
import { KPI_READ_BASELINE, KPI_REFRESH_BASELINES } from './kpi-baselines';
import { scoringBaseline } from './scoring-baselines';
import { listCases } from './list-cases';
import { rebalanceBooks } from './rebalance';

const ROOT = resolve(__dirname, '..', '..');
const ALL_CASES = [
  'list',
  'lists',
  'import',
  'scoring',
  'segments',
  'plans',
  'requests',
  'requests-report',
  'audit',
  'kpis',
];

interface CaseResult {
  name: string;
  unit: string;
  runs: { product: Record<string, number>; baseline: Record<string, number> }[];
  summary: { product: Record<string, number>; baseline: Record<string, number>; ratio: number };
}

/** Median over runs of each figure. */
function summarise(runs: CaseResult['runs'], key: string, lowerIsBetter: boolean): CaseResult['summary'] {
  const pick = (side: 'product' | 'baseline') =>
    Object.fromEntries(Object.keys(runs[0][side]).map((k) => [k, round(median(runs.map((r) => r[side][k])), 2)]));
  const product = pick('product');
  const baseline = pick('baseline');
  const ratio = lowerIsBetter ? product[key] / baseline[key] : baseline[key] / product[key];
  return { product, baseline, ratio: round(ratio, 2) };
}

function latencyFigures(latencies: number[], seconds: number, errors: number): Record<string, number> {
  return {
    requestsPerSecond: round(latencies.length / seconds, 0),
    p50: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
    p99: round(percentile(latencies, 99), 2),
    errors,
  };
}

/** The HTTP API under `connections` concurrent clients for `duration` seconds (autocannon). */
async function httpLoad(url: string, token: string, connections: number, duration: number) {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({ url, connections, duration, headers: { authorization: `Bearer ${token}` } });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) latencies.push(ms);
    else errors++;
  });
  await instance;
  return latencyFigures(latencies, duration, errors);
}

/** The same query by `connections` concurrent callers on a pool of `poolSize` pg connections. */
async function sqlLoad(pool: Pool, sql: string, params: unknown[], connections: number, duration: number) {
  const latencies: number[] = [];
  const end = Date.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const start = process.hrtime.bigint();
        await pool.query(sql, params);
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  return latencyFigures(latencies, duration, 0);
}

/** A consumption file of one month (`period`, YYYY-MM) for every account of `accounts`. */
function consumptionCsv(accounts: string[], period: string): string {
  const lines = ['accountNo,period,kwh,maxDemandKw,powerFactor\n'];
  accounts.forEach((account, i) => lines.push(`${account},${period},${10000 + (i % 997)}.5,${300 + (i % 89)},0.93\n`));
  return lines.join('');
}

async function postImport(
  baseUrl: string,
  token: string,
  csv: string,
): Promise<{ seconds: number; report: { accepted: number; durationMs: number } }> {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'consumption.csv');
  const started = Date.now();
  const response = await fetch(`${baseUrl}/api/import/consumption`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const report = await response.json();
  if (response.status !== 200)
    throw new Error(`import failed: ${response.status} ${JSON.stringify(report).slice(0, 300)}`);
  return { seconds: (Date.now() - started) / 1000, report };
}

/**
 * Baseline of an import (issue 18): a bare COPY of the same file into an unlogged table of typed columns, with no
 * validation, no look-up of the customers and no index: what PostgreSQL can take in at most.
 */
async function bareCopy(pool: Pool, csv: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_bare_copy');
    await client.query(
      'CREATE UNLOGGED TABLE bench_bare_copy (account_no text, period text, kwh numeric, demand numeric, pf numeric)',
    );
    const started = Date.now();
    const copy = client.query(copyFrom('COPY bench_bare_copy FROM STDIN (FORMAT csv, HEADER true)'));
    copy.end(csv);
    await new Promise((ok, fail) => copy.on('finish', ok).on('error', fail));
    return (Date.now() - started) / 1000;
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_bare_copy');
    client.release();
  }
}

/**
 * The best hand-written load of the same month: COPY into a temporary table and one INSERT … SELECT joined to the
 * customers, no validation and no counts; rolled back. Returns its seconds.
 */
async function handWrittenLoad(pool: Pool, csv: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const started = Date.now();
    await client.query(
      'CREATE TEMP TABLE staging (account_no text, period text, kwh numeric, demand numeric, pf numeric) ON COMMIT DROP',
    );
    const copy = client.query(copyFrom('COPY staging FROM STDIN (FORMAT csv, HEADER true)'));
    copy.end(csv);
    await new Promise((ok, fail) => copy.on('finish', ok).on('error', fail));
    await client.query(
      `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor)
       SELECT c.id, (s.period || '-01')::date, s.kwh, s.demand, s.pf
         FROM staging s JOIN customers c ON c.account_no = s.account_no
        ORDER BY 1, 2
       ON CONFLICT DO NOTHING`,
    );
    return (Date.now() - started) / 1000;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** A scoring run through the API, to its end. */
async function recompute(baseUrl: string, token: string): Promise<void> {
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const { jobId } = await (await fetch(`${baseUrl}/api/scoring/recompute`, { method: 'POST', ...auth })).json();
  let job = { state: 'queued' };
  while (job.state !== 'completed') {
    if (job.state === 'failed') throw new Error(`the scoring run failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 500));
    job = await (await fetch(`${baseUrl}/api/scoring/jobs/${jobId}`, auth)).json();
  }
}

/** A marketing-audit run through the API, to its end: its seconds (polled every 500 ms) and its view. */
async function auditRun(baseUrl: string, token: string): Promise<{ seconds: number; run: AuditRunView }> {
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const started = Date.now();
  const queued = await fetch(`${baseUrl}/api/marketing-audit/runs`, { method: 'POST', ...auth });
  if (queued.status !== 202) throw new Error(`queueing the audit run failed: ${queued.status} ${await queued.text()}`);
  const { jobId } = await queued.json();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const res = await fetch(`${baseUrl}/api/marketing-audit/runs/${jobId}`, auth);
    const run = (await res.json()) as AuditRunView;
    if (res.status !== 200 || run.state === 'failed') throw new Error(`the audit run failed: ${JSON.stringify(run)}`);
    if (run.state === 'completed') return { seconds: (Date.now() - started) / 1000, run };
  }
}

/** Latencies of `requests` calls made one after another, as a person editing a rule makes them. */
async function sequential(requests: number, call: () => Promise<void>): Promise<Record<string, number>> {
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = process.hrtime.bigint();
    await call();
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return {
    p50: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
    max: round(Math.max(...latencies), 2),
  };
}

/** Resident memory of a process in MB (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? round(Number(line[1]) / 1024, 0) : 0;
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not become healthy');
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const customers = Number(options['customers'] ?? 100_000);
  const runs = Number(options['runs'] ?? 3);
  const duration = Number(options['duration'] ?? 10);
  const cases = new Set(String(options['cases'] ?? ALL_CASES.join(',')).split(','));
  const connections = Number(options['connections'] ?? 32);
  const poolSize = 20; // the API's pool (DatabaseModule)

  const dataDir = join(ROOT, '.bench', String(customers));
  console.error(`Scratch database in ${dataDir} …`);
  const embedded = await startEmbeddedDatabase({ dataDir, database: 'bench' });
  const pool = new Pool({ connectionString: embedded.url, max: poolSize });
  pool.on('error', () => undefined); // idle connections closed by the server's shutdown at the end
  let api: ChildProcess | undefined;
  try {
    const existing = await pool
      .query('SELECT count(*)::int AS n FROM customers')
      .then((r) => r.rows[0].n as number)
      .catch(() => -1);
    if (existing !== customers) {
      if (existing > 0)
        throw new Error(`${dataDir} holds ${existing} customers, not ${customers}: delete it to rebuild`);
      console.error(`Generating ${customers} customers …`);
      const started = Date.now();
      const generate = spawnSync(
        process.execPath,
        ['tools/cli/run.mjs', 'generate', '--customers', String(customers), '--months', '24'],
        {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, DATABASE_URL: embedded.url },
        },
      );
      if (generate.status !== 0) throw new Error('generating the scratch database failed');
      console.error(`Generated in ${round((Date.now() - started) / 1000)} s`);
    }
    // A scratch database built by an older version gets this version's migrations here, timed, rather than
    // inside the API's start-up (a backfill at 1,000,000 customers takes longer than the health wait).
    const migrating = Date.now();
    await runMigrations(embedded.url, MIGRATIONS);
    console.error(`Migrated in ${round((Date.now() - migrating) / 1000)} s`);
    const rebalanced = await rebalanceBooks(pool);
    if (rebalanced.moved) {
      await pool.query('ANALYZE customers, segment_facts');
      console.error(`Rebalanced the books: ${rebalanced.moved} customers moved in ${round(rebalanced.seconds)} s`);
    }

    // Refreshes of the KPIs that a stopped bench left queued would run first and be timed with the case's own.
    await pool
      .query(
        `DELETE FROM pgboss.job WHERE name IN ('kpi-current', 'kpi-snapshots') AND state IN ('created', 'retry', 'active')`,
      )
      .catch(() => undefined); // no pgboss schema before the API's first start
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, ['dist/apps/api/main.js'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DATABASE_URL: embedded.url, PORT: String(port), SEED: 'none', LOG_LEVEL: 'warn' },
    });
    await waitForHealth(baseUrl, api);
    // The API's cron schedules (the KPI refresh every 5 minutes, a full pass of several minutes at 1,000,000
    // customers; the time-limit scan every minute; …) would run beside the cases and be timed with them. The bench
    // times one thing at a time: it removes the schedules from its scratch database once the API has registered
    // them (pg-boss reads them from the table at every tick; the API registers them again at its next start).
    await pool.query('DELETE FROM pgboss.schedule');
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: demoUsers.password }),
    });
    const token = (await login.json()).accessToken as string;
    const tokenOf = async (username: string) => {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: demoUsers.password }),
      });
      return (await res.json()).accessToken as string;
    };

    const results: CaseResult[] = [];

    if (cases.has('list')) {
      // Case 1: a customer list page with filters and a name search, under concurrent load.
      const list = { region: '龙湾区', voltageKv: 10, search: '电气', sort: 'name', page: 2, pageSize: 50 };
      const listUrl = `${baseUrl}/api/customers?${new URLSearchParams(Object.entries(list).map(([k, v]) => [k, String(v)]))}`;
      const listSql = `
        WITH matches AS MATERIALIZED (
          SELECT c.* FROM customers c
           WHERE c.region = $1 AND c.voltage_kv = $2 AND c.name_bigrams @> text_bigrams($3) AND c.name ILIKE $4)
        SELECT p.*, u.display_name, (SELECT count(*) FROM matches) AS total,
               (SELECT json_agg(k ORDER BY k.position) FROM customer_contacts k WHERE k.customer_id = p.id) AS contacts
          FROM (SELECT * FROM matches ORDER BY name, id LIMIT 50 OFFSET 50) p
          LEFT JOIN users u ON u.id = p.account_manager_id
         ORDER BY p.name, p.id`;
      const listParams = [list.region, list.voltageKv, list.search, `%${list.search}%`];
      await httpLoad(listUrl, token, connections, 2); // warm-up
      const listRuns: CaseResult['runs'] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`customer list, run ${i + 1} of ${runs} …`);
        const product = await httpLoad(listUrl, token, connections, duration);
        const baseline = await sqlLoad(pool, listSql, listParams, connections, duration);
        listRuns.push({ product, baseline });
      }
      results.push({
        name: `Customer list page (region + voltage + name search, page 2), ${connections} connections, ${duration} s`,
        unit: 'ms / requests per second',
        runs: listRuns,
        summary: summarise(listRuns, 'p95', true),
      });
    }

    if (cases.has('lists')) {
      // Case lists (issue 18): the list pages people open, and GET /api/auth/me as the floor (list-cases.ts).
      const explainFile = `${new Date().toISOString().slice(0, 10)}-${customers}-lists-explain.txt`;
      mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
      for (const r of await listCases({
        pool,
        baseUrl,
        adminToken: token,
        tokenOf,
        runs,
        connections,
        duration,
        explainFile: join(ROOT, 'bench', 'results', explainFile),
        httpLoad,
        sqlLoad,
        loadAverage: () => round(loadavg()[0], 1),
      })) {
        results.push({ name: r.name, unit: r.unit, runs: r.runs, summary: summarise(r.runs, 'p99', true) });
      }
      console.error(`Written bench/results/${explainFile}`);
    }

    if (cases.has('import')) {
      // Case 2: a month of consumption for every customer (up to 1,000,000 rows) imported over HTTP, then the
      // same file again (nothing changes); months before the generated history, deleted afterwards.
      const accounts = (
        await pool.query('SELECT account_no FROM customers ORDER BY account_no LIMIT 1000000')
      ).rows.map((r: { account_no: string }) => r.account_no);
      const { rows: firstMonth } = await pool.query(
        `SELECT to_char(min(period), 'YYYY-MM-DD') AS first FROM consumption`,
      );
      // One month a run, and one more for the hand-written load (rolled back).
      const importMonths = Array.from({ length: runs + 1 }, (_, i) => {
        const month = new Date(`${firstMonth[0].first ?? '2024-01-01'}T00:00:00Z`);
        month.setUTCMonth(month.getUTCMonth() - i - 1);
        return month.toISOString().slice(0, 7);
      });
      const clearImportedMonths = () =>
        pool.query('DELETE FROM consumption WHERE period = ANY($1::date[])', [importMonths.map((m) => `${m}-01`)]);
      await clearImportedMonths(); // left by a bench stopped halfway
      const importRuns: CaseResult['runs'] = [];
      const handWrittenRuns: CaseResult['runs'] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`import of ${accounts.length} rows (${importMonths[i]}), run ${i + 1} of ${runs} …`);
        const csv = consumptionCsv(accounts, importMonths[i]);
        // As after the metrics refresh job (every 5 minutes): no customer waits for one.
        await pool.query('DELETE FROM customer_metrics_stale');
        const fresh = await postImport(baseUrl, token, csv);
        const again = await postImport(baseUrl, token, csv);
        console.error(`  ${fresh.seconds} s (the API's own ${fresh.report.durationMs} ms), again ${again.seconds} s`);
        const baselineSeconds = await bareCopy(pool, csv);
        const handWrittenSeconds = await handWrittenLoad(pool, consumptionCsv(accounts, importMonths[runs]));
        const newRowsPerSecond = round(accounts.length / fresh.seconds, 0);
        importRuns.push({
          product: {
            newRowsPerSecond,
            reimportRowsPerSecond: round(accounts.length / again.seconds, 0),
            loadAverage: round(loadavg()[0], 1),
          },
          baseline: { newRowsPerSecond: round(accounts.length / baselineSeconds, 0) },
        });
        handWrittenRuns.push({
          product: { newRowsPerSecond },
          baseline: { newRowsPerSecond: round(accounts.length / handWrittenSeconds, 0) },
        });
      }
      await clearImportedMonths();
      results.push({
        name: `Import of a month of consumption for ${accounts.length} customers over HTTP (rows per second; baseline: a bare COPY into an unlogged table)`,
        unit: 'rows/s',
        runs: importRuns,
        summary: summarise(importRuns, 'newRowsPerSecond', false),
      });
      results.push({
        name: `The same import next to the best hand-written load (COPY into a temporary table, one INSERT … SELECT joined to the customers; no validation, no counts)`,
        unit: 'rows/s',
        runs: handWrittenRuns,
        summary: summarise(handWrittenRuns, 'newRowsPerSecond', false),
      });
    }

    if (cases.has('scoring')) {
      // Case 3: a full scoring run (metrics, both scores, segment facts, history) as the API's job, next to the
      // same result by hand-written SQL (scoring-baselines.ts), in two states: the first run of a population (every
      // customer's metrics deleted beforehand, as after the generator: every row is new) and the steady state (a
      // second run over unchanged data: no metrics change). The baseline runs first on the same state, in a
      // transaction rolled back, and both tables are vacuumed after it.
      const auth = { headers: { authorization: `Bearer ${token}` } };
      const [model] = await (await fetch(`${baseUrl}/api/scoring/models`, auth)).json();
      const baseline = scoringBaseline(model);
      const params = metricsParams(chinaDate(new Date()));
      const statementMs: Record<string, number[]> = {};
      const plans: string[] = [];
      const vacuum = () => pool.query('VACUUM ANALYZE customer_metrics, segment_facts, customer_scores');
      const runBaseline = async (explain: boolean): Promise<number> => {
        const client = await pool.connect();
        try {
          await client.query(`SET work_mem = '${RUN_WORK_MEM}'`);
          await client.query('BEGIN');
          const started = Date.now();
          for (const s of baseline) {
            const statementStarted = Date.now();
            const sql = explain && s.name !== 'session' ? `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}` : s.sql;
            const result = await client.query(sql, s.params ? params : []);
            if (!explain) (statementMs[s.name] ??= []).push(Date.now() - statementStarted);
            else if (s.name !== 'session')
              plans.push(
                `== baseline: ${s.name}\n${result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`,
              );
          }
          return (Date.now() - started) / 1000;
        } finally {
          await client.query('ROLLBACK');
          await client.query('RESET work_mem');
          client.release();
        }
      };
      const timedRun = async (): Promise<number> => {
        const started = Date.now();
        await recompute(baseUrl, token);
        return (Date.now() - started) / 1000;
      };
      const firstRuns: CaseResult['runs'] = [];
      const steadyRuns: CaseResult['runs'] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`scoring, first run ${i + 1} of ${runs} …`);
        await pool.query('DELETE FROM customer_metrics'); // its trigger empties the behaviour of segment_facts
        await vacuum();
        const firstBaseline = await runBaseline(false);
        const firstLoad = round(loadavg()[0], 1);
        await vacuum();
        const first = await timedRun();
        // The machine's 1-minute load average at the end of each side (other work shares its 2 cores).
        const load = () => round(loadavg()[0], 1);
        firstRuns.push({
          product: { seconds: round(first), loadAverage: load() },
          baseline: { seconds: round(firstBaseline), loadAverage: firstLoad },
        });
        console.error(`scoring, steady-state run ${i + 1} of ${runs} …`);
        await vacuum();
        const steadyBaseline = await runBaseline(false);
        const steadyLoad = round(loadavg()[0], 1);
        await vacuum();
        const steady = await timedRun();
        steadyRuns.push({
          product: { seconds: round(steady), loadAverage: load() },
          baseline: { seconds: round(steadyBaseline), loadAverage: steadyLoad },
        });
      }
      await runBaseline(true); // the plans of the steady state, untimed
      results.push(
        {
          name: `Scoring run, first of a population (metrics deleted before: every row new; metrics, scores, segment facts, history) for ${customers} customers`,
          unit: 's',
          runs: firstRuns,
          summary: summarise(firstRuns, 'seconds', true),
        },
        {
          name: `Scoring run, steady state (a run again over unchanged data; metrics, scores, segment facts, history) for ${customers} customers`,
          unit: 's',
          runs: steadyRuns,
          summary: summarise(steadyRuns, 'seconds', true),
        },
      );
      const explainFile = `${new Date().toISOString().slice(0, 10)}-${customers}-scoring-explain.txt`;
      mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
      writeFileSync(
        join(ROOT, 'bench', 'results', explainFile),
        [
          `Baseline statements (ms, each run): ${Object.entries(statementMs)
            .map(([name, ms]) => `${name} ${ms.join('/')}`)
            .join(', ')}`,
          '',
          ...plans,
        ].join('\n') + '\n',
      );
      console.error(`Written bench/results/${explainFile}`);
    }

    if (cases.has('segments')) {
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const [{ runs: scored }] = (
        await pool.query(`SELECT count(*)::int AS runs FROM scoring_runs WHERE state = 'completed'`)
      ).rows;
      if (scored === 0) {
        console.error('segments need scores: a scoring run first …');
        await recompute(baseUrl, token);
      }
      // Case 4: the live count of a rule of four conditions, two attributes and two of behaviour.
      const rule: SegmentRule = {
        op: 'and',
        rules: [
          { field: 'voltageKv', operator: 'in', value: [10, 35] },
          { field: 'region', operator: 'in', value: ['龙湾区', '鹿城区', '瓯海区'] },
          { field: 'kwh12m', operator: 'gte', value: 1_000_000 },
          { field: 'creditRating', operator: 'in', value: ['AAA', 'AA'] },
        ],
      };
      const countSql = `SELECT count(*)::int AS n FROM segment_facts f
       WHERE f.voltage_kv IN (10, 35) AND f.region IN ('龙湾区', '鹿城区', '瓯海区')
         AND f.kwh_12m >= 1000000 AND f.credit_rating IN ('AAA', 'AA')`;
      const preview = async () => {
        const res = await fetch(`${baseUrl}/api/segments/preview`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ rule }),
        });
        if (res.status !== 200) throw new Error(`preview failed: ${res.status} ${await res.text()}`);
        await res.json();
      };
      const requests = 30;
      await sequential(3, preview); // warm-up
      const countRuns: CaseResult['runs'] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`segment count, run ${i + 1} of ${runs} …`);
        countRuns.push({
          product: await sequential(requests, preview),
          baseline: await sequential(requests, async () => void (await pool.query(countSql))),
        });
      }
      const [{ n: matches }] = (await pool.query(countSql)).rows;
      results.push({
        name: `Segment count preview of a 4-condition rule (${matches} matches), ${requests} requests one after another`,
        unit: 'ms',
        runs: countRuns,
        summary: summarise(countRuns, 'p95', true),
      });

      // Case 5: CSV export of a segment of (up to) 500,000 members, with the API process's memory.
      const members = Math.min(500_000, Math.floor(customers / 2));
      const [{ kwh }] = (
        await pool.query(
          `SELECT kwh_12m::float8 AS kwh FROM customer_metrics ORDER BY kwh_12m DESC OFFSET $1 LIMIT 1`,
          [members - 1],
        )
      ).rows;
      const exportRule: SegmentRule = { op: 'and', rules: [{ field: 'kwh12m', operator: 'gte', value: kwh }] };
      const created = await fetch(`${baseUrl}/api/segments`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: `bench export ${Date.now()}`, kind: 'dynamic', rule: exportRule }),
      });
      const segment = await created.json();
      if (created.status !== 201) throw new Error(`creating the segment failed: ${JSON.stringify(segment)}`);
      const exportSql = `COPY (SELECT c.account_no, c.name, c.industry, c.voltage_kv, c.region, c.stage, c.importance,
          c.contract_capacity_kva, u.display_name, f.kwh_12m, f.arrears, f.vip_score, f.vip_tier, f.credit_score, f.credit_rating
          FROM segment_facts f
          JOIN customers c ON c.id = f.customer_id
          LEFT JOIN users u ON u.id = f.account_manager_id
         WHERE f.kwh_12m >= ${kwh} ORDER BY c.account_no) TO STDOUT (FORMAT csv)`;
      const exportRuns: CaseResult['runs'] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`segment export, run ${i + 1} of ${runs} …`);
        const pid = api.pid as number;
        const rssBefore = rssMb(pid);
        let rssPeak = rssBefore;
        const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
        const started = Date.now();
        // Raw: the CSV PostgreSQL writes by COPY, next to the same COPY without HTTP.
        const res = await fetch(`${baseUrl}/api/segments/${segment.id}/export?format=csv&raw=true`, { headers: auth });
        let lines = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
          for (const byte of chunk) if (byte === 10) lines++;
        const seconds = (Date.now() - started) / 1000;
        clearInterval(sampler);
        if (lines - 1 < members * 0.9) throw new Error(`the export has ${lines - 1} rows, expected about ${members}`);
        const client = await pool.connect();
        const baselineStarted = Date.now();
        try {
          const stream = client.query(copyTo(exportSql));
          for await (const _chunk of stream as AsyncIterable<Buffer>) void _chunk;
        } finally {
          client.release();
        }
        exportRuns.push({
          product: { seconds: round(seconds), rows: lines - 1, rssBeforeMb: rssBefore, rssPeakMb: rssPeak },
          baseline: { seconds: round((Date.now() - baselineStarted) / 1000), rows: 0, rssBeforeMb: 0, rssPeakMb: 0 },
        });
      }
      results.push({
        name: `CSV export of a ${members}-member segment over HTTP`,
        unit: 's',
        runs: exportRuns,
        summary: summarise(exportRuns, 'seconds', true),
      });
    }

    if (cases.has('plans')) {
      // Case 6: enrolling a segment of 100,000 customers in a plan, which makes their tasks of the coming
      // quarter (the daily job's work for them), next to two hand-written INSERTs of the same
      // enrolments and tasks (for a twin template, rolled back).
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const api = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${baseUrl}/api${path}`, {
          method,
          headers: auth,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json = res.status === 204 ? null : await res.json();
        if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
        return json;
      };
      // The segment is by kwh12m, a metric: computed first when no scoring run has.
      const scored = async () =>
        (await pool.query('SELECT count(*)::int AS n FROM customer_metrics')).rows[0].n as number;
      if ((await scored()) === 0) await recompute(baseUrl, token);
      const enrolled = Math.min(100_000, await scored());
      const [{ kwh }] = (
        await pool.query(
          `SELECT kwh_12m::float8 AS kwh FROM customer_metrics ORDER BY kwh_12m DESC OFFSET $1 LIMIT 1`,
          [enrolled - 1],
        )
      ).rows;
      const stamp = Date.now();
      const segment = await api('POST', '/segments', {
        name: `bench plans ${stamp}`,
        kind: 'dynamic',
        rule: { op: 'and', rules: [{ field: 'kwh12m', operator: 'gte', value: kwh }] },
      });
      while ((await api('GET', `/segments/${segment.id}`)).size === null) await new Promise((r) => setTimeout(r, 500));
      const services = [
        { key: 'visit', kind: 'visit', recurrence: { every: 'quarter', day: 15 }, leadDays: 7 },
        { key: 'call', kind: 'visit', recurrence: { every: 'month', day: 1 }, leadDays: 3 },
        { key: 'remind', kind: 'payment_reminder', recurrence: { every: 'bill', daysBefore: 5 }, leadDays: 2 },
      ];
      const template = await api('POST', '/plans', { name: `bench plan ${stamp}`, services });
      // The baseline writes the same enrolments and tasks by hand (two INSERTs) for a twin template, rolled back.
      const twin = await api('POST', '/plans', { name: `bench plan, hand-written ${stamp}`, services });
      const [{ adminId }] = (await pool.query(`SELECT id AS "adminId" FROM users WHERE username = 'admin'`)).rows;
      const enrolSql = `
        INSERT INTO plan_enrolments (template_id, customer_id, segment_id, enrolled_on, created_by)
        SELECT $1, sm.customer_id, $3, $2, $4 FROM segment_members sm WHERE sm.segment_id = $3`;
      const tasksSql = `
        WITH e AS (SELECT id, customer_id FROM plan_enrolments WHERE template_id = $1),
             p AS (SELECT d::date AS due_on FROM generate_series($2::date, $3::date, interval '1 day') d)
        INSERT INTO service_tasks (customer_id, kind, enrolment_id, service_key, period, due_on, visible_from, summary)
        SELECT e.customer_id, 'visit', e.id, 'call', to_char(p.due_on, 'YYYY-MM'), p.due_on, p.due_on - 3, 'bench'
          FROM e JOIN p ON extract(day FROM p.due_on) = 1
        UNION ALL
        SELECT e.customer_id, 'visit', e.id, 'visit', to_char(p.due_on, 'YYYY') || '-Q' || extract(quarter FROM p.due_on),
               p.due_on, p.due_on - 7, 'bench'
          FROM e JOIN p ON extract(day FROM p.due_on) = 15 AND extract(month FROM p.due_on) IN (1, 4, 7, 10)
        UNION ALL
        SELECT e.customer_id, 'payment_reminder', e.id, 'remind', to_char(b.period, 'YYYY-MM'), b.due_date - 5,
               b.due_date - 7, 'bench'
          FROM e JOIN bills b ON b.customer_id = e.customer_id AND b.paid_amount < b.amount
           AND b.due_date - 5 BETWEEN $2::date AND $3::date`;
      const plansRuns: CaseResult['runs'] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`plans, run ${i + 1} of ${runs} …`);
        await pool.query('DELETE FROM plan_segment_enrolments WHERE template_id = $1', [template.id]);
        await pool.query('DELETE FROM plan_enrolments WHERE template_id = $1', [template.id]);
        const started = Date.now();
        const result = await api('POST', `/plans/${template.id}/segments`, { segmentId: segment.id });
        const seconds = (Date.now() - started) / 1000;
        await pool.query('ANALYZE service_tasks, plan_enrolments');
        const [{ tasks }] = (
          await pool.query(
            `SELECT count(*)::int AS tasks FROM service_tasks t JOIN plan_enrolments e ON e.id = t.enrolment_id
              WHERE e.template_id = $1`,
            [template.id],
          )
        ).rows;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const today = chinaDate(new Date());
          const baselineStarted = Date.now();
          await client.query(enrolSql, [twin.id, today, segment.id, adminId]);
          await client.query('ANALYZE plan_enrolments');
          await client.query(tasksSql, [twin.id, today, addCalendarDays(today, TASK_HORIZON_DAYS)]);
          const baseline = (Date.now() - baselineStarted) / 1000;
          await client.query('ROLLBACK');
          plansRuns.push({
            product: { seconds: round(seconds), enrolled: result.enrolled, tasks },
            baseline: { seconds: round(baseline), enrolled: 0, tasks: 0 },
          });
        } finally {
          client.release();
        }
      }
      results.push({
        name: `Enrolling a segment of ${enrolled} customers in a plan with its next ${TASK_HORIZON_DAYS} days of tasks (baseline: the same enrolments and tasks by two hand-written INSERTs)`,
        unit: 's',
        runs: plansRuns,
        summary: summarise(plansRuns, 'seconds', true),
      });
    }

    if (cases.has('requests-report')) {
      // Case 8: leadership's service-quality report over the last twelve months, next to one hand-written
      // pass over the orders (with the clock outcomes they keep) that counts the finest groups every figure is
      // summed from: per month, channel, type and topic, and per owner (without the sums of the coarser
      // groups, the shaping into figures and their list filters).
      const period = lastTwelveMonths(chinaDate(new Date()));
      const reportUrl = `${baseUrl}/api/requests/report?${new URLSearchParams(period)}`;
      const reportSql = `
        SELECT to_char((w.received_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month, w.channel, w.type, w.topic,
               coalesce(c.account_manager_id, w.recorded_by) AS owner, count(*) AS orders,
               count(*) FILTER (WHERE w.type = 'complaint') AS complaints,
               count(*) FILTER (WHERE w.contact_outcome = 'met') AS contact_met,
               count(*) FILTER (WHERE w.contact_outcome = 'late'
                                   OR (w.contact_outcome IS NULL AND w.contact_due_at < now())) AS contact_late,
               count(*) FILTER (WHERE w.resolution_outcome = 'met') AS resolution_met,
               count(*) FILTER (WHERE w.resolution_outcome = 'late'
                                   OR (w.resolution_outcome IS NULL AND w.resolution_due_at < now())) AS resolution_late,
               count(w.satisfaction) AS rated, sum(w.satisfaction) AS satisfaction_sum,
               count(*) FILTER (WHERE w.satisfaction = 1) AS s1, count(*) FILTER (WHERE w.satisfaction = 2) AS s2,
               count(*) FILTER (WHERE w.satisfaction = 3) AS s3, count(*) FILTER (WHERE w.satisfaction = 4) AS s4,
               count(*) FILTER (WHERE w.satisfaction = 5) AS s5,
               count(*) FILTER (WHERE w.urges > 0) AS urged, count(w.escalated_at) AS escalated,
               count(w.contradicted_at) AS contradicted,
               (SELECT count(*) FROM customers WHERE stage <> 'closed') AS customers
          FROM work_orders w JOIN customers c ON c.id = w.customer_id
         WHERE w.received_at >= $1 AND w.received_at < $2
         GROUP BY GROUPING SETS ((1, 2, 3, 4), (5))`;
      const reportParams = [chinaMidnight(period.from), chinaMidnight(period.to)];
      const report = async () => {
        const res = await fetch(reportUrl, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`report failed: ${res.status} ${await res.text()}`);
        await res.json();
      };
      const requests = 10;
      await sequential(2, report); // warm-up
      const reportRuns: CaseResult['runs'] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`service-quality report, run ${i + 1} of ${runs} …`);
        reportRuns.push({
          product: await sequential(requests, report),
          baseline: await sequential(requests, async () => void (await pool.query(reportSql, reportParams))),
        });
      }
      const [{ orders }] = (
        await pool.query(
          'SELECT count(*)::int AS orders FROM work_orders WHERE received_at >= $1 AND received_at < $2',
          reportParams,
        )
      ).rows;
      results.push({
        name: `Service-quality report of the last twelve months (${orders} orders), ${requests} requests one after another`,
        unit: 'ms',
        runs: reportRuns,
        summary: summarise(reportRuns, 'p95', true),
      });
    }

    if (cases.has('requests')) {
      // Case 7: the requests list of the busiest account manager (first page, newest first), and leadership's
      // view of overdue complaints (first page), under concurrent load, each next to a hand-written query that
      // returns the same page and total.
      const [{ id: managerId }] = (await pool.query(`SELECT id FROM users WHERE username = 'manager1'`)).rows;
      const managerToken = await tokenOf('manager1');
      const leaderToken = await tokenOf('leader');
      // The page's columns as the API reads them: the order, its customer, the names of its owner, recorder and
      // handler, and its two clocks (joined for the 50 rows of the page only).
      const pageColumns = `w.id, w.customer_id, c.account_no, c.name, c.area, w.channel, w.type, w.topic, w.summary,
        w.state, w.received_at, w.contacted_at, w.handled_at, w.urges, w.escalated_at, o.display_name AS owner_name,
        r.display_name AS recorded_by_name, h.display_name AS handled_by_name, kc.due_at AS contact_due_at,
        kc.warn_at AS contact_warn_at, kc.stopped_at AS contact_stopped_at, kr.due_at AS resolve_due_at,
        kr.warn_at AS resolve_warn_at, kr.stopped_at AS resolve_stopped_at`;
      const pageJoins = `
        JOIN customers c ON c.id = w.customer_id
        JOIN users r ON r.id = w.recorded_by
        LEFT JOIN users o ON o.id = coalesce(c.account_manager_id, w.recorded_by)
        LEFT JOIN users h ON h.id = w.handled_by
        LEFT JOIN clocks kc ON kc.owner_kind = 'work_order' AND kc.owner_id = w.id AND kc.clock_kind = 'contact'
        LEFT JOIN clocks kr ON kr.owner_kind = 'work_order' AND kr.owner_id = w.id
              AND kr.clock_kind = CASE WHEN w.period = 1 THEN 'resolution' ELSE 'resolution_' || w.period END`;
      // The page: the newest orders by the received_at index, each order's customer tested on the manager's
      // customer ids, stopping at the 50th. The total: the manager's customer ids as one array, their orders counted
      // in one pass over the (customer_id, received_at) index (no table reads).
      const mineSql = `
        WITH page AS (SELECT w.id FROM work_orders w
                       WHERE w.customer_id IN (SELECT id FROM customers WHERE account_manager_id = $1)
                       ORDER BY w.received_at DESC, w.id DESC LIMIT 50)
        SELECT ${pageColumns},
               (SELECT count(*) FROM work_orders w
                 WHERE w.customer_id = ANY (ARRAY(SELECT id FROM customers WHERE account_manager_id = $1))) AS total
          FROM page p JOIN work_orders w ON w.id = p.id ${pageJoins}
         ORDER BY w.received_at DESC, w.id DESC`;
      // Overdue = a running clock of the order's current period past its due moment, as the order keeps it:
      // the two partial indexes of running clocks by due moment (faster than starting from clocks_running),
      // keep the complaints, page them newest first.
      const overdueSql = `
        WITH late AS MATERIALIZED (
          SELECT w.id FROM work_orders w
           WHERE ((w.contact_outcome IS NULL AND w.contact_due_at < now())
                  OR (w.resolution_outcome IS NULL AND w.resolution_due_at < now()))
             AND w.type = 'complaint'),
             page AS (SELECT w.id FROM late l JOIN work_orders w ON w.id = l.id ORDER BY w.received_at DESC, w.id DESC LIMIT 50)
        SELECT ${pageColumns}, (SELECT count(*) FROM late) AS total
          FROM page p JOIN work_orders w ON w.id = p.id ${pageJoins}
         ORDER BY w.received_at DESC, w.id DESC`;
      const views = [
        {
          name: 'Requests list of the busiest account manager (first page, newest first)',
          url: `${baseUrl}/api/requests?sort=-receivedAt&page=1`,
          token: managerToken,
          sql: mineSql,
          params: [managerId],
        },
        {
          name: 'Leadership: overdue complaints (type=complaint&sla=overdue, first page)',
          url: `${baseUrl}/api/requests?type=complaint&sla=overdue&page=1`,
          token: leaderToken,
          sql: overdueSql,
          params: [],
        },
      ];
      for (const view of views) {
        const answer = await (await fetch(view.url, { headers: { authorization: `Bearer ${view.token}` } })).json();
        const [first] = (await pool.query(view.sql, view.params)).rows;
        if (Number(first?.total ?? 0) !== answer.total)
          throw new Error(`${view.name}: the baseline counts ${first?.total}, the API ${answer.total}`);
        await httpLoad(view.url, view.token, connections, 2); // warm-up
        const viewRuns: CaseResult['runs'] = [];
        for (let i = 0; i < runs; i++) {
          console.error(`${view.name}, run ${i + 1} of ${runs} …`);
          const product = await httpLoad(view.url, view.token, connections, duration);
          const baseline = await sqlLoad(pool, view.sql, view.params, connections, duration);
          viewRuns.push({ product, baseline });
        }
        results.push({
          name: `${view.name} (${answer.total} orders), ${connections} connections, ${duration} s`,
          unit: 'ms / requests per second',
          runs: viewRuns,
          summary: summarise(viewRuns, 'p95', true),
        });
      }
    }

    if (cases.has('audit')) {
      // Case 9: a full marketing-audit run of every enabled rule through the API (POST runs, GET runs/:jobId every
      // 500 ms), next to the sum of each rule's hand-written count (tools/bench/audit-baselines.ts) run one after
      // another in one session with the same today; a count that differs from the run's `found` fails the bench.
      // The case starts from no findings (deleting those an earlier bench left), so its first run is the one that
      // creates them; the later ones are the nightly steady state (nothing new).
      await pool.query('DELETE FROM clock_events WHERE clock_id IN (SELECT id FROM clocks WHERE owner_kind = $1)', [
        AUDIT_CLOCK_OWNER,
      ]);
      await pool.query('DELETE FROM clocks WHERE owner_kind = $1', [AUDIT_CLOCK_OWNER]);
      await pool.query('DELETE FROM audit_finding_events');
      await pool.query('DELETE FROM audit_findings');
      await pool.query('ANALYZE audit_findings, audit_finding_events, clocks');
      const auth = { headers: { authorization: `Bearer ${token}` } };
      const rules = (
        (await (await fetch(`${baseUrl}/api/marketing-audit/rules`, auth)).json()) as AuditRuleView[]
      ).filter((r) => r.enabled);
      const ruleMs: Record<string, number[]> = Object.fromEntries(rules.map((r) => [r.code, []]));
      const found: Record<string, number> = {};
      const firstRuns: CaseResult['runs'] = [];
      const steadyRuns: CaseResult['runs'] = [];
      let created = 0;
      for (let i = 0; i < runs; i++) {
        console.error(`marketing audit, run ${i + 1} of ${runs} …`);
        const today = chinaDate(new Date());
        const { seconds, run } = await auditRun(baseUrl, token);
        if (i === 0) created = run.findings.reduce((sum, f) => sum + f.created, 0);
        else if (run.findings.some((f) => f.created > 0 || f.cleared > 0))
          throw new Error(`a repeated audit run changed findings: ${JSON.stringify(run.findings)}`);
        const client = await pool.connect();
        let baselineMs = 0;
        try {
          for (const rule of rules) {
            const baseline = AUDIT_BASELINES[rule.code];
            const started = process.hrtime.bigint();
            const [{ n }] = (await client.query(baseline.sql, baseline.params(rule.parameters, today))).rows;
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            const product = run.findings.find((f) => f.rule === rule.code)?.found;
            if (n !== product)
              throw new Error(`audit rule ${rule.code}: the baseline counts ${n}, the run found ${product}`);
            found[rule.code] = n;
            ruleMs[rule.code].push(ms);
            baselineMs += ms;
          }
        } finally {
          client.release();
        }
        // jobSeconds: the run itself (started → finished), without the queue's pick-up and the polling.
        const jobSeconds = (Date.parse(run.finishedAt as string) - Date.parse(run.startedAt as string)) / 1000;
        (i === 0 ? firstRuns : steadyRuns).push({
          product: { seconds: round(seconds), jobSeconds: round(jobSeconds) },
          baseline: { seconds: round(baselineMs / 1000), jobSeconds: round(baselineMs / 1000) },
        });
      }
      const total = Object.values(found).reduce((sum, n) => sum + n, 0);
      results.push({
        name: `Marketing audit: first run of ${rules.length} rules (creates ${created} findings; baseline: the sum of the rules' counts)`,
        unit: 's',
        runs: firstRuns,
        summary: summarise(firstRuns, 'seconds', true),
      });
      if (steadyRuns.length > 0)
        results.push({
          name: `Marketing audit: steady run of ${rules.length} rules (${total} subjects found, nothing new)`,
          unit: 's',
          runs: steadyRuns,
          summary: summarise(steadyRuns, 'seconds', true),
        });

      // Each rule's own SELECT (with its evidence) under EXPLAIN (ANALYZE, BUFFERS) with its current parameters:
      // its execution time beside the baseline's, and the plans of the three slowest in a file.
      const explained: { code: string; ms: number; plan: string }[] = [];
      const client = await pool.connect();
      try {
        await client.query(`SET work_mem = '${RULE_WORK_MEM}'`); // as the run gives each rule
        for (const rule of rules) {
          const p = new Params();
          const select = AUDIT_RULE_QUERIES[rule.code].select(p, rule.parameters, chinaDate(new Date()));
          const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${select}`, p.values)).rows
            .map((r: Record<string, string>) => r['QUERY PLAN'])
            .join('\n');
          explained.push({ code: rule.code, ms: Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1] ?? 0), plan });
        }
      } finally {
        await client.query('RESET work_mem');
        client.release();
      }
      for (const { code, ms } of explained) {
        const ruleRuns = [{ product: { ms: round(ms, 1) }, baseline: { ms: round(median(ruleMs[code]), 1) } }];
        results.push({
          name: `Marketing audit rule ${code}: ${found[code]} found, as many counted by the baseline (product: its SELECT with evidence under EXPLAIN ANALYZE)`,
          unit: 'ms',
          runs: ruleRuns,
          summary: summarise(ruleRuns, 'ms', true),
        });
      }
      const slowest = [...explained].sort((a, b) => b.ms - a.ms).slice(0, 3);
      const explainFile = `${new Date().toISOString().slice(0, 10)}-${customers}-audit-explain.txt`;
      mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
      writeFileSync(
        join(ROOT, 'bench', 'results', explainFile),
        slowest.map((e) => `== ${e.code} (${round(e.ms, 1)} ms)\n${e.plan}\n`).join('\n'),
      );
      console.error(`Written bench/results/${explainFile}`);
    }

    if (cases.has('kpis')) {
      // Case 10: the cockpit at scale. GET /api/kpis of the current month for all customers, the busiest region and
      // manager1, each next to one indexed SELECT of the same kept figures (KPI_READ_BASELINE). Then the refresh of
      // the current month, the work of the job kpi-current (every KPI for all scopes into kpi_snapshots), queued by
      // POST /api/kpis/snapshots {period} and polled every 500 ms (its job time from kpi_snapshot_runs), next to the
      // hand-written statements of the same figures for all scopes (KPI_REFRESH_BASELINES) one after another in one
      // session. EXPLAIN (ANALYZE, BUFFERS) of the read and of the SELECTs of the two KPIs slowest in the pass.
      const period = chinaDate(new Date()).slice(0, 7);
      const [{ region }] = (
        await pool.query('SELECT region FROM customers GROUP BY region ORDER BY count(*) DESC LIMIT 1')
      ).rows;
      const [{ id: managerId }] = (await pool.query(`SELECT id FROM users WHERE username = 'manager1'`)).rows;
      const leaderToken = await tokenOf('leader');
      const next = new Date(`${period}-01T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      const moment = { from: `${period}-01`, to: next.toISOString().slice(0, 10), asOf: null };
      const instants = [chinaMidnight(moment.from), chinaMidnight(moment.to)];
      const withWorkMem = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
        const client = await pool.connect();
        try {
          await client.query(`SET work_mem = '${KPI_WORK_MEM}'`); // as the job gives each statement
          return await work(client);
        } finally {
          await client.query('RESET work_mem');
          client.release();
        }
      };

      const scopes: { name: string; query: Record<string, string>; params: [string, string] }[] = [
        { name: 'all customers', query: {}, params: ['', ''] },
        { name: `region ${region}`, query: { region }, params: [region, ''] },
        { name: 'manager1', query: { managerId }, params: ['', managerId] },
      ];
      const months = [shiftKpiPeriod(period, 12), ...sparklinePeriods(period)];
      const requests = 5;
      for (const scope of scopes) {
        const url = `${baseUrl}/api/kpis?${new URLSearchParams({ period, ...scope.query })}`;
        const view = async () => {
          const res = await fetch(url, { headers: { authorization: `Bearer ${leaderToken}` } });
          if (res.status !== 200) throw new Error(`GET /api/kpis failed: ${res.status} ${await res.text()}`);
          await res.json();
        };
        const baseline = async () => {
          await pool.query(KPI_READ_BASELINE, [months, ...scope.params]);
        };
        await sequential(1, view); // warm-up
        const kpiRuns: CaseResult['runs'] = [];
        for (let i = 0; i < runs; i++) {
          console.error(`KPIs of ${scope.name}, run ${i + 1} of ${runs} …`);
          kpiRuns.push({ product: await sequential(requests, view), baseline: await sequential(requests, baseline) });
        }
        results.push({
          name: `Cockpit GET /api/kpis of the current month, ${scope.name}, ${requests} requests one after another (baseline: the indexed SELECT of its kept figures)`,
          unit: 'ms',
          runs: kpiRuns,
          summary: summarise(kpiRuns, 'p95', true),
        });
      }

      const refreshRuns: CaseResult['runs'] = [];
      const statementMs: Record<string, number[]> = {};
      const kpiMs: Record<string, number[]> = {};
      for (let i = 0; i < runs; i++) {
        console.error(`KPI refresh of ${period}, run ${i + 1} of ${runs} …`);
        const headers = { authorization: `Bearer ${leaderToken}`, 'content-type': 'application/json' };
        const started = Date.now();
        const queued = await fetch(`${baseUrl}/api/kpis/snapshots`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ period }),
        });
        if (queued.status !== 202) throw new Error(`POST /api/kpis/snapshots: ${queued.status} ${await queued.text()}`);
        const { jobId } = await queued.json();
        for (let state = 'running'; state !== 'completed'; ) {
          await new Promise((r) => setTimeout(r, 500));
          // A busy machine may reset a kept-alive connection: that poll is lost, the next one asks again.
          const res = await fetch(`${baseUrl}/api/kpis/snapshots/${jobId}`, { headers }).catch(() => undefined);
          state = res?.status === 200 ? (await res.json()).state : 'running';
          if (state === 'failed') throw new Error(`the KPI refresh ${jobId} failed`);
        }
        const seconds = (Date.now() - started) / 1000;
        const [{ job }] = (
          await pool.query(
            'SELECT extract(epoch FROM finished_at - started_at)::float AS job FROM kpi_snapshot_runs WHERE job_id = $1',
            [jobId],
          )
        ).rows;
        const baselineMs = await withWorkMem(async (client) => {
          let total = 0;
          for (const [name, sql] of Object.entries(KPI_REFRESH_BASELINES)) {
            // Each statement takes the parameters it names ($1 … $n).
            const n = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
            const t0 = process.hrtime.bigint();
            await client.query(sql, instants.slice(0, n));
            const ms = Number(process.hrtime.bigint() - t0) / 1e6;
            (statementMs[name] ??= []).push(ms);
            total += ms;
          }
          return total;
        });
        // Each KPI's statement time in that pass: its all-customers row is written at its transaction's start.
        const starts = (
          await pool.query(
            `SELECT kpi_code, computed_at FROM kpi_snapshots WHERE period = $1 AND region = '' AND manager_key = ''
              ORDER BY computed_at`,
            [period],
          )
        ).rows as { kpi_code: string; computed_at: Date }[];
        const finishedAt = (await pool.query('SELECT finished_at FROM kpi_snapshot_runs WHERE job_id = $1', [jobId]))
          .rows[0].finished_at as Date;
        starts.forEach((row, k) =>
          (kpiMs[row.kpi_code] ??= []).push(
            (k + 1 < starts.length ? starts[k + 1].computed_at : finishedAt).getTime() - row.computed_at.getTime(),
          ),
        );
        refreshRuns.push({
          product: { seconds: round(seconds), jobSeconds: round(job) },
          baseline: { seconds: round(baselineMs / 1000), jobSeconds: round(baselineMs / 1000) },
        });
      }
      results.push({
        name: `KPI refresh of the current month (job kpi-current: ${Object.keys(KPI_FIGURES).length} KPIs for all scopes; seconds from POST to completed, polled every 500 ms)`,
        unit: 's',
        runs: refreshRuns,
        summary: summarise(refreshRuns, 'jobSeconds', true),
      });

      // The plans: the read of manager1, and the SELECTs of the two KPIs slowest in the product's pass.
      const explain = async (client: PoolClient, sql: string, params: unknown[]) => {
        const started = Date.now();
        const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows
          .map((r: Record<string, string>) => r['QUERY PLAN'])
          .join('\n');
        return { ms: Date.now() - started, plan };
      };
      const read = await withWorkMem((client) => explain(client, KPI_READ_BASELINE, [months, '', managerId]));
      const byTime = Object.entries(kpiMs)
        .map(([code, ms]) => ({ code, ms: median(ms) }))
        .sort((a, b) => b.ms - a.ms);
      const slowest: { code: string; ms: number; plan: string }[] = [];
      for (const { code } of byTime.slice(0, 2)) {
        const p = new Params();
        const sql = KPI_FIGURES[code as keyof typeof KPI_FIGURES].sql(allScopes(), p, moment) as string;
        const select = `SELECT f.*, ${kpiValueSql(kpiDefinition(code as never).unit)} AS value FROM (${sql}) f`;
        slowest.push({ code, ...(await withWorkMem((client) => explain(client, select, p.values))) });
      }
      const explainFile = `${new Date().toISOString().slice(0, 10)}-${customers}-kpis-explain.txt`;
      mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
      writeFileSync(
        join(ROOT, 'bench', 'results', explainFile),
        [
          `Refresh statements in the product's pass (each KPI's transaction, median ms): ${byTime.map((e) => `${e.code} ${round(e.ms, 0)}`).join(', ')}`,
          `Baseline refresh statements (median ms): ${Object.entries(statementMs)
            .map(([name, ms]) => `${name} ${round(median(ms), 0)}`)
            .join(', ')}`,
          '',
          `== read: the kept figures of manager1 (${read.ms} ms)\n${read.plan}`,
          ...slowest.map((e) => `== refresh statement ${e.code} (${e.ms} ms)\n${e.plan}`),
        ].join('\n') + '\n',
      );
      console.error(`Written bench/results/${explainFile}`);
    }

    const date = new Date().toISOString().slice(0, 10);
    const outDir = join(ROOT, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version };
    const name = `${date}-${customers}${cases.size < ALL_CASES.length ? `-${[...cases].join('-')}` : ''}`;
    writeFileSync(
      join(outDir, `${name}.json`),
      JSON.stringify({ date, customers, runs, duration, connections, machine, results }, null, 2) + '\n',
    );
    writeFileSync(join(outDir, `${name}.md`), markdown(date, customers, machine, results));
    console.log(markdown(date, customers, machine, results));
    console.error(`Written bench/results/${name}.json and .md`);
  } finally {
    // The API closes its pool and stops pg-boss on SIGTERM: wait for it (15 s at most) before stopping the cluster, or
    // the cluster's shutdown cuts their connections and pg-boss prints `FATAL 57P01` errors.
    if (api && api.exitCode === null) {
      const exited = new Promise((done) => api?.once('exit', done));
      api.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
    }
    await pool.end();
    await embedded.stop();
  }
}

function markdown(date: string, customers: number, machine: Record<string, unknown>, results: CaseResult[]): string {
  const lines = [
    `# Benchmark ${date}: ${customers.toLocaleString('en')} customers`,
    '',
    `${machine['cpus']} × ${machine['cpu']}, Node ${machine['node']}. Median over runs; baseline = the same work by one hand-written SQL statement through pg.`,
    '',
    '| Case | Figure | Product | Baseline | Product vs baseline |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    for (const key of Object.keys(r.summary.product)) {
      const p = r.summary.product[key];
      const b = r.summary.baseline[key];
      const ratio = b ? `${round(key.includes('PerSecond') ? b / p : p / b, 2)}×` : '';
      lines.push(`| ${r.name} | ${key} | ${p} | ${b || '–'} | ${ratio} |`);
    }
  }
  return lines.join('\n') + '\n';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
