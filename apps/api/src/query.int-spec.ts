import { execute, Params, query, queryOne, queryPage, run } from '@crm/api/database';
// The database library's query helpers are tested here: the test helpers are built on that library.
import { createTestDatabase } from '@crm/api/testing';
import { DataSource } from 'typeorm';

describe('query helpers: typed rows and affected counts on the DataSource and in a transaction', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url, poolSize: 2 });
    await dataSource.initialize();
    await execute(dataSource, 'CREATE TABLE query_helper_test (id int PRIMARY KEY, label text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('returns the rows of a SELECT and of INSERT/UPDATE/DELETE … RETURNING, with the affected counts', async () => {
    const inserted = await run<{ id: number }>(
      dataSource,
      `INSERT INTO query_helper_test (id, label) VALUES (1, 'a'), (2, 'b'), (3, 'c') RETURNING id`,
    );
    expect(inserted).toEqual({ rows: [{ id: 1 }, { id: 2 }, { id: 3 }], affected: 3 });

    const updated = await run<{ id: number; label: string }>(
      dataSource,
      `UPDATE query_helper_test SET label = upper(label) WHERE id >= $1 RETURNING id, label`,
      [2],
    );
    expect(updated.affected).toBe(2);
    expect(updated.rows.sort((a, b) => a.id - b.id)).toEqual([
      { id: 2, label: 'B' },
      { id: 3, label: 'C' },
    ]);

    expect(await execute(dataSource, 'DELETE FROM query_helper_test WHERE id = $1', [3])).toBe(1);
    expect(await execute(dataSource, 'DELETE FROM query_helper_test WHERE id = $1', [3])).toBe(0);
    expect(await query<{ label: string }>(dataSource, 'SELECT label FROM query_helper_test ORDER BY id')).toEqual([
      { label: 'a' },
      { label: 'B' },
    ]);
    expect(await queryOne(dataSource, 'SELECT label FROM query_helper_test WHERE id = 99')).toBeUndefined();
  });

  it('numbers the parameters that Params collects in the order they were added', async () => {
    const params = new Params(1);
    const where = `id >= $1 AND label <> ${params.add('zzz')} AND id <= ${params.add(2)}`;
    expect(where).toBe('id >= $1 AND label <> $2 AND id <= $3');
    const rows = await query<{ id: number }>(
      dataSource,
      `SELECT id FROM query_helper_test WHERE ${where} ORDER BY id`,
      params,
    );
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it('runs inside the transaction of the EntityManager it is given', async () => {
    await expect(
      dataSource.transaction(async (tx) => {
        await execute(tx, `INSERT INTO query_helper_test (id, label) VALUES (10, 'in tx')`);
        expect(
          await queryOne<{ n: number }>(tx, 'SELECT count(*)::int AS n FROM query_helper_test WHERE id = 10'),
        ).toEqual({
          n: 1,
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(
      await queryOne<{ n: number }>(dataSource, 'SELECT count(*)::int AS n FROM query_helper_test WHERE id = 10'),
    ).toEqual({
      n: 0,
    });
  });

  it('reads a page of a list and the size of the whole list, numbering the page after the filter', async () => {
    await execute(dataSource, `INSERT INTO query_helper_test (id, label) VALUES (20, 'p'), (21, 'q'), (22, 'r')`);
    const params = new Params(20);
    const page = await queryPage(
      dataSource,
      {
        rows: 'SELECT id, label FROM query_helper_test WHERE id >= $1 ORDER BY id',
        count: 'SELECT count(*)::int AS total FROM query_helper_test WHERE id >= $1',
      },
      params,
      { page: 2, pageSize: 2 },
      (r: { id: number; label: string }) => r.label,
    );
    expect(page).toEqual({ items: ['r'], total: 3, page: 2, pageSize: 2 });
    expect(params.values).toEqual([20]);
  });
});
