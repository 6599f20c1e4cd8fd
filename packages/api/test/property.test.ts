/**
 * Property tests: hostile input to every procedure (wrong types, huge and odd Unicode strings,
 * prototype-pollution keys, negative numbers, bad dates, broken envelopes) gets a typed 4xx, never a 500,
 * and never changes state. Driven over HTTP against the real server on SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/client.js';
import { appRouter } from '../src/root.js';
import { startTestServer, type TestServer } from './harness.js';

type Kind = 'query' | 'mutation';
const PROCEDURES: Record<string, { kind: Kind; keys: string[] }> = {
  'catalog.movies': { kind: 'query', keys: ['cityId'] },
  'catalog.movie': { kind: 'query', keys: ['movieId'] },
  'catalog.showtimes': { kind: 'query', keys: ['movieId', 'cityId', 'date'] },
  'booking.seatMap': { kind: 'query', keys: ['showtimeId'] },
  'booking.seatMapVersion': { kind: 'query', keys: ['showtimeId'] },
  'booking.hold': { kind: 'mutation', keys: ['showtimeId', 'seatIds'] },
  'booking.release': { kind: 'mutation', keys: ['holdId'] },
  'booking.confirm': { kind: 'mutation', keys: ['holdId', 'idempotencyKey', 'payment'] },
  'booking.get': { kind: 'query', keys: ['bookingId'] },
  'booking.cancel': { kind: 'mutation', keys: ['bookingId'] },
  'auth.register': { kind: 'mutation', keys: ['email', 'password', 'name'] },
  'auth.login': { kind: 'mutation', keys: ['email', 'password'] },
  'auth.requestPasswordReset': { kind: 'mutation', keys: ['email'] },
  'auth.resetPassword': { kind: 'mutation', keys: ['token', 'password'] },
  'account.update': { kind: 'mutation', keys: ['name', 'phone', 'homeCityId'] },
  'account.changePassword': { kind: 'mutation', keys: ['currentPassword', 'newPassword'] },
  'checkin.scan': { kind: 'mutation', keys: ['token', 'code'] },
  'admin.ticketJobs.parked': { kind: 'query', keys: ['limit'] },
  'admin.ticketJobs.retry': { kind: 'mutation', keys: ['jobId'] },
};
const NO_INPUT: Record<string, Kind> = {
  'catalog.cities': 'query',
  'auth.me': 'query',
  'booking.list': 'query',
};

/**
 * Values invalid for every field of every procedure: no field accepts numbers or booleans, and strings are
 * longer than any field allows (query ids allow 64 characters, bodies 512). Query strings stay shorter so the
 * URL fits Node's 16 KiB header limit (beyond it Node itself answers 431 before the API sees the request).
 */
function hostileValue(kind: Kind) {
  const [min, max] = kind === 'query' ? [100, 180] : [600, 900];
  return fc.oneof(
    fc.integer({ min: -1_000_000_000, max: -1 }),
    fc.double(),
    fc.boolean(),
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ unit: 'binary', minLength: min, maxLength: max }),
    fc.constantFrom(
      'A-1'.repeat(min),
      '2026-02-30'.repeat(min / 10),
      '\u0000\u202e\ud83c\udfac'.repeat(min / 4),
    ),
    fc.array(fc.oneof(fc.integer({ max: -1 }), fc.constant({ $gt: '' })), { minLength: 1, maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'prototype', '$where'),
      fc.jsonValue({ maxDepth: 2 }),
      {
        minKeys: 1,
      },
    ),
  );
}

const pollution = fc.constantFrom(
  '',
  '"__proto__":{"polluted":"yes","isAdmin":true},',
  '"constructor":{"prototype":{"polluted":"yes"}},',
  '"__proto__":[],"prototype":null,',
);

function hostileInput(kind: Kind, keys: string[]) {
  return fc
    .tuple(fc.tuple(...keys.map(() => hostileValue(kind))), pollution)
    .map(
      ([values, extra]) =>
        `{${extra}${keys.map((key, i) => `${JSON.stringify(key)}:${JSON.stringify(values[i])}`).join(',')}}`,
    );
}

/** Procedures left out of the hostile-input runs, with the reason. */
const EXCLUDED: Record<string, string> = {
  'auth.logout': 'takes no input, and ending the session is the state change it exists for',
};

it('covers every procedure of the router (or says why not)', () => {
  const covered = [...Object.keys(PROCEDURES), ...Object.keys(NO_INPUT), ...Object.keys(EXCLUDED)].sort();
  expect(Object.keys(appRouter._def.procedures).sort()).toEqual(covered);
});

describe('hostile input over HTTP', { timeout: 120_000 }, () => {
  let server: TestServer;
  let dir: string;
  let cookie = '';
  let showtimeId = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mm-api-prop-'));
    const store = createSqliteStore({ file: join(dir, 'movie-magic.db') });
    await store.migrate();
    server = await startTestServer(store);
    const api = createApiClient({ url: server.url, cookieJar: true });
    const email = `prop-${crypto.randomUUID()}@example.test`;
    const res = await fetch(`${server.url}/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify({ json: { email, password: 'hostile-input-tester-1', name: 'Prop' } }),
    });
    cookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const [city] = await api.catalog.cities.query();
    const [movie] = await api.catalog.movies.query({ cityId: city?.id ?? '' });
    const { days } = await api.catalog.showtimes.query({ movieId: movie?.id ?? '', cityId: city?.id ?? '' });
    const listing = await api.catalog.showtimes.query({
      movieId: movie?.id ?? '',
      cityId: city?.id ?? '',
      date: days[1]?.date,
    });
    showtimeId = listing.theaters[0]?.showtimes[0]?.showtimeId ?? '';
    expect(cookie).toMatch(/session=/);
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function call(procedure: string, kind: Kind, jsonText: string, envelope = true): Promise<Response> {
    const body = envelope ? `{"json":${jsonText}}` : jsonText;
    const headers = { cookie, origin: server.origin, 'content-type': 'application/json' };
    if (kind === 'query') {
      return fetch(`${server.url}/${procedure}?input=${encodeURIComponent(body)}`, { headers });
    }
    return fetch(`${server.url}/${procedure}`, { method: 'POST', headers, body });
  }

  async function snapshot() {
    const api = createApiClient({ url: server.url, headers: { cookie, origin: server.origin } });
    const [me, list, map] = await Promise.all([
      api.auth.me.query(),
      api.booking.list.query(),
      api.booking.seatMap.query({ showtimeId }),
    ]);
    return {
      me,
      bookings: [...list.upcoming, ...list.past].map((b) => [b.id, b.status]),
      version: map.version,
      taken: map.seats.filter((s) => s.status !== 'available').map((s) => [s.id, s.status]),
      cities: (await api.catalog.cities.query()).length,
      mails: server.mailbox.messages.length,
      notifications: server.notifications(),
    };
  }

  async function expectTypedClientError(response: Response): Promise<void> {
    expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { error?: { json?: { data?: { domainCode?: string } } } };
    expect(body.error?.json?.data?.domainCode).toEqual(expect.any(String));
  }

  for (const [procedure, { kind, keys }] of Object.entries(PROCEDURES)) {
    it(`${procedure}: hostile field values get a typed 4xx and change nothing`, async () => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(hostileInput(kind, keys), async (jsonText) => {
          await expectTypedClientError(await call(procedure, kind, jsonText));
        }),
        { numRuns: 25 },
      );
      expect(await snapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('broken envelopes and arbitrary JSON never yield a 500 and change nothing', async () => {
    const before = await snapshot();
    const names = [
      ...Object.keys(PROCEDURES).filter((p) => p !== 'account.update'),
      ...Object.keys(NO_INPUT),
    ];
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => JSON.stringify({ json: v, meta: { values: { __proto__: ['undefined'] } } })),
      fc.constantFrom(
        '{"json":{},"meta":{"values":{"__proto__.polluted":["undefined"]}}}',
        '{"json":{"a":1},"meta":{"values":{"a":["Date"]}}}',
        '{"json":"x","meta":{"values":["bigint"]}}',
        '{"json":{"constructor":{"prototype":{"polluted":1}}},"meta":{"referentialEqualities":{"constructor":["__proto__"]}}}',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), body, async (procedure, raw) => {
        const kind = PROCEDURES[procedure]?.kind ?? NO_INPUT[procedure] ?? 'query';
        const response = await call(procedure, kind, raw, false);
        expect(response.status, `${procedure} ${raw}: ${await response.clone().text()}`).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a body over 64 KiB is refused with 413 before it is parsed', async () => {
    const response = await call('auth.login', 'mutation', JSON.stringify({ email: 'a'.repeat(70_000) }));
    expect(response.status).toBe(413);
    await expectTypedClientError(response);
  });
});
