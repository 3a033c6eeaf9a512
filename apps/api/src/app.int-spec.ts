import { INestApplication } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '@crm/api/http';
import { execute, queryOne, Readiness } from '@crm/api/database';
import { createTestDatabase } from '@crm/api/testing';
import { DataSource } from 'typeorm';
import { configureHttp } from '@crm/api/http';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';

describe('the whole API app', () => {
  let app: INestApplication;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({
          databaseUrl: db.url,
          jwtSecret: 'x'.repeat(32),
          jwtExpiresIn: '1h',
          logLevel: 'silent',
          jobs: false,
        }),
        DiscoveryModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureHttp(app);
    setupOpenApi(app);
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('declares, on every route, who may call it: @Public() or @Roles(...)', () => {
    const reflector = app.get(Reflector);
    const scanner = new MetadataScanner();
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of app.get(DiscoveryService).getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        routes++;
        const targets = [handler, metatype];
        const declared =
          reflector.getAllAndOverride(PUBLIC_ROUTE, targets) || reflector.getAllAndOverride(ROUTE_ROLES, targets);
        if (!declared) undeclared.push(`${metatype.name}.${name}`);
      }
    }
    expect(routes).toBeGreaterThan(2);
    expect(undeclared).toEqual([]);
  });

  it('publishes its OpenAPI document', async () => {
    const doc = await (await fetch(`${url}/api/docs-json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/health']));
  });

  it('tells browsers and proxies to keep no API answer, errors included', async () => {
    for (const path of ['/api/health', '/api/customers', '/api/no-such-route']) {
      const res = await fetch(`${url}${path}`);
      expect([path, res.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
  });
  it('is ready only while its database holds every migration of this build, without login', async () => {
    const ready = async () => {
      const res = await fetch(`${url}/api/health/ready`);
      return { status: res.status, body: await res.json() };
    };
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', database: 'up', migrations: 'applied' } });

    // A new version started while another instance still migrates: its newest migration is not recorded yet.
    const db = app.get(DataSource);
    const newest = await queryOne<{ id: number; timestamp: string; name: string }>(
      db,
      'SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1',
    );
    if (!newest) throw new Error('the test database holds no migration');
    await execute(db, 'DELETE FROM migrations WHERE id = $1', [newest.id]);
    try {
      expect(await ready()).toEqual({
        status: 503,
        body: {
          statusCode: 503,
          error: 'Service Unavailable',
          message: '1 migration(s) of this version are not applied yet',
        },
      });
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
    } finally {
      await execute(db, 'INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        newest.id,
        newest.timestamp,
        newest.name,
      ]);
    }
    expect((await ready()).status).toBe(200);
  });

  // Last: the app stays stopping.
  it('stops being ready once it is stopping (SIGTERM), while still answering as alive', async () => {
    app.get(Readiness).stop();
    const res = await fetch(`${url}/api/health/ready`);
    expect([res.status, (await res.json()).message]).toEqual([503, 'The instance is stopping']);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});
