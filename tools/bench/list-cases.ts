import { DataScope } from '@crm/api/auth';
import { customerPageStatement, CustomerQueryDto } from '@crm/api/customers';
import { Role } from '@crm/shared/domain';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';

/** One run of a case: the product's figures and the baseline's. */
type Run = { product: Record<string, number>; baseline: Record<string, number> };

export interface ListCaseContext {
  pool: Pool;
  baseUrl: string;
  adminToken: string;
  tokenOf: (username: string) => Promise<string>;
  runs: number;
  connections: number;
  duration: number;
  explainFile: string;
  /** The machine's load average (1 minute), recorded with each case: other work shares the cores. */
  loadAverage: () => number;
  httpLoad: (url: string, token: string, connections: number, duration: number) => Promise<Record<string, number>>;
  sqlLoad: (
    pool: Pool,
    sql: string,
    params: unknown[],
    connections: number,
    duration: number,
  ) => Promise<Record<string, number>>;
}

const PAGE_SIZE = 50;

/**
 * The best hand-written statement for a page of the list, the same result as the API's: the page by a walk of
 * the index in the requested order that stops after it, the count stopped after 1,001 matches (no estimate
 * beyond: "more than 1,000"), contacts and the manager's name for the page's rows only.
 */
function baselinePage(where: string, order: string, page: number): string {
  return `SELECT p.*, u.display_name AS manager_name, t.n AS total,
                 (SELECT json_agg(json_build_object('name', k.name, 'phone', k.phone, 'email', k.email, 'role', k.role)
                                  ORDER BY k.position)
                    FROM customer_contacts k WHERE k.customer_id = p.id) AS contacts
            FROM (SELECT c.* FROM customers c WHERE ${where} ORDER BY ${order}
                   LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}) p
            CROSS JOIN (SELECT count(*)::int AS n FROM (SELECT FROM customers c WHERE ${where} LIMIT 1001) m) t
            LEFT JOIN users u ON u.id = p.account_manager_id
           ORDER BY ${order.replace(/\bc\./g, 'p.')}`;
}

interface ListCase {
  name: string;
  /** The query of GET /api/customers, or null for GET /api/auth/me. */
  query: Record<string, string | number> | null;
  /** Whose list: the admin's, or the manager's own. */
  as: 'admin' | 'manager';
  baseline: { sql: string; params: unknown[] };
}

/**
 * Case `lists` (issue 18): the list pages people open, each under autocannon with `connections` clients for
 * `duration` seconds, next to its best hand-written statement through pg with the same concurrency, and
 * `GET /api/auth/me` (no list work) as the framework's floor. Checks once that each product page has the
 * baseline's ids in the baseline's order, and writes EXPLAIN (ANALYZE, BUFFERS) of both statements.
 */
export async function listCases(ctx: ListCaseContext) {
  const { pool } = ctx;
  const [manager] = (
    await pool.query<{ id: string; username: string; display_name: string }>(
      `SELECT u.id, u.username, u.display_name FROM users u JOIN customers c ON c.account_manager_id = u.id
        WHERE u.role = 'account_manager' AND u.active GROUP BY u.id ORDER BY count(*) DESC, u.username LIMIT 1`,
    )
  ).rows;
  const managerToken = await ctx.tokenOf(manager.username);
  const [{ id: adminId }] = (await pool.query(`SELECT id FROM users WHERE username = 'admin'`)).rows;
  const byName = 'c.name ASC, c.id ASC';
  const cases: ListCase[] = [
    {
      name: `a manager's own customers (${manager.username}), page 1`,
      query: { page: 1 },
      as: 'manager',
      baseline: {
        sql: baselinePage('c.account_manager_id = $1', 'c.account_no ASC, c.id ASC', 1),
        params: [manager.id],
      },
    },
    {
      name: `the same sorted by capacity (largest first), page 3`,
      query: { sort: '-contractCapacityKva', page: 3 },
      as: 'manager',
      baseline: {
        sql: baselinePage('c.account_manager_id = $1', 'c.contract_capacity_kva DESC NULLS LAST, c.id DESC', 3),
        params: [manager.id],
      },
    },
    {
      name: 'admin: account-number prefix 33000120',
      query: { search: '33000120' },
      as: 'admin',
      baseline: { sql: baselinePage('c.account_no LIKE $1', 'c.account_no ASC, c.id ASC', 1), params: ['33000120%'] },
    },
    {
      name: 'admin: 3-character name fragment 华东特',
      query: { search: '华东特' },
      as: 'admin',
      baseline: {
        sql: baselinePage('c.name_bigrams @> text_bigrams($1) AND c.name ILIKE $2', 'c.account_no ASC, c.id ASC', 1),
        params: ['华东特', '%华东特%'],
      },
    },
    {
      name: 'admin: region 龙湾区 + 10 kV by name, page 1',
      query: { region: '龙湾区', voltageKv: 10, sort: 'name', page: 1 },
      as: 'admin',
      baseline: {
        sql: baselinePage('c.region = $1 AND c.voltage_kv = $2', byName, 1),
        params: ['龙湾区', 10],
      },
    },
    {
      name: 'admin: region 龙湾区 + 10 kV + "电气" by name, page 2',
      query: { region: '龙湾区', voltageKv: 10, search: '电气', sort: 'name', page: 2 },
      as: 'admin',
      baseline: {
        sql: baselinePage(
          'c.region = $1 AND c.voltage_kv = $2 AND c.name_bigrams @> text_bigrams($3) AND c.name ILIKE $4',
          byName,
          2,
        ),
        params: ['龙湾区', 10, '电气', '%电气%'],
      },
    },
    {
      name: 'admin: 2-character name fragment "鞋业" + region 瑞安市 + 10 kV, page 2',
      query: { region: '瑞安市', voltageKv: 10, search: '鞋业', page: 2 },
      as: 'admin',
      baseline: {
        sql: baselinePage(
          'c.region = $1 AND c.voltage_kv = $2 AND c.name_bigrams @> text_bigrams($3) AND c.name ILIKE $4',
          'c.account_no ASC, c.id ASC',
          2,
        ),
        params: ['瑞安市', 10, '鞋业', '%鞋业%'],
      },
    },
    {
      name: 'GET /api/auth/me (no list work: the per-request floor)',
      query: null,
      as: 'admin',
      baseline: { sql: 'SELECT id, username, display_name, role FROM users WHERE id = $1', params: [adminId] },
    },
  ];

  const results: { name: string; unit: string; runs: Run[]; total: number | null }[] = [];
  const explains: string[] = [];
  for (const c of cases) {
    const token = c.as === 'admin' ? ctx.adminToken : managerToken;
    const query = c.query && { pageSize: PAGE_SIZE, ...c.query };
    const url = query
      ? `${ctx.baseUrl}/api/customers?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`
      : `${ctx.baseUrl}/api/auth/me`;
    let total: number | null = null;
    if (query) {
      // The same page from both: the product's ids in the baseline's order.
      const page = await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
      const expected = (await pool.query(c.baseline.sql, c.baseline.params)).rows;
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).join();
      if (ids(page.items) !== ids(expected))
        throw new Error(`${c.name}: the product's page differs from the baseline's`);
      total = page.total;
      const scope = DataScope.of(
        c.as === 'admin'
          ? { id: adminId, username: 'admin', displayName: 'admin', role: 'admin' as Role }
          : { id: manager.id, username: manager.username, displayName: manager.display_name, role: 'account_manager' },
      );
      const statement = customerPageStatement(
        scope,
        { page: 1, sort: 'accountNo', ...query } as unknown as CustomerQueryDto,
        null,
      );
      explains.push(
        `== ${c.name}: the product's statement (total ${page.totalKind} ${page.total})\n${await explain(pool, statement.sql, statement.params.values)}`,
        `== ${c.name}: the baseline\n${await explain(pool, c.baseline.sql, c.baseline.params)}`,
      );
    }
    await ctx.httpLoad(url, token, ctx.connections, 2); // warm-up
    const runs: Run[] = [];
    const load = ctx.loadAverage();
    for (let i = 0; i < ctx.runs; i++) {
      console.error(`lists: ${c.name}, run ${i + 1} of ${ctx.runs} …`);
      const product = await ctx.httpLoad(url, token, ctx.connections, ctx.duration);
      const baseline = await ctx.sqlLoad(pool, c.baseline.sql, c.baseline.params, ctx.connections, ctx.duration);
      runs.push({ product, baseline });
    }
    results.push({
      name: `List: ${c.name}${total === null ? '' : ` (total ${total.toLocaleString('en')})`}, ${ctx.connections} connections, ${ctx.duration} s, load average ${load}`,
      unit: 'ms / requests per second',
      runs,
      total,
    });
  }
  writeFileSync(ctx.explainFile, explains.join('\n\n') + '\n');
  return results;
}

async function explain(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  const rows = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows;
  return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
}
