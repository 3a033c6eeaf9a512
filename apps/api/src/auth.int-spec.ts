// The platform (auth, validation, error format, health) is tested here, at the app, because the
// test helpers in @crm/api/testing are themselves built on @crm/api/auth.
import { createTestApp, TEST_PASSWORD, TestApp } from '@crm/api/testing';

describe('auth and the HTTP platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs a user in with a token and the user, as in API.md', async () => {
    const res = await t.request('POST', '/auth/login', { body: { username: 'leader', password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.user).toEqual({
      id: t.userIds['leader'],
      username: 'leader',
      displayName: 'Leader',
      role: 'leader',
    });
  });

  it('answers who is logged in', async () => {
    const res = await t.request('GET', '/auth/me', { as: 'manager1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'manager1', role: 'account_manager' });
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    const wrong = await t.request('POST', '/auth/login', { body: { username: 'admin', password: 'nope' } });
    const unknown = await t.request('POST', '/auth/login', { body: { username: 'ghost', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Wrong username or password',
    });
  });

  it('adds message codes to an error body when the client asks (the web app), and only then', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${t.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username: 'admin', password: null }),
      }).then((res) => res.json());
    const coded = await login({ 'x-message-codes': '1' });
    expect(coded).toMatchObject({ statusCode: 400, code: 'error.badRequest', params: { fields: 'password' } });
    expect(coded.details).toContainEqual(
      expect.objectContaining({ field: 'password', code: 'validation.isString', params: { field: 'password' } }),
    );
    expect(coded.details).toContainEqual(
      expect.objectContaining({
        field: 'password',
        code: 'validation.maxLength',
        params: { field: 'password', limit: 200 },
      }),
    );
    const bare = await login({});
    expect(Object.keys(bare).sort()).toEqual(['details', 'error', 'message', 'statusCode']);
    for (const detail of bare.details) expect(Object.keys(detail).sort()).toEqual(['field', 'message']);
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await t.request('GET', '/auth/me')).status).toBe(401);
    const forged = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(forged.status).toBe(401);
  });

  it('answers a malformed JSON body with 400 in the error format', async () => {
    const res = await t.request('POST', '/auth/login', { rawBody: '{"username": "admin",' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(typeof res.body.message).toBe('string');
  });

  it('names each bad or unknown field in details', async () => {
    const res = await t.request('POST', '/auth/login', { body: { username: '', password: 5, admin: true } });
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(new Set(fields)).toEqual(new Set(['username', 'password', 'admin']));
  });

  it('rate-limits failed logins for one username and lets others in', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.request('POST', '/auth/login', { body: { username: 'marketing', password: 'bad' } })).status,
      ).toBe(401);
    }
    const blocked = await t.request('POST', '/auth/login', {
      body: { username: 'marketing', password: TEST_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many failed logins/);
    const other = await t.request('POST', '/auth/login', { body: { username: 'manager2', password: TEST_PASSWORD } });
    expect(other.status).toBe(200);
  });

  it('reports health with the database checked, without login', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it("sends security headers and a request id: the caller's when it sent one, a new one otherwise", async () => {
    const res = await t.request('GET', '/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const generated = res.headers.get('x-request-id');
    expect(generated).toMatch(uuid);
    const again = (await t.request('GET', '/health')).headers.get('x-request-id');
    expect(again).toMatch(uuid);
    expect(again).not.toBe(generated);

    const sent = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'trace-42' } });
    expect(sent.headers.get('x-request-id')).toBe('trace-42');
    // Errors carry it too, the body staying in the error format.
    const refused = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { 'x-request-id': 'trace-43' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('trace-43');
    expect(await refused.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
    });
    const invalid = await t.request('POST', '/auth/login', { body: {} });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-request-id')).toMatch(uuid);
  });
});
