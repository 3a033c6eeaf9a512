import { Page } from '@crm/shared/domain';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The one way the API runs hand-written SQL. Repositories (`*.repository.ts`) call these helpers; services
 * and controllers hold no SQL. Each helper takes where the statement runs: the `DataSource`, or the
 * `EntityManager` of a transaction.
 */
export type Db = DataSource | EntityManager;

/**
 * The positional parameters of one statement: `add(value)` appends a value and returns its placeholder
 * (`$1`, `$2`, …), so a statement built from optional parts numbers its parameters in one place.
 */
export class Params {
  readonly values: unknown[];

  constructor(...initial: unknown[]) {
    this.values = initial;
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The rows a statement returned and the number of rows it inserted, updated or deleted. */
export interface QueryResult<T> {
  rows: T[];
  affected: number;
}

function valuesOf(params: readonly unknown[] | Params): unknown[] {
  return params instanceof Params ? params.values : [...params];
}

/** Runs one statement on `db` and returns its rows as `T` (name `T`'s fields as the statement's columns). */
export async function run<T>(db: Db, sql: string, params: readonly unknown[] | Params = []): Promise<QueryResult<T>> {
  const manager = db instanceof EntityManager ? db : db.manager;
  const runner: QueryRunner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, valuesOf(params), true);
    const rows = (Array.isArray(result.records) ? result.records : []) as T[];
    return { rows, affected: result.affected ?? rows.length };
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}

/** The rows of one statement, as `T`. */
export async function query<T>(db: Db, sql: string, params: readonly unknown[] | Params = []): Promise<T[]> {
  return (await run<T>(db, sql, params)).rows;
}

/** The first row of one statement, or `undefined` when it returned none. */
export async function queryOne<T>(
  db: Db,
  sql: string,
  params: readonly unknown[] | Params = [],
): Promise<T | undefined> {
  return (await run<T>(db, sql, params)).rows[0];
}

/** Runs one statement for its effect and returns how many rows it inserted, updated or deleted. */
export async function execute(db: Db, sql: string, params: readonly unknown[] | Params = []): Promise<number> {
  return (await run<never>(db, sql, params)).affected;
}

/** Which page of a list to read: `page` counts from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a list and the size of the whole list, the two statements side by side: `statements.rows`
 * reads the list in its order (the page's `LIMIT … OFFSET …` is appended, its two parameters numbered after
 * the filter's `params`), `statements.count` answers one row `{ total }` over the same filter; both take
 * `params`, which stay as they are. Each row is turned into an item by `toItem`.
 */
export async function queryPage<Row, Item>(
  db: Db,
  statements: { rows: string; count: string },
  params: Params,
  request: PageRequest,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const paged = new Params(...params.values);
  const limit = `LIMIT ${paged.add(request.pageSize)} OFFSET ${paged.add((request.page - 1) * request.pageSize)}`;
  const [rows, [{ total }]] = await Promise.all([
    query<Row>(db, `${statements.rows}\n${limit}`, paged),
    query<{ total: number }>(db, statements.count, params),
  ]);
  return { items: rows.map(toItem), total, page: request.page, pageSize: request.pageSize };
}
