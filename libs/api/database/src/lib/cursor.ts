import { DataSource } from 'typeorm';

/**
 * The rows of one query, read through a server-side cursor `chunk` rows at a time, so that a result of
 * any size streams in constant memory. The cursor's transaction ends when the rows are read or the
 * reader stops early.
 */
export async function* cursorRows<T>(
  dataSource: DataSource,
  sql: string,
  params: readonly unknown[],
  chunk = 5000,
): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let finished = false;
  try {
    await runner.query('BEGIN READ ONLY');
    await runner.query(`DECLARE rows NO SCROLL CURSOR FOR ${sql}`, [...params]);
    for (;;) {
      const rows: T[] = await runner.query(`FETCH ${chunk} FROM rows`);
      for (const row of rows) yield row;
      if (rows.length < chunk) break;
    }
    await runner.query('COMMIT');
    finished = true;
  } finally {
    if (!finished) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
