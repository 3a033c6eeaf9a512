import { ApiResponse, createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi';

/**
 * The contract under fire: for every route of the app's own OpenAPI document and every role, hostile
 * inputs in each path parameter, query parameter and body field (wrong types, nulls, NUL characters,
 * huge and tiny numbers, deep nesting, unknown fields, SQL and formula strings, bad ids and dates).
 * Never a 5xx; every 4xx in the error format, naming the field at fault on a 400; inputs the contract
 * refuses write nothing (row counts of every table but the audit log, before and after each route's
 * batch), and inputs it may accept (text such as SQL or formulas) never lose rows.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI schemas are untyped JSON here
type Schema = Record<string, any>;

/** One hostile request: where the hostile value goes, and whether the contract must refuse it. */
interface Input {
  label: string;
  /** The parameter or body field at fault, which a 400 must name. */
  field?: string;
  /** True: a 4xx and nothing written; false: any answer but a 5xx (e.g. a SQL string is just text). */
  refused: boolean;
  pathValues: Record<string, string>;
  query: [string, string][];
  /** The raw body, when the route takes JSON. */
  body?: string;
  /** The one status this input must get (body-level refusals, answered before any route logic). */
  status?: number;
}

const ROLES_AS = ['admin', 'leader', 'marketing', 'manager1'];
/** Tables that legitimately grow on every request, refused or not. */
const LOGGING_TABLES = new Set(['audit_log']);
const CONCURRENCY = 12;

const NUL = 'a\u0000b';
const SQL = "x'); DROP TABLE customers; --";
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const BIG_LITERAL = '99999999999999999999';
const DEEP_LITERAL = '['.repeat(5000) + ']'.repeat(5000);
const DEEP_OBJECT_LITERAL = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
/** Values written into a body as raw JSON text (literals JSON.stringify cannot produce). */
const raw = (text: string) => ({ __raw: text });

function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_, v) => {
    if (v && typeof v === 'object' && '__raw' in v) {
      raws.push(v.__raw);
      return `__RAW_${raws.length - 1}__`;
    }
    return v;
  });
  return text.replace(/"__RAW_(\d+)__"/g, (_, i) => raws[Number(i)]);
}

describe('the contract under hostile input', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  let webRoot: string;
  const fixtures: Record<string, string> = {};

  beforeAll(async () => {
    // The whole app as production runs it, web app fallback included (its error handling once turned
    // malformed JSON into 404s).
    webRoot = mkdtempSync(join(tmpdir(), 'crm-fuzz-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>CRM</title>');
    t = await createTestApp([], {
      root: (databaseUrl) =>
        AppModule.forRoot({
          databaseUrl,
          jwtSecret: 'f'.repeat(32),
          jwtExpiresIn: '1h',
          logLevel: 'silent',
          jobs: false,
          webRoot,
        }),
    });
    doc = buildOpenApiDocument(t.app);

    const customer = await createCustomer(t, 'manager1');
    fixtures['customer'] = customer.id;
    fixtures['manager'] = t.userIds['manager1'];
    const application = await t.request('POST', `/customers/${customer.id}/applications`, {
      as: 'manager1',
      body: { type: 'new_connection' },
    });
    fixtures['application'] = application.body.id;
    const segment = await t.request('POST', '/segments', {
      as: 'marketing',
      body: { name: 'Fuzz', kind: 'static', customerIds: [customer.id] },
    });
    fixtures['segment'] = segment.body.id;
    const plan = await t.request('POST', '/plans', {
      as: 'leader',
      body: {
        name: 'Fuzz plan',
        services: [{ key: 'visit', kind: 'visit', recurrence: { every: 'month', day: 1 }, leadDays: 3 }],
      },
    });
    fixtures['plan'] = plan.body.id;
    const enrolment = await t.request('POST', `/plans/${plan.body.id}/enrolments`, {
      as: 'manager1',
      body: { customerId: customer.id },
    });
    fixtures['enrolment'] = enrolment.body.id;
    const tasks = await t.request('GET', '/service-tasks', { as: 'manager1' });
    fixtures['task'] = tasks.body.items[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    for (const [name, id] of Object.entries(fixtures)) {
      if (typeof id !== 'string') throw new Error(`fixture ${name} was not created`);
    }
  });

  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  /** A real id for a path parameter, by the collection it follows (`/segments/{id}` → the segment). */
  function fixtureParam(path: string, name: string, schema: Schema): string {
    const before = path.split('/').slice(0, path.split('/').indexOf(`{${name}}`));
    const collection = before[before.length - 1];
    const byCollection: Record<string, string> = {
      customers: fixtures['customer'],
      members: fixtures['customer'],
      applications: fixtures['application'],
      segments: fixtures['segment'],
      plans: fixtures['plan'],
      enrolments: fixtures['enrolment'],
      managers: fixtures['manager'],
      import: 'customers',
      days: '2026-10-12',
      steps: 'new_connection',
      'service-tasks': fixtures['task'],
      notifications: '1',
    };
    if (byCollection[collection]) return byCollection[collection];
    if (name === 'year') return '2026';
    if (collection === 'new_connection' || before.includes('steps')) return 'site_survey';
    return String(sample(schema['schema'], name));
  }

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema['$ref']) return resolve(doc.components?.schemas?.[schema['$ref'].split('/').pop()] as Schema);
    if (schema['allOf']?.length === 1) return { ...resolve(schema['allOf'][0]), nullable: schema['nullable'] };
    return schema;
  }

  /** A plausible valid value of a schema, for the fields not under fire. */
  function sample(schemaIn: Schema | undefined, name: string): unknown {
    const schema = resolve(schemaIn);
    if (schema['example'] !== undefined) return schema['example'];
    if (schema['nullable']) return null;
    if (schema['default'] !== undefined && schema['default'] !== null && schema['type'] !== 'array') {
      return schema['default'];
    }
    if (schema['enum']) return schema['enum'][0];
    if (/customerIds?$/.test(name)) return name.endsWith('s') ? [fixtures['customer']] : fixtures['customer'];
    if (/managerId$/i.test(name)) return fixtures['manager'];
    if (name === 'segmentId') return fixtures['segment'];
    switch (schema['type']) {
      case 'string':
        if (schema['format'] === 'uuid') return fixtures['customer'];
        if (schema['format'] === 'date') return '2026-10-12';
        if (schema['format'] === 'date-time') return '2026-10-12T08:00:00+08:00';
        return 'fuzz'.padEnd(schema['minLength'] ?? 0, 'z');
      case 'integer':
      case 'number':
        return schema['minimum'] ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return schema['items'] ? [sample(schema['items'], name)] : [];
      case 'object':
        return Object.fromEntries(
          Object.entries(schema['properties'] ?? {}).map(([key, s]) => [key, sample(s as Schema, key)]),
        );
      default:
        return 'fuzz';
    }
  }

  /** Hostile values for one body field: [label, value, refused]. */
  function hostileValues(schemaIn: Schema): [string, unknown, boolean][] {
    const schema = resolve(schemaIn);
    const type = schema['type'] ?? (schema['properties'] ? 'object' : undefined);
    const values: [string, unknown, boolean][] = [
      ['null', null, !schema['nullable']],
      ['NUL', NUL, true],
      ['deep nesting', raw(DEEP_LITERAL), true],
    ];
    if (type === 'string' || type === undefined) {
      const plain = !schema['enum'] && !schema['format'] && !schema['pattern'];
      values.push(['a number for a string', 12345, type === 'string']);
      values.push(['SQL', SQL, !plain]);
      values.push(['formula', FORMULA, !plain]);
      if (schema['maxLength'] !== undefined) values.push(['too long', 'x'.repeat(schema['maxLength'] + 1), true]);
      if (schema['format'] === 'uuid') values.push(['bad id', 'not-a-uuid', true]);
      if (schema['format'] === 'date' || schema['format'] === 'date-time') {
        values.push(['impossible date', '2026-02-30', true]);
      }
    }
    if (type === 'integer' || type === 'number' || (schema['enum'] && typeof schema['enum'][0] === 'number')) {
      const minimum: number | undefined = schema['minimum'];
      values.push(['a string for a number', 'x', true]);
      values.push(['1e308', 1e308, true]);
      values.push(['-1e308', -1e308, true]);
      values.push([BIG_LITERAL, raw(BIG_LITERAL), true]);
      values.push(['1e-10', 1e-10, type === 'integer' || (minimum !== undefined && minimum > 1e-10)]);
    }
    if (type === 'boolean') values.push(['a string for a boolean', 'yes', true]);
    if (type === 'array') values.push(['a string for an array', 'x', true]);
    if (type === 'object') values.push(['a string for an object', 'x', true]);
    if (schema['enum']) values.push(['not in the enum', 'not-in-enum', true]);
    return values;
  }

  /** Body fields under fire: top-level ones, and those of the objects of arrays (`contacts.0.email`). */
  function bodyFields(schemaIn: Schema, prefix = '', depth = 0): [string, Schema][] {
    const schema = resolve(schemaIn);
    return Object.entries(schema['properties'] ?? {}).flatMap(([key, s]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      const own: [string, Schema][] = [[path, s as Schema]];
      const items = resolve(s as Schema)['items'];
      return depth === 0 && items && resolve(items)['properties']
        ? [...own, ...bodyFields(items, `${path}.0`, depth + 1)]
        : own;
    });
  }

  function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
    const copy = structuredClone(target);
    const keys = path.split('.');
    let node: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1]] = value;
    return copy;
  }

  /** Hostile query values for one parameter: [label, value, refused]. */
  function hostileQuery(schemaIn: Schema): [string, string, boolean][] {
    const schema = resolve(schemaIn);
    const numeric = schema['type'] === 'integer' || schema['type'] === 'number';
    const values: [string, string, boolean][] = [
      ['NUL', NUL, true],
      [BIG_LITERAL, BIG_LITERAL, numeric],
      ['-1', '-1', numeric && (schema['minimum'] ?? -Infinity) > -1],
      ['1e308', '1e308', numeric],
      ['1e-10', '1e-10', schema['type'] === 'integer'],
      ['SQL', SQL, numeric || !!schema['enum'] || !!schema['format']],
      ['long text', 'x'.repeat(5000), numeric || !!schema['enum'] || !!schema['format']],
    ];
    if (schema['format'] === 'uuid') values.push(['bad id', 'not-a-uuid', true]);
    if (schema['format'] === 'date') values.push(['impossible date', '2026-02-30', true]);
    if (schema['type'] === 'boolean') values.push(['a word for a boolean', 'maybe', true]);
    return values;
  }

  function fixturePathValues(path: string, operation: Schema): Record<string, string> {
    const pathParams = ((operation['parameters'] ?? []) as Schema[]).filter((p) => p['in'] === 'path');
    return Object.fromEntries(pathParams.map((p) => [p['name'], fixtureParam(path, p['name'], p)]));
  }

  function inputsOf(path: string, operation: Schema): Input[] {
    const parameters: Schema[] = operation['parameters'] ?? [];
    const pathParams = parameters.filter((p) => p['in'] === 'path');
    const queryParams = parameters.filter((p) => p['in'] === 'query');
    const pathValues = fixturePathValues(path, operation);
    const jsonSchema = operation['requestBody']?.content?.['application/json']?.schema;
    const baseline = jsonSchema ? (sample(jsonSchema, '') as Record<string, unknown>) : undefined;
    const body = baseline && toJson(baseline);
    const inputs: Input[] = [];

    for (const p of pathParams) {
      for (const [label, value] of [
        ['NUL', '%00'],
        ['bad id', 'not-a-uuid'],
        [BIG_LITERAL, BIG_LITERAL],
        ['-1', '-1'],
        ['impossible date', '2026-02-30'],
        ['SQL', encodeURIComponent(SQL)],
      ]) {
        inputs.push({
          label: `path ${p['name']} = ${label}`,
          field: p['name'],
          refused: true,
          pathValues: { ...pathValues, [p['name']]: value },
          query: [],
          body,
        });
      }
    }
    for (const q of queryParams) {
      for (const [label, value, refused] of hostileQuery(q['schema'] ?? {})) {
        inputs.push({
          label: `query ${q['name']} = ${label}`,
          field: q['name'],
          refused,
          pathValues,
          query: [[q['name'], value]],
          body,
        });
      }
      inputs.push({
        label: `query ${q['name']} twice`,
        field: q['name'],
        refused: false,
        pathValues,
        query: [
          [q['name'], 'a'],
          [q['name'], 'b'],
        ],
        body,
      });
    }
    if (jsonSchema && baseline) {
      for (const [field, schema] of bodyFields(jsonSchema)) {
        for (const [label, value, refused] of hostileValues(schema)) {
          inputs.push({
            label: `body ${field} = ${label}`,
            field,
            refused,
            pathValues,
            query: [],
            body: toJson(setPath(baseline, field, value)),
          });
        }
      }
      for (const [label, text, status] of [
        ['malformed JSON', '{', 400],
        ['a body nested 5,000 deep', DEEP_LITERAL, 400],
        ['an object nested 5,000 deep', DEEP_OBJECT_LITERAL, 400],
        ['an array for an object', '[]', undefined],
        ['an unknown field', toJson({ ...baseline, fuzzUnknownField: 1 }), undefined],
        ['a body over 100 KB', toJson({ ...baseline, padding: 'x'.repeat(110_000) }), 413],
      ] as const) {
        inputs.push({ label: `body: ${label}`, refused: true, pathValues, query: [], body: text, status });
      }
    }
    return inputs;
  }

  async function send(method: string, path: string, input: Input, as: string): Promise<ApiResponse> {
    const url =
      path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, (_, name) => input.pathValues[name]) +
      (input.query.length ? `?${input.query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '');
    return t.request(method.toUpperCase(), url, { as, rawBody: input.body });
  }

  /** What is wrong with a 4xx body, if anything: the error format, and the field named on a 400. */
  function errorProblem(res: ApiResponse, input: Input): string | null {
    const b = res.body;
    if (typeof b !== 'object' || b === null) return `not a JSON error: ${String(b).slice(0, 200)}`;
    const keys = Object.keys(b).filter((k) => !['statusCode', 'error', 'message', 'details'].includes(k));
    if (b.statusCode !== res.status || typeof b.error !== 'string' || typeof b.message !== 'string' || keys.length) {
      return `not the error format: ${JSON.stringify(b).slice(0, 300)}`;
    }
    const details = b.details as { field?: unknown; message?: unknown }[] | undefined;
    if (
      details !== undefined &&
      (!Array.isArray(details) || details.some((d) => typeof d.field !== 'string' || typeof d.message !== 'string'))
    ) {
      return `details not [{field, message}]: ${JSON.stringify(details).slice(0, 300)}`;
    }
    if (res.status === 400 && input.refused && input.field) {
      const named = (details ?? []).some((d) => {
        const field = String(d.field);
        return (
          field === input.field || field.startsWith(`${input.field}.`) || (input.field ?? '').startsWith(`${field}.`)
        );
      });
      if (!named && !b.message.includes(input.field))
        return `does not name ${input.field}: ${JSON.stringify(b).slice(0, 300)}`;
    }
    return null;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const tables: { relname: string }[] = await t.dataSource.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const names = tables.map((r) => r.relname).filter((name) => !LOGGING_TABLES.has(name));
    // One row per table (a function call takes at most 100 arguments, so not one json_build_object).
    const rows: { name: string; n: number }[] = await t.dataSource.query(
      names.map((n) => `SELECT '${n}' AS name, (SELECT count(*)::int FROM "${n}") AS n`).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  }

  async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
    for (let i = 0; i < items.length; i += CONCURRENCY) await Promise.all(items.slice(i, i + CONCURRENCY).map(run));
  }

  it('answers every hostile input of every route and role without a 5xx, in the error format, writing nothing', async () => {
    /** Failures by route and input, with the roles they happened to. */
    const failures = new Map<string, string[]>();
    const fail = (what: string, as = '') => failures.set(what, [...(failures.get(what) ?? []), as].filter(Boolean));
    let requests = 0;
    let routes = 0;
    const started = Date.now();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, Schema>)) {
        routes++;
        const route = `${method.toUpperCase()} ${path}`;
        const inputs = inputsOf(path, operation);
        if (method === 'get') {
          // The plain read with real ids: the checks that refuse hostile input must let it through.
          const plain = { label: 'plain', refused: false, pathValues: fixturePathValues(path, operation), query: [] };
          const res = await send(method, path, plain, 'admin');
          requests++;
          if (res.status >= 500 || res.status === 400) fail(`${route} [plain read]: ${res.status}`, 'admin');
        }
        if (!inputs.length) continue;
        // A role the route forbids gets 403 whatever the input (guards run first): one request tells.
        const roles: string[] = [];
        for (const as of ROLES_AS) {
          const res = await send(method, path, inputs[0], as);
          requests++;
          if (res.status !== 403) roles.push(as);
          else if (errorProblem(res, inputs[0])) fail(`${route}: 403 not in the error format`, as);
        }
        for (const refused of [true, false]) {
          const batch = inputs
            .filter((i) => i.refused === refused)
            .flatMap((input) => roles.map((as) => ({ input, as })));
          const before = await rowCounts();
          await inBatches(batch, async ({ input, as }) => {
            const res = await send(method, path, input, as);
            requests++;
            const where = `${route} [${input.label}]`;
            if (res.status >= 500) fail(`${where}: ${res.status}`, as);
            else if (input.refused && res.status < 400) fail(`${where}: accepted with ${res.status}`, as);
            else if (input.status && res.status !== input.status)
              fail(`${where}: ${res.status}, not ${input.status}`, as);
            else if (res.status >= 400) {
              const problem = errorProblem(res, input);
              if (problem) fail(`${where}: ${res.status} ${problem}`, as);
            }
          });
          const after = await rowCounts();
          for (const table of Object.keys(before)) {
            if (refused ? after[table] !== before[table] : after[table] < before[table]) {
              fail(
                `${route}: ${table} went from ${before[table]} to ${after[table]} rows (${refused ? 'refused' : 'accepted'} inputs)`,
              );
            }
          }
        }
      }
    }
    console.log(
      `Contract fuzz: ${routes} routes, ${requests} requests (hostile inputs × the roles each route allows) in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(routes).toBeGreaterThan(50);
    expect([...failures].map(([what, roles]) => (roles.length ? `${what} (as ${roles.join(', ')})` : what))).toEqual(
      [],
    );
  }, 600_000);
});
