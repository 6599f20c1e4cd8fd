/** Session and password behaviour that needs the server's internals (store rows, config) to observe. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@movie-magic/config';
import { ManualClock, randomIds, type Store } from '@movie-magic/db';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashResetToken } from '../src/auth/reset-token.js';
import { type ApiDeps, createPasswordHasher, createServerCaller, handleApiRequest } from '../src/index.js';
import { RecordingMailer } from '../src/testing/index.js';

const ORIGIN = 'https://moviemagic.example';
const PASSWORD = 'interval-ice-cream-2026';
let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mm-api-auth-'));
  store = createSqliteStore({ file: join(dir, 'movie-magic.db') });
  await store.migrate();
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function makeDeps(env: Record<string, string> = {}) {
  const clock = new ManualClock(new Date());
  const mailer = new RecordingMailer();
  let notified = 0;
  const deps: ApiDeps = {
    store,
    clock,
    ids: randomIds,
    mailer,
    dispatcher: {
      notify: () => {
        notified += 1;
      },
    },
    config: parseConfig({ NODE_ENV: 'test', APP_ORIGIN: ORIGIN, ...env }),
  };
  return { deps, clock, mailer, notified: () => notified };
}

/** A browser talking to the in-process caller: keeps the cookie and sends the app's Origin. */
function browser(deps: ApiDeps) {
  let cookie = '';
  return {
    cookie: () => cookie,
    async call<T>(fn: (caller: ReturnType<typeof createServerCaller>['caller']) => Promise<T>) {
      const request = new Request(`${ORIGIN}/account`, { headers: { origin: ORIGIN, cookie } });
      const { caller, responseHeaders } = createServerCaller(deps, request);
      const result = await fn(caller);
      for (const line of responseHeaders.getSetCookie()) {
        const pair = line.split(';')[0] ?? '';
        cookie = pair.endsWith('=') ? '' : pair;
      }
      return { result, setCookies: responseHeaders.getSetCookie() };
    },
  };
}

const email = () => `auth-${crypto.randomUUID().slice(0, 10)}@example.test`;

describe('sessions', () => {
  it('on https the cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/, and HSTS is sent', async () => {
    const { deps } = makeDeps();
    const response = await handleApiRequest(
      new Request(`${ORIGIN}/api/trpc/auth.register`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email: email(), password: PASSWORD, name: 'Secure' } }),
      }),
      deps,
    );
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-mm_session=[a-z2-7]{40};/);
    for (const attribute of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\//i])
      expect(cookie).toMatch(attribute);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('ends a session at its absolute lifetime even while it is in constant use', async () => {
    const { deps, clock } = makeDeps({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '1' });
    const user = browser(deps);
    await user.call((api) => api.auth.register({ email: email(), password: PASSWORD, name: 'Busy' }));
    for (let minute = 10; minute < 60; minute += 10) {
      clock.advance(10 * 60_000);
      expect((await user.call((api) => api.auth.me())).result, `minute ${minute}`).not.toBeNull();
    }
    clock.advance(10 * 60_000);
    expect((await user.call((api) => api.auth.me())).result).toBeNull();
  });

  it('logout deletes the session row on the server and clears the cookie', async () => {
    const { deps } = makeDeps();
    const user = browser(deps);
    await user.call((api) => api.auth.register({ email: email(), password: PASSWORD, name: 'Leaving' }));
    const sessionId = user.cookie().split('=')[1] ?? '';
    expect(await store.getSession(sessionId)).not.toBeNull();
    const { setCookies } = await user.call((api) => api.auth.logout());
    expect(setCookies.some((c) => /Max-Age=0/i.test(c))).toBe(true);
    expect(await store.getSession(sessionId)).toBeNull();
  });

  it('the in-process caller applies the same CSRF rule to a request from a foreign Origin', async () => {
    const { deps } = makeDeps();
    const user = browser(deps);
    await user.call((api) => api.auth.register({ email: email(), password: PASSWORD, name: 'Loader' }));
    const forged = new Request(`${ORIGIN}/account`, {
      headers: { origin: 'https://evil.example', cookie: user.cookie() },
    });
    const { caller } = createServerCaller(deps, forged);
    await expect(caller.account.update({ name: 'Hacked' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await caller.auth.me())?.name).toBe('Loader');
  });
});

describe('passwords', () => {
  it('a login with a hash made with outdated parameters rehashes it with the current ones', async () => {
    const { deps } = makeDeps();
    const address = email();
    const legacy = await createPasswordHasher({ m: 4096, t: 1, p: 1 }).hash(PASSWORD);
    await store.createUser({
      id: randomIds.id('usr'),
      email: address,
      emailNormalized: address,
      name: 'Legacy',
      role: 'customer',
      passwordHash: legacy,
      phone: null,
      homeCityId: null,
      createdAt: new Date().toISOString(),
    });
    await browser(deps).call((api) => api.auth.login({ email: address, password: PASSWORD }));
    const stored = await store.getUserByEmail(address);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await browser(deps).call((api) => api.auth.login({ email: address, password: PASSWORD }));
  });

  it('reset tokens are stored only as their SHA-256 hash and expire after 30 minutes', async () => {
    const { deps, clock, mailer } = makeDeps();
    const address = email();
    await browser(deps).call((api) =>
      api.auth.register({ email: address, password: PASSWORD, name: 'Forgetful' }),
    );
    await browser(deps).call((api) => api.auth.requestPasswordReset({ email: address }));
    await expect.poll(() => mailer.messagesTo(address).length).toBe(1);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mailer.messagesTo(address)[0]?.text ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(await store.consumePasswordResetToken(token, clock.now().toISOString())).toBeNull();
    clock.advance(31 * 60_000);
    await expect(
      browser(deps).call((api) => api.auth.resetPassword({ token, password: 'too-late-for-this-1' })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await store.consumePasswordResetToken(await hashResetToken(token), clock.now().toISOString()),
    ).toBeNull();
  });
});

describe('rate limits', () => {
  it('RATE_LIMITS=off lifts the per-IP limits but keeps the per-account login lock', async () => {
    const { deps } = makeDeps({ RATE_LIMITS: 'off' });
    const address = email();
    await browser(deps).call((api) =>
      api.auth.register({ email: address, password: PASSWORD, name: 'Target' }),
    );
    for (let i = 0; i < 8; i++) {
      await browser(deps).call((api) => api.auth.requestPasswordReset({ email: `flood-${i}@example.test` }));
    }
    for (let i = 0; i < 10; i++) {
      await expect(
        browser(deps).call((api) => api.auth.login({ email: address, password: `wrong-guess-${i}` })),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(
      browser(deps).call((api) => api.auth.login({ email: address, password: PASSWORD })),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe('booking side effects', () => {
  it('confirming tells the ticket dispatcher once, without waiting for delivery', async () => {
    const { deps, notified } = makeDeps();
    const { seedStore } = await import('@movie-magic/db/seed');
    await seedStore(store, { now: deps.clock.now() });
    const user = browser(deps);
    await user.call((api) => api.auth.register({ email: email(), password: PASSWORD, name: 'Buyer' }));
    const { result: cities } = await user.call((api) => api.catalog.cities());
    const cityId = cities[0]?.id ?? '';
    const { result: movies } = await user.call((api) => api.catalog.movies({ cityId }));
    const movieId = movies[0]?.id ?? '';
    const { result: first } = await user.call((api) => api.catalog.showtimes({ movieId, cityId }));
    const { result: listing } = await user.call((api) =>
      api.catalog.showtimes({ movieId, cityId, date: first.days[2]?.date }),
    );
    const showtimeId = listing.theaters[0]?.showtimes[0]?.showtimeId ?? '';
    const { result: map } = await user.call((api) => api.booking.seatMap({ showtimeId }));
    const seat = map.seats.find((s) => s.status === 'available')?.id ?? '';
    const { result: hold } = await user.call((api) => api.booking.hold({ showtimeId, seatIds: [seat] }));
    expect(notified()).toBe(0);
    await user.call((api) =>
      api.booking.confirm({
        holdId: hold.holdId,
        idempotencyKey: `idem-${crypto.randomUUID()}`,
        payment: { method: 'test-card', cardNumber: '4242424242424242' },
      }),
    );
    expect(notified()).toBe(1);
  });
});
