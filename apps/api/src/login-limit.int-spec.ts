// The login limit lives in PostgreSQL, shared by every API instance; tested at the app, as auth.int-spec.ts.
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, AuthService } from '@crm/api/auth';
import { DatabaseModule } from '@crm/api/database';
import { configureHttp } from '@crm/api/http';
import { JobsModule } from '@crm/api/jobs';
import { createTestApp, TEST_PASSWORD, TestApp } from '@crm/api/testing';
import { randomBytes } from 'node:crypto';

describe('the login limit', () => {
  let t: TestApp;
  let second: INestApplication;
  let secondUrl: string;

  const login = (username: string, password: string, baseUrl = t.baseUrl) =>
    fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  beforeAll(async () => {
    t = await createTestApp();
    // A second API instance on the same database.
    const url = (t.dataSource.options as { url: string }).url;
    const moduleRef = await Test.createTestingModule({
      imports: [
        DatabaseModule.forRoot({ url, poolSize: 2 }),
        AuthModule.forRoot({ jwtSecret: randomBytes(32).toString('hex'), jwtExpiresIn: '1h' }),
        JobsModule.forRoot({ databaseUrl: url, enabled: false }),
      ],
    }).compile();
    second = moduleRef.createNestApplication({ logger: ['error'] });
    configureHttp(second);
    await second.listen(0, '127.0.0.1');
    secondUrl = (await second.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });
  beforeEach(() => t.dataSource.query('DELETE FROM login_failures'));

  it('refuses a username from an address after 5 failures, counted across API instances', async () => {
    for (let i = 0; i < 3; i++) expect((await login('marketing', 'bad')).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login('marketing', 'bad', secondUrl)).status).toBe(401);
    const blocked = await login('marketing', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/try again in \d+ s/);
    expect((await login('marketing', TEST_PASSWORD, secondUrl)).status).toBe(429);
    expect((await login('leader', TEST_PASSWORD, secondUrl)).status).toBe(200);
  });

  it('refuses an address after 20 failures across usernames, until they leave the 5-minute window', async () => {
    for (let i = 0; i < 20; i++)
      expect((await login(`ghost${i}`, 'bad', i % 2 ? secondUrl : t.baseUrl)).status).toBe(401);
    const blocked = await login('admin', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await login('manager1', TEST_PASSWORD, secondUrl)).status).toBe(429);
    await t.dataSource.query(`UPDATE login_failures SET failed_at = failed_at - interval '5 minutes'`);
    expect((await login('admin', TEST_PASSWORD)).status).toBe(200);
  });

  it('forgets a username’s failures from the address once it logs in', async () => {
    for (let i = 0; i < 4; i++) await login('leader', 'bad');
    expect((await login('leader', TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('leader', 'bad')).status).toBe(401);
    expect((await login('leader', TEST_PASSWORD)).status).toBe(200);
  });

  it('counts parallel guesses: no more than 5 of them are checked', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => login('manager2', 'bad')));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('takes as long for an unknown username as for a known one with a wrong password', async () => {
    const time = async (username: string) => {
      const started = performance.now();
      expect((await login(username, 'wrong-password')).status).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('admin'));
      unknown.push(await time(`nobody${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Checking a password costs tens of milliseconds (argon2); an unchecked unknown user would take ~1 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('removes failures older than the window with the cleanup job', async () => {
    await login('ghost-old', 'bad');
    await login('ghost-new', 'bad');
    await t.dataSource.query(
      `UPDATE login_failures SET failed_at = now() - interval '11 minutes' WHERE username = 'ghost-old'`,
    );
    expect(await t.app.get(AuthService).removeOldFailures()).toEqual({ removed: 1 });
    const rows = await t.dataSource.query('SELECT username FROM login_failures');
    expect(rows).toEqual([{ username: 'ghost-new' }]);
  });
});
