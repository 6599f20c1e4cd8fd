/** Contract tests: sessions, CSRF, CORS and the raw wire format of single (non-batched) calls. */
import { expect, it } from 'vitest';
import { createApiClient } from '../client.js';
import { expectApiError, newBrowser, PASSWORD, rawCall, type SuiteEnv, signUp, uniqueEmail } from './kit.js';

function sessionCookieOf(response: Response): { pair: string; maxAge: number; attributes: string } {
  const line = response.headers.getSetCookie().find((c) => /session=/.test(c)) ?? '';
  const maxAge = Number(/Max-Age=(\d+)/i.exec(line)?.[1] ?? 'NaN');
  return { pair: line.split(';')[0] ?? '', maxAge, attributes: line };
}

export function securityContract(env: SuiteEnv): void {
  const origin = () => new URL(env.server().url).origin;

  it('single GET and POST calls use the documented JSON envelope, and errors carry a domain code', async () => {
    const cities = await rawCall(env, 'catalog.cities', { method: 'GET' });
    expect(cities.status).toBe(200);
    const body = (await cities.json()) as { result: { data: { json: unknown[] } } };
    expect(Array.isArray(body.result.data.json)).toBe(true);
    const movies = await rawCall(env, 'catalog.movies', { method: 'GET', input: { cityId: 'atlantis' } });
    expect(movies.status).toBe(404);
    const error = (await movies.json()) as {
      error: { json: { message: string; data: Record<string, unknown> } };
    };
    expect(error.error.json.data).toMatchObject({
      code: 'NOT_FOUND',
      httpStatus: 404,
      domainCode: 'NOT_FOUND',
    });

    const email = uniqueEmail('raw');
    const registered = await rawCall(env, 'auth.register', {
      method: 'POST',
      input: { email, password: PASSWORD, name: 'Raw Caller' },
      headers: { origin: origin(), 'x-forwarded-for': newBrowser(env).ip },
    });
    expect(registered.status).toBe(200);
    const user = (await registered.json()) as { result: { data: { json: { user: { email: string } } } } };
    expect(user.result.data.json.user.email).toBe(email);
    const cookie = sessionCookieOf(registered);
    expect(cookie.attributes).toMatch(/HttpOnly/i);
    expect(cookie.attributes).toMatch(/SameSite=Lax/i);
    expect(cookie.attributes).toMatch(/Path=\//i);

    const badJson = await rawCall(env, 'auth.login', { method: 'POST', body: '{"json":' });
    expect(badJson.status).toBeGreaterThanOrEqual(400);
    expect(badJson.status).toBeLessThan(500);
    const wrongMethod = await rawCall(env, 'auth.login', {
      method: 'GET',
      input: { email, password: PASSWORD },
    });
    expect(wrongMethod.status).toBe(405);
  });

  it('responses carry no CORS headers and send nosniff, even to a foreign Origin', async () => {
    const response = await rawCall(env, 'catalog.cities', {
      method: 'GET',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a cookie-authenticated mutation from a foreign or missing Origin is FORBIDDEN (CSRF)', async () => {
    const me = await signUp(env, 'csrf');
    const forged = createApiClient({
      url: env.server().url,
      headers: () => ({
        cookie: me.jar.header() ?? '',
        origin: 'https://evil.example',
        'x-forwarded-for': me.ip,
      }),
    });
    await expectApiError(forged.account.update.mutate({ name: 'Hacked' }), 'FORBIDDEN', 'CSRF');
    await expectApiError(forged.auth.logout.mutate(), 'FORBIDDEN', 'CSRF');
    const noOrigin = createApiClient({
      url: env.server().url,
      headers: () => ({ cookie: me.jar.header() ?? '' }),
    });
    await expectApiError(noOrigin.account.update.mutate({ name: 'Hacked' }), 'FORBIDDEN', 'CSRF');
    const viaReferer = createApiClient({
      url: env.server().url,
      headers: () => ({ cookie: me.jar.header() ?? '', referer: `${origin()}/account` }),
    });
    expect((await viaReferer.account.update.mutate({ name: 'Same Site' })).user.name).toBe('Same Site');
    const loginCsrf = newBrowser(env, { origin: 'https://evil.example' });
    await expectApiError(
      loginCsrf.api.auth.login.mutate({ email: me.email, password: PASSWORD }),
      'FORBIDDEN',
      'CSRF',
    );
    expect((await me.api.auth.me.query())?.name).toBe('Same Site');
  });

  it('a stolen session cookie stops working once its owner signs out', async () => {
    const me = await signUp(env, 'stolen');
    const thief = newBrowser(env);
    const [name, value] = (me.jar.header() ?? '').split('=');
    thief.jar.set(name ?? '', value ?? '');
    expect(await thief.api.auth.me.query()).toMatchObject({ id: me.userId });
    await me.api.auth.logout.mutate();
    expect(await thief.api.auth.me.query()).toBeNull();
    await expectApiError(thief.api.booking.list.query(), 'UNAUTHORIZED');
    const forged = newBrowser(env);
    forged.jar.set(name ?? '', 'a'.repeat(40));
    expect(await forged.api.auth.me.query()).toBeNull();
  });

  it('signing in issues a new session id and ends the one the browser had', async () => {
    const me = await signUp(env, 'rotate');
    const before = me.jar.header();
    const stale = newBrowser(env);
    const [name, value] = (before ?? '').split('=');
    stale.jar.set(name ?? '', value ?? '');
    await me.api.auth.login.mutate({ email: me.email, password: PASSWORD });
    expect(me.jar.header()).not.toBe(before);
    expect(await me.api.auth.me.query()).toMatchObject({ id: me.userId });
    expect(await stale.api.auth.me.query()).toBeNull();
  });

  it('a session expires after the idle timeout, and slides forward while it is used', async () => {
    const email = uniqueEmail('idle');
    const browser = newBrowser(env);
    await browser.api.auth.register.mutate({ email, password: PASSWORD, name: 'Idle' });
    const login = await rawCall(env, 'auth.login', {
      method: 'POST',
      input: { email, password: PASSWORD },
      headers: { 'x-forwarded-for': browser.ip },
    });
    const cookie = sessionCookieOf(login);
    expect(cookie.maxAge).toBeGreaterThan(0);
    const idleMs = cookie.maxAge * 1000;
    const user = newBrowser(env);
    const [name, value] = cookie.pair.split('=');
    user.jar.set(name ?? '', value ?? '');
    const clock = env.server().clock;
    const saved = clock.now();
    try {
      clock.advance(idleMs * 0.6);
      expect(await user.api.auth.me.query()).toMatchObject({ email });
      clock.advance(idleMs * 0.6);
      // 1.2 idle windows after sign-in, still valid: the use in between slid the expiry forward.
      expect(await user.api.auth.me.query()).toMatchObject({ email });
      clock.advance(idleMs + 1_000);
      expect(await user.api.auth.me.query()).toBeNull();
      await expectApiError(user.api.booking.list.query(), 'UNAUTHORIZED');
    } finally {
      clock.set(saved);
    }
    expect(await user.api.auth.me.query()).toBeNull();
  });
}
