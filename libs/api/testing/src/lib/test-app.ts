import { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, UsersService } from '@crm/api/auth';
import { DatabaseModule, ExportLimits, withDataSource } from '@crm/api/database';
import { JobsModule } from '@crm/api/jobs';
import { configureHttp } from '@crm/api/http';
import { Role } from '@crm/shared/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDatabase, dropDatabase } from './test-databases.repository';

export const TEST_PASSWORD = 'test-password-1';

/** The users every test app starts with. */
export const TEST_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'Admin', role: 'admin' },
  { username: 'leader', displayName: 'Leader', role: 'leader' },
  { username: 'marketing', displayName: 'Marketing', role: 'marketing' },
  { username: 'auditor', displayName: 'Auditor', role: 'auditor' },
  { username: 'manager1', displayName: 'Manager One', role: 'account_manager' },
  { username: 'manager2', displayName: 'Manager Two', role: 'account_manager' },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  baseUrl: string;
  /** Access tokens of TEST_USERS by username. */
  tokens: Record<string, string>;
  /** User ids of TEST_USERS by username. */
  userIds: Record<string, string>;
  /** Calls the API as `as` (a TEST_USERS username), or anonymously when `as` is omitted. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  request<T = any>(
    method: string,
    path: string,
    options?: { as?: string; body?: unknown; rawBody?: string },
  ): Promise<ApiResponse<T>>;
  /** Posts `content` as the file field `field` of a multipart/form-data request. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  upload<T = any>(
    path: string,
    content: string | Uint8Array<ArrayBuffer>,
    options: { as: string; field?: string },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['TEST_DATABASE_ADMIN_URL'];
  if (!url)
    throw new Error(
      'TEST_DATABASE_ADMIN_URL is not set: run integration tests with tools/jest/jest.integration.config.ts',
    );
  return url;
}

/** A new database cloned from the template (migrated, reference data loaded); returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  await withDataSource(adminUrl(), (admin) =>
    createDatabase(admin, name, String(process.env['TEST_DATABASE_TEMPLATE'])),
  );
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withDataSource(adminUrl(), (admin) => dropDatabase(admin, name)),
  };
}

/**
 * A real API app for one test suite: its own database, the platform (auth, validation, error
 * format) and the feature modules under test, listening on a free port, with TEST_USERS logged in.
 */
async function toApiResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/**
 * The API with `imports` on a new database. Job handlers are called directly by the tests and no queue
 * runs, unless `jobs` is true (for the endpoints that queue a job and report on it). `databaseUrl` runs it
 * on a migrated database of the caller's instead (not dropped by `close`); `logger` receives its logs.
 * `root` replaces the platform modules and `imports` by one module built for the database (the whole
 * app's, for example). `exports` overrides the limits of streamed exports (short timeouts, so that a test
 * of them runs in seconds). `readPool` opens a read pool (as DATABASE_READ_URL does) on the app's database.
 */
export async function createTestApp(
  imports: (Type | DynamicModule)[] = [],
  options: {
    jobs?: boolean;
    databaseUrl?: string;
    logger?: LoggerService;
    root?: (databaseUrl: string) => DynamicModule;
    exports?: Partial<ExportLimits>;
    /** Gives the app a read pool (DATABASE_READ_URL) of its own on its database. */
    readPool?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: options.root
      ? [options.root(database.url)]
      : [
          DatabaseModule.forRoot({
            url: database.url,
            readUrl: options.readPool ? database.url : undefined,
            poolSize: 10,
            exports: options.exports,
          }),
          AuthModule.forRoot({ jwtSecret: randomBytes(32).toString('hex'), jwtExpiresIn: '1h' }),
          JobsModule.forRoot({ databaseUrl: database.url, enabled: options.jobs ?? false }),
          ...imports,
        ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: options.logger ?? ['error'] });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);

  await dataSource.transaction((manager) =>
    UsersService.createUsers(
      manager,
      TEST_USERS.map((u) => ({ ...u, password: TEST_PASSWORD })),
    ),
  );

  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const request: TestApp['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.as) headers['authorization'] = `Bearer ${tokens[options.as]}`;
    let body: string | undefined;
    if (options.rawBody !== undefined || options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = options.rawBody ?? JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}/api${path}`, { method, headers, body });
    return toApiResponse(response);
  };
  const upload: TestApp['upload'] = async (path, content, options) => {
    const form = new FormData();
    form.append(options.field ?? 'file', new Blob([content]), 'upload.csv');
    const response = await fetch(`${baseUrl}/api${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[options.as]}` },
      body: form,
    });
    return toApiResponse(response);
  };

  for (const user of TEST_USERS) {
    const login = await request('POST', '/auth/login', { body: { username: user.username, password: TEST_PASSWORD } });
    tokens[user.username] = login.body.accessToken;
    userIds[user.username] = login.body.user.id;
  }

  return {
    app,
    dataSource,
    baseUrl,
    tokens,
    userIds,
    request,
    upload,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
