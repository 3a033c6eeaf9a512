import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One owner per table: the library (libs/api/<name>) that alone writes the table. Others read it, call
 * the owner's service, or embed the owner's set-wise SQL fragment (e.g. `timelineInsertFrom`), which
 * lives in the owner's library. Tables written by more than one library today are not listed yet.
 */
const TABLE_OWNERS: Record<string, string> = {
  application_steps: 'lifecycle',
  applications: 'lifecycle',
  audit_log: 'audit',
  bills: 'data-import',
  change_history: 'change-history',
  clock_events: 'time-limits',
  clocks: 'time-limits',
  consumption: 'data-import',
  customer_metrics: 'scoring',
  customer_scores: 'scoring',
  customer_timeline: 'timeline',
  customers: 'customers',
  import_rows: 'data-import',
  industries: 'reference',
  login_failures: 'auth',
  metrics_refresh: 'scoring',
  notifications: 'notifications',
  outbox_messages: 'messages',
  payments: 'data-import',
  plan_segment_enrolments: 'service-plans',
  scoring_runs: 'scoring',
  segment_changes: 'segments',
  segment_members: 'segments',
  segment_snapshots: 'segments',
  segments: 'segments',
  users: 'auth',
  work_order_channels: 'reference',
  work_order_events: 'work-orders',
  work_order_limits: 'reference',
  work_order_topics: 'reference',
  work_order_types: 'reference',
  work_orders: 'work-orders',
};

/** Writes outside the owner that are known debt. */
const KNOWN_EXCEPTIONS: { table: string; files: string[] }[] = [
  {
    // To be moved onto CustomersService.
    table: 'customers',
    files: [
      'libs/api/data-import/src/lib/import-kinds.ts',
      'libs/api/lifecycle/src/lib/applications.repository.ts',
      'libs/api/ownership/src/lib/ownership.repository.ts',
    ],
  },
];

interface SourceFile {
  path: string;
  text: string;
}

interface Write {
  table: string;
  path: string;
  line: number;
}

const WRITE = /\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+([a-z_][a-z0-9_]*)/g;

/** Every `INSERT INTO t`, `UPDATE t` and `DELETE FROM t` in the files, outside comment lines. */
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

function excused(w: Write): boolean {
  return KNOWN_EXCEPTIONS.some((e) => e.table === w.table && e.files.includes(w.path));
}

/** `file:line table (owner)` for each write of an owned table outside its owner and the known exceptions. */
function foreignWrites(files: SourceFile[]): string[] {
  return writes(files)
    .filter((w) => w.table in TABLE_OWNERS && library(w.path) !== TABLE_OWNERS[w.table] && !excused(w))
    .map((w) => `${w.path}:${w.line} ${w.table} (owner: ${TABLE_OWNERS[w.table]})`);
}

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

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

  it('every known exception still writes its table (drop it once moved)', () => {
    const all = writes(sources);
    const stale = KNOWN_EXCEPTIONS.flatMap((e) =>
      e.files
        .filter((file) => !all.some((w) => w.table === e.table && w.path === file))
        .map((file) => `${file} ${e.table}`),
    );
    expect(stale).toEqual([]);
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
      ].join('\n'),
    };
    expect(foreignWrites([fake])).toEqual([
      'libs/api/scoring/src/lib/fake.ts:2 customer_timeline (owner: timeline)',
      'libs/api/scoring/src/lib/fake.ts:4 notifications (owner: notifications)',
      'libs/api/scoring/src/lib/fake.ts:6 customers (owner: customers)',
    ]);
  });

  it('lets a known exception and the owner itself write', () => {
    const files = [
      { path: 'libs/api/ownership/src/lib/ownership.repository.ts', text: 'UPDATE customers SET x = 1' },
      { path: 'libs/api/timeline/src/lib/timeline-sql.ts', text: 'INSERT INTO customer_timeline (x)' },
    ];
    expect(foreignWrites(files)).toEqual([]);
  });
});
