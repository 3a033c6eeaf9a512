import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TABLE_OWNERS } from './table-owners';

interface SourceFile {
  path: string;
  text: string;
}

interface Write {
  table: string;
  path: string;
  line: number;
}

const WRITE = /\b(?:INSERT INTO|UPDATE|DELETE FROM|COPY)\s+([a-z_][a-z0-9_]*)/g;

/** Every `INSERT INTO t`, `UPDATE t`, `DELETE FROM t` and `COPY t` in the files, outside comment lines. */
function writes(files: SourceFile[]): Write[] {
  return files.flatMap(({ path, text }) => {
    const lines = text.split('\n');
    return [...text.matchAll(WRITE)]
      .map((m) => ({ table: m[1], path, line: text.slice(0, m.index).split('\n').length }))
      .filter((w) => !/^\s*(\/\/|\/?\*)/.test(lines[w.line - 1]));
  });
}

/** The library a file belongs to: `libs/api/<name>/...` is `<name>`, anything else its path's first two parts. */
function library(path: string): string {
  const parts = path.split('/');
  return parts[0] === 'libs' ? parts[2] : parts.slice(0, 2).join('/');
}

/**
 * `file:line table (owner)` for each write of an owned table outside its owner. The fixtures of the test
 * library (libs/api/testing), like the tests themselves, write straight into any table.
 */
function foreignWrites(files: SourceFile[]): string[] {
  return writes(files)
    .filter((w) => w.table in TABLE_OWNERS && ![TABLE_OWNERS[w.table], 'testing'].includes(library(w.path)))
    .map((w) => `${w.path}:${w.line} ${w.table} (owner: ${TABLE_OWNERS[w.table]})`);
}

/** `file:line` of each COPY whose table is not written out (`COPY ${target} …`): its owner cannot be checked. */
function unnamedCopies(files: SourceFile[]): string[] {
  return files.flatMap(({ path, text }) =>
    text
      .split('\n')
      .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
      .filter(({ line }) => /\bCOPY\b(?!\s+[a-z_(])/.test(line) && !/^\s*(\/\/|\/?\*)/.test(line))
      .map(({ at }) => at),
  );
}

const ROOT = join(__dirname, '..', '..', '..');

/** The API's source files, without tests and migrations. */
function apiSources(): SourceFile[] {
  return ['libs/api', 'apps/api'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((p) =>
        relative(ROOT, join(ROOT, dir, p))
          .split('\\')
          .join('/'),
      )
      .filter((p) => p.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(p) && !p.includes('/migrations/'))
      .filter((p) => !p.includes('/node_modules/'))
      .map((p) => ({ path: p, text: readFileSync(join(ROOT, p), 'utf8') })),
  );
}

describe('table owners', () => {
  const sources = apiSources();

  it('finds the API sources', () => {
    expect(sources.map((s) => s.path)).toContain('libs/api/timeline/src/lib/timeline-sql.ts');
  });

  it('writes each owned table only from its owner', () => {
    expect(foreignWrites(sources)).toEqual([]);
  });

  it('names a write of an owned table outside its owner by file and line', () => {
    const fake = {
      path: 'libs/api/scoring/src/lib/fake.ts',
      text: [
        '// an UPDATE notifications in a comment does not count',
        'const a = `INSERT INTO customer_timeline (customer_id) VALUES ($1)`;',
        'const b = `UPDATE scoring_runs SET state = $1`;',
        'const c = `DELETE FROM',
        '  notifications WHERE id = $1`;',
        "const d = 'UPDATE customers SET name = $1';",
        'const e = `COPY applications (id, customer_id) FROM STDIN (FORMAT csv)`;',
        "const f = 'COPY (SELECT id FROM customers) TO STDOUT';",
      ].join('\n'),
    };
    expect(foreignWrites([fake])).toEqual([
      'libs/api/scoring/src/lib/fake.ts:2 customer_timeline (owner: timeline)',
      'libs/api/scoring/src/lib/fake.ts:4 notifications (owner: notifications)',
      'libs/api/scoring/src/lib/fake.ts:6 customers (owner: customers)',
      'libs/api/scoring/src/lib/fake.ts:7 applications (owner: lifecycle)',
    ]);
  });

  it('names the table of every COPY in the text, so that its owner can be checked', () => {
    expect(unnamedCopies(sources)).toEqual([]);
    const fake = {
      path: 'libs/api/demo-seed/src/lib/fake.repository.ts',
      text: [
        '// a COPY … FROM STDIN in a comment does not count',
        'copyInto(tx, `COPY ${target} FROM STDIN (FORMAT csv)`);',
        "copyInto(tx, 'COPY ' + table);",
        'copyInto(tx, `COPY import_rows (${columns}) FROM STDIN`);',
      ].join('\n'),
    };
    expect(unnamedCopies([fake])).toEqual([
      'libs/api/demo-seed/src/lib/fake.repository.ts:2',
      'libs/api/demo-seed/src/lib/fake.repository.ts:3',
    ]);
  });

  it('lets the owner itself and the test fixtures write', () => {
    const files = [
      { path: 'libs/api/customers/src/lib/customers-sql.ts', text: 'UPDATE customers SET x = 1' },
      { path: 'libs/api/timeline/src/lib/timeline-sql.ts', text: 'INSERT INTO customer_timeline (x)' },
      { path: 'libs/api/lifecycle/src/lib/applications.repository.ts', text: 'COPY applications (x) FROM STDIN' },
      { path: 'libs/api/testing/src/lib/fixtures.repository.ts', text: 'INSERT INTO work_orders (x)' },
    ];
    expect(foreignWrites(files)).toEqual([]);
  });
});

/**
 * SQL runs through the typed helpers of this library (`query`, `queryOne`, `queryPage`, `execute`, `run`),
 * called from `*.repository.ts` files: a `.query(` call is allowed only here, in the helpers and the connection
 * infrastructure (COPY, exports' cursors, creating the embedded database).
 */
function rawQueries(files: SourceFile[]): string[] {
  return files
    .filter((f) => !f.path.startsWith('libs/api/database/'))
    .flatMap(({ path, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
        .filter(({ line }) => /\.query\s*[<(]/.test(line) && !/^\s*(\/\/|\/?\*)/.test(line))
        .map(({ at }) => at),
    );
}

const HELPER_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'@crm\/api\/database'/;

/** Files outside `*.repository.ts` (and outside this library) that import a helper that runs SQL. */
function helpersOutsideRepositories(files: SourceFile[]): string[] {
  return files
    .filter((f) => !f.path.startsWith('libs/api/database/') && !f.path.endsWith('.repository.ts'))
    .filter((f) =>
      (HELPER_IMPORT.exec(f.text)?.[1] ?? '')
        .split(',')
        .some((name) => ['query', 'queryOne', 'queryPage', 'execute', 'run'].includes(name.trim())),
    )
    .map((f) => f.path);
}

describe('SQL in repositories', () => {
  const sources = apiSources();

  it('runs every statement through the typed helpers, not a raw .query()', () => {
    expect(rawQueries(sources)).toEqual([]);
  });

  it('calls the helpers that run SQL only from repositories', () => {
    expect(helpersOutsideRepositories(sources)).toEqual([]);
    expect(
      helpersOutsideRepositories([
        { path: 'libs/api/x/src/lib/x.service.ts', text: "import { Params, query } from '@crm/api/database';" },
        { path: 'libs/api/x/src/lib/y.service.ts', text: "import { Db, Params } from '@crm/api/database';" },
        { path: 'libs/api/x/src/lib/x.repository.ts', text: "import { execute } from '@crm/api/database';" },
      ]),
    ).toEqual(['libs/api/x/src/lib/x.service.ts']);
  });

  it('names a raw .query() outside the database library by file and line', () => {
    const files = [
      { path: 'libs/api/scoring/src/lib/fake.service.ts', text: 'a\nawait this.dataSource.query(`SELECT 1`);' },
      { path: 'libs/api/scoring/src/lib/fake.repository.ts', text: 'const rows = await tx.query<Row>(sql);' },
      { path: 'libs/api/scoring/src/lib/fine.repository.ts', text: 'await query<Row>(this.dataSource, sql);' },
      { path: 'libs/api/database/src/lib/query.ts', text: 'await runner.query(sql, values, true);' },
    ];
    expect(rawQueries(files)).toEqual([
      'libs/api/scoring/src/lib/fake.service.ts:2',
      'libs/api/scoring/src/lib/fake.repository.ts:1',
    ]);
  });
});
