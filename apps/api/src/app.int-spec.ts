import { INestApplication } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '@crm/api/http';
import { createTestDatabase } from '@crm/api/testing';
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
});
