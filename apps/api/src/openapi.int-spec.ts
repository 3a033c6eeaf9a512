import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocumentOffline } from './openapi';

/**
 * The committed OpenAPI document (apps/api/openapi.json) is the record of the public contract. Routes,
 * parameters, request fields and response fields may be added; one that disappears or changes type fails
 * here unless the committed document is regenerated in the same change (where the review sees it), and
 * any difference between the live and the committed document fails too, so the record stays current.
 */

const COMMITTED_FILE = join(__dirname, '..', 'openapi.json');
const HOW_TO_UPDATE = 'Run `npm run openapi` and commit apps/api/openapi.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI schemas are untyped JSON here
type Schema = Record<string, any>;

/** `where → type` of every route, parameter, request field and response field of a document. */
function contractSignature(doc: OpenAPIObject): Map<string, string> {
  const out = new Map<string, string>();
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;

  function walk(schemaIn: Schema | undefined, where: string, depth: number): void {
    if (!schemaIn || depth > 6) return;
    let schema = schemaIn;
    while (schema['$ref']) schema = schemas[String(schema['$ref']).split('/').pop() as string] ?? {};
    if (schema['allOf']?.length === 1) return walk(schema['allOf'][0], where, depth);
    const type = schema['type'] ?? (schema['properties'] ? 'object' : 'any');
    out.set(where, schema['format'] ? `${type}/${schema['format']}` : type);
    for (const [key, property] of Object.entries(schema['properties'] ?? {})) {
      walk(property as Schema, `${where}.${key}`, depth + 1);
    }
    if (schema['items']) walk(schema['items'], `${where}[]`, depth + 1);
  }

  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations as Record<string, Schema>)) {
      const route = `${method.toUpperCase()} ${path}`;
      out.set(route, 'route');
      for (const parameter of operation['parameters'] ?? []) {
        walk(parameter.schema, `${route} ${parameter.in} parameter ${parameter.name}`, 0);
      }
      for (const [media, content] of Object.entries(operation['requestBody']?.content ?? {})) {
        walk((content as Schema)['schema'], `${route} request ${media}`, 0);
      }
      for (const [status, response] of Object.entries(operation['responses'] ?? {})) {
        for (const [media, content] of Object.entries((response as Schema)['content'] ?? {})) {
          walk((content as Schema)['schema'], `${route} response ${status} ${media}`, 0);
        }
      }
    }
  }
  return out;
}

/** What the live document lost or retyped compared with the committed one. */
function breakingChanges(committed: OpenAPIObject, live: OpenAPIObject): string[] {
  const before = contractSignature(committed);
  const after = contractSignature(live);
  return [...before].flatMap(([where, type]) =>
    !after.has(where)
      ? [`removed: ${where} (${type})`]
      : after.get(where) !== type
        ? [`changed type: ${where}: ${type} → ${after.get(where)}`]
        : [],
  );
}

describe('the public OpenAPI contract', () => {
  let live: OpenAPIObject;
  let committed: OpenAPIObject;

  beforeAll(async () => {
    live = JSON.parse(JSON.stringify(await openApiDocumentOffline()));
    committed = JSON.parse(readFileSync(COMMITTED_FILE, 'utf8'));
  });

  it('keeps every route, parameter and response field of the committed document, with its type', () => {
    const changes = breakingChanges(committed, live);
    if (changes.length) {
      throw new Error(
        `The API lost or changed parts of its public contract:\n  ${changes.join('\n  ')}\n` +
          `If that is intended (API.md: never rename or remove an existing route), ${HOW_TO_UPDATE} in the same change.`,
      );
    }
  });

  it('is committed as generated, so the document stays the record', () => {
    const added = [...contractSignature(live).keys()].filter((where) => !contractSignature(committed).has(where));
    if (JSON.stringify(sortKeys(live)) !== JSON.stringify(sortKeys(committed))) {
      throw new Error(
        `The live OpenAPI document differs from apps/api/openapi.json${added.length ? `; not yet recorded:\n  ${added.slice(0, 30).join('\n  ')}` : ''}\n${HOW_TO_UPDATE}.`,
      );
    }
  });

  it('notices a route, a parameter or a response field that disappears or changes type', () => {
    const copy: Schema = JSON.parse(JSON.stringify(committed));
    delete copy['paths']['/api/health'];
    copy['paths']['/api/customers']['get']['parameters'] = copy['paths']['/api/customers']['get']['parameters'].filter(
      (p: Schema) => p['name'] !== 'search',
    );
    copy['components']['schemas']['UserDto']['properties']['username'] = { type: 'number' };
    const changes = breakingChanges(committed, copy as OpenAPIObject);
    expect(changes).toEqual(
      expect.arrayContaining([
        'removed: GET /api/health (route)',
        'removed: GET /api/customers query parameter search (string)',
        'changed type: GET /api/auth/me response 200 application/json.username: string → number',
      ]),
    );
    expect(breakingChanges(committed, committed)).toEqual([]);
  });
});

/** The document with its keys sorted, and its parameters too (their order depends on the compiler's decorator order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(sortKeys);
    const isParameter = (item: unknown) => !!item && typeof item === 'object' && 'in' in item && 'name' in item;
    const key = (item: unknown) => `${(item as Schema)['in']} ${(item as Schema)['name']}`;
    return items.every(isParameter) ? items.sort((a, b) => key(a).localeCompare(key(b))) : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
