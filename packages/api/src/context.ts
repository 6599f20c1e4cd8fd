/**
 * The tRPC context: ports injected by the composition root (web app, tests, tools) plus per-request facts.
 * Nothing here imports an adapter; the same code runs on Node and workerd (Web-standard APIs only).
 */
import type { AppConfig } from '@movie-magic/config';
import type { Clock, IdGenerator, Store } from '@movie-magic/db';
import type { Mailer, TicketDispatcher } from '@movie-magic/tickets';
import { createPasswordHasher, type PasswordHasher } from './auth/password.js';
import { createSessionManager, type SessionManager, type ValidSession } from './auth/sessions.js';
import { type PaymentGateway, testCardGateway } from './booking/payment.js';
import { type CatalogLookup, createCachedCatalogLookup } from './lookup.js';

/** Structured logging; the composition root decides where lines go. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The ports the API needs, built once by a composition root. */
export interface ApiDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  /** Told after every commit that wrote a ticket job; returns at once. */
  dispatcher: TicketDispatcher;
  mailer: Mailer;
  config: AppConfig;
  /** Defaults to the test-card gateway. */
  payments?: PaymentGateway;
  /** Defaults to argon2id with OWASP's parameters. */
  passwords?: PasswordHasher;
  logger?: Logger;
  /** Keeps background work (the reset e-mail) alive after the response, e.g. workerd's `ctx.waitUntil`. */
  waitUntil?: (promise: Promise<unknown>) => void;
  /**
   * Ticket public keys accepted by `checkin.scan` (key id -> base64url key), e.g.
   * `loadOrCreateSigningKeys(config).publicKeys` from `@movie-magic/tickets/node`. When absent, the keys
   * derived from `config.tickets` (TICKET_SIGNING_KEY, TICKET_VERIFY_KEYS) are used.
   */
  ticketKeys?: Record<string, string>;
}

/** Per-request facts supplied by the transport (HTTP handler or in-process caller). */
export interface RequestMeta {
  headers: Headers;
  clientIp: string;
  /** Headers to add to the response (Set-Cookie, Retry-After). */
  resHeaders: Headers;
}

interface Services {
  payments: PaymentGateway;
  passwords: PasswordHasher;
  logger: Logger;
  sessions: SessionManager;
  /** Catalog records (showtime, movie, theater, screen, city), cached briefly across requests. */
  catalog: CatalogLookup;
}

export interface Context extends Services {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  dispatcher: TicketDispatcher;
  mailer: Mailer;
  config: AppConfig;
  waitUntil: (promise: Promise<unknown>) => void;
  /** See {@link ApiDeps.ticketKeys}; null means "derive from config". */
  ticketKeys: Record<string, string> | null;
  req: RequestMeta;
  /** The session id from the request's cookie (not yet validated). */
  sessionId: string | null;
  /** Validates the session once per request (lazily: catalog reads never touch the session). */
  getAuth(): Promise<ValidSession | null>;
  /** Replaces the request's auth after login/logout within the same request. */
  setAuth(auth: ValidSession | null): void;
  nowIso(): string;
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };
const services = new WeakMap<ApiDeps, Services>();

function servicesOf(deps: ApiDeps): Services {
  let built = services.get(deps);
  if (!built) {
    built = {
      payments: deps.payments ?? testCardGateway,
      passwords: deps.passwords ?? createPasswordHasher(),
      logger: deps.logger ?? silentLogger,
      sessions: createSessionManager(deps.store, deps.clock, deps.config),
      catalog: createCachedCatalogLookup(deps.store, deps.clock),
    };
    services.set(deps, built);
  }
  return built;
}

export function createContext(deps: ApiDeps, req: RequestMeta): Context {
  const built = servicesOf(deps);
  const sessionId = built.sessions.readSessionId(req.headers.get('cookie'));
  let auth: Promise<ValidSession | null> | null = null;
  return {
    ...built,
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    dispatcher: deps.dispatcher,
    mailer: deps.mailer,
    config: deps.config,
    waitUntil:
      deps.waitUntil ??
      ((promise) => {
        promise.catch(() => {});
      }),
    ticketKeys: deps.ticketKeys ?? null,
    req,
    sessionId,
    getAuth() {
      auth ??= (async () => {
        if (!sessionId) return null;
        const valid = await built.sessions.validate(sessionId);
        if (!valid) req.resHeaders.append('set-cookie', built.sessions.blankCookie());
        else if (valid.setCookie) req.resHeaders.append('set-cookie', valid.setCookie);
        return valid;
      })();
      return auth;
    },
    setAuth(next) {
      auth = Promise.resolve(next);
    },
    nowIso: () => deps.clock.now().toISOString(),
  };
}

/**
 * The client's IP for rate limiting. Behind a trusted proxy (TRUST_PROXY=on) the right-most
 * X-Forwarded-For entry is the address that proxy saw; left-most entries are client-controlled.
 */
export function clientIpOf(headers: Headers, trustProxy: boolean, socketIp: string | undefined): string {
  if (trustProxy) {
    const forwarded = headers.get('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last.slice(0, 64);
  }
  return socketIp ?? 'unknown';
}

/** The context inside `authedProcedure`. */
export type AuthedContext = Context & { user: ValidSession['user']; session: ValidSession['session'] };
