/**
 * Helpers for the HTTP contract suite: simulated browsers (each with its own cookie jar and client IP),
 * sign-up, typed error assertions, raw fetch calls, and catalog discovery through the API itself.
 */
import type { ManualClock } from '@movie-magic/db';
import type { MailMessage } from '@movie-magic/tickets';
import { expect } from 'vitest';
import { type ApiClient, CookieJar, createApiClient, isApiError } from '../client.js';

/** What a server under test exposes to the suite. */
export interface ApiContractServer {
  /** The API endpoint, e.g. `http://127.0.0.1:4000/api/trpc`. APP_ORIGIN must be this URL's origin. */
  url: string;
  close(): Promise<void>;
  /** The server's injected clock: expiry tests move it (and put it back). */
  clock: ManualClock;
  /** The mail the server sent (the reset link is read from here). */
  mailbox: { messagesTo(email: string): MailMessage[] };
}

export interface Browser {
  api: ApiClient;
  jar: CookieJar;
  ip: string;
}

export interface SuiteEnv {
  server(): ApiContractServer;
}

let ipCounter = 0;

/**
 * A fresh client with its own cookies and its own client IP. The server must run with TRUST_PROXY=on so the
 * X-Forwarded-For header (addresses from the benchmarking range 198.18.0.0/15, RFC 2544; only a header) keeps per-IP limits per browser.
 */
export function newBrowser(env: SuiteEnv, extraHeaders: Record<string, string> = {}): Browser {
  ipCounter += 1;
  const ip = `198.18.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
  const jar = new CookieJar();
  const api = createApiClient({
    url: env.server().url,
    cookieJar: jar,
    headers: { 'x-forwarded-for': ip, ...extraHeaders },
  });
  return { api, jar, ip };
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${crypto.randomUUID().slice(0, 12)}@example.test`;
}

export const PASSWORD = 'popcorn-balcony-matinee-42';

export async function signUp(
  env: SuiteEnv,
  tag = 'user',
): Promise<Browser & { email: string; userId: string }> {
  const browser = newBrowser(env);
  const email = uniqueEmail(tag);
  const { user } = await browser.api.auth.register.mutate({ email, password: PASSWORD, name: `Test ${tag}` });
  return { ...browser, email, userId: user.id };
}

/** Awaits a call that must fail, checks its tRPC code and domain code, and returns the error's data. */
export async function expectApiError(
  call: Promise<unknown>,
  code: string,
  domainCode?: string,
): Promise<Record<string, unknown>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).not.toBeNull();
  if (!isApiError(error)) throw error;
  const data = (error.data ?? {}) as Record<string, unknown>;
  expect({ code: data.code, domainCode: domainCode ? data.domainCode : undefined }).toEqual({
    code,
    domainCode,
  });
  expect(Number(data.httpStatus)).toBeLessThan(500);
  return data;
}

/** A plain fetch of a single, non-batched tRPC call. */
export async function rawCall(
  env: SuiteEnv,
  procedure: string,
  init: { method: 'GET' | 'POST'; input?: unknown; body?: string; headers?: Record<string, string> },
): Promise<Response> {
  const base = env.server().url;
  if (init.method === 'GET') {
    const query =
      init.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: init.input }))}`;
    return fetch(`${base}/${procedure}${query}`, { headers: init.headers });
  }
  return fetch(`${base}/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ?? JSON.stringify({ json: init.input }),
  });
}

export interface ShowtimeRef {
  showtimeId: string;
  startsAt: string;
}

/**
 * Bookable showtimes found by browsing the API (cities -> movies -> showtimes by day), starting at least
 * `minHoursAhead` after the server's clock, sorted by start. Each test takes its own so tests never share seats.
 */
const pickers = new WeakMap<SuiteEnv, () => Promise<ShowtimeRef>>();

/** The suite-wide picker: every call returns a showtime no other test has used. */
export function nextShowtime(env: SuiteEnv): Promise<ShowtimeRef> {
  let picker = pickers.get(env);
  if (!picker) {
    picker = createShowtimePicker(env);
    pickers.set(env, picker);
  }
  return picker();
}

function createShowtimePicker(env: SuiteEnv, minHoursAhead = 6) {
  let pool: ShowtimeRef[] | null = null;
  let next = 0;
  async function discover(): Promise<ShowtimeRef[]> {
    const api = newBrowser(env).api;
    const cutoff = env.server().clock.now().getTime() + minHoursAhead * 3_600_000;
    const found = new Map<string, ShowtimeRef>();
    for (const city of await api.catalog.cities.query()) {
      for (const movie of await api.catalog.movies.query({ cityId: city.id })) {
        const first = await api.catalog.showtimes.query({ movieId: movie.id, cityId: city.id });
        for (const day of first.days) {
          const listing =
            day.date === first.date
              ? first
              : await api.catalog.showtimes.query({ movieId: movie.id, cityId: city.id, date: day.date });
          for (const theater of listing.theaters) {
            for (const s of theater.showtimes) {
              if (new Date(s.startsAt).getTime() > cutoff) found.set(s.showtimeId, s);
            }
          }
          if (found.size >= 60) break;
        }
        if (found.size >= 60) break;
      }
      if (found.size >= 60) break;
    }
    return [...found.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }
  return async (): Promise<ShowtimeRef> => {
    pool ??= await discover();
    const picked = pool[next];
    next += 1;
    if (!picked)
      throw new Error(`The server under test has fewer than ${next} bookable showtimes: seed it first.`);
    return picked;
  };
}

/** The first `count` available seats of a showtime, as the seat map lists them. */
export async function availableSeats(api: ApiClient, showtimeId: string, count: number): Promise<string[]> {
  const map = await api.booking.seatMap.query({ showtimeId });
  const seats = map.seats.filter((s) => s.status === 'available').map((s) => s.id);
  if (seats.length < count) throw new Error(`Showtime ${showtimeId} has fewer than ${count} free seats.`);
  return seats.slice(0, count);
}

/** Runs `body` with the server clock moved, then puts the clock back where it was. */
export async function withClockAt<T>(env: SuiteEnv, instant: Date, body: () => Promise<T>): Promise<T> {
  const clock = env.server().clock;
  const saved = clock.now();
  clock.set(instant);
  try {
    return await body();
  } finally {
    clock.set(saved);
  }
}

export const GOOD_CARD = '4242 4242 4242 4242';
export const DECLINED_CARD = '4000 0000 0000 0002';

export function idempotencyKey(): string {
  return `idem-${crypto.randomUUID()}`;
}
