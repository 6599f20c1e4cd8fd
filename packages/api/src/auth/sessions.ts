/**
 * Sessions on lucia v3, with ONE adapter over the Store port (so both stores work unchanged).
 *
 * Policy (OWASP ASVS 3.3): an idle timeout of `config.session.idleMinutes`, sliding (lucia extends a session
 * that is used in the second half of its window), and an absolute lifetime of `config.session.absoluteHours`
 * counted from the session's creation, checked on every read. The cookie is HttpOnly, SameSite=Lax, Path=/,
 * and `Secure` with the `__Host-` prefix when the app is served over https.
 *
 * lucia reads the wall clock (Date.now) for its expiry decisions. The adapter translates instants between
 * the injected Clock and the wall clock, so expiry follows the injected Clock (tests move it without sleeping).
 */
import type { AppConfig } from '@movie-magic/config';
import type { Clock, Session, Store, User } from '@movie-magic/db';
import { type Adapter, type DatabaseSession, type DatabaseUser, Lucia, TimeSpan } from 'lucia';

declare module 'lucia' {
  interface Register {
    Lucia: Lucia<{ createdAt: string }, { record: User }>;
    DatabaseUserAttributes: { record: User };
    DatabaseSessionAttributes: { createdAt: string };
  }
}

const MINUTE = 60_000;

class StoreSessionAdapter implements Adapter {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly absoluteMs: number,
  ) {}

  /** Wall-clock ms minus injected-clock ms; zero in production where the Clock is the system clock. */
  private skew(): number {
    return Date.now() - this.clock.now().getTime();
  }

  private toWall(iso: string): Date {
    return new Date(new Date(iso).getTime() + this.skew());
  }

  private fromWall(date: Date): string {
    return new Date(date.getTime() - this.skew()).toISOString();
  }

  private toDatabaseSession(session: Session): DatabaseSession {
    return {
      id: session.id,
      userId: session.userId,
      expiresAt: this.toWall(session.expiresAt),
      attributes: { createdAt: session.createdAt },
    };
  }

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const session = await this.store.getSession(sessionId);
    if (!session) return [null, null];
    const now = this.clock.now().getTime();
    if (new Date(session.createdAt).getTime() + this.absoluteMs <= now) {
      await this.store.deleteSession(session.id);
      return [null, null];
    }
    const user = await this.store.getUserById(session.userId);
    return [this.toDatabaseSession(session), user ? { id: user.id, attributes: { record: user } } : null];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    return (await this.store.listUserSessions(userId)).map((s) => this.toDatabaseSession(s));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.store.createSession({
      id: session.id,
      userId: session.userId,
      expiresAt: this.fromWall(session.expiresAt),
      createdAt: session.attributes.createdAt,
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.store.updateSessionExpiry(sessionId, this.fromWall(expiresAt));
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.store.deleteSession(sessionId);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.store.deleteUserSessions(userId);
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.store.deleteExpiredSessions(this.clock.now().toISOString());
  }
}

/** A validated session and its user; `setCookie` is set when the cookie must be re-sent (slid forward). */
export interface ValidSession {
  session: Session;
  user: User;
  setCookie: string | null;
}

/** Everything the API needs from sessions; the only module that touches lucia. */
export interface SessionManager {
  readonly cookieName: string;
  /** The session id from a `Cookie` header, or null. */
  readSessionId(cookieHeader: string | null): string | null;
  validate(sessionId: string): Promise<ValidSession | null>;
  /** A new session (new id: ASVS 3.2.1) and its Set-Cookie value. */
  create(userId: string): Promise<{ session: Session; setCookie: string }>;
  invalidate(sessionId: string): Promise<void>;
  /** Ends every session of the user, or every one except `exceptSessionId`. */
  invalidateUser(userId: string, exceptSessionId?: string): Promise<void>;
  /** A Set-Cookie value that removes the cookie. */
  blankCookie(): string;
}

export function createSessionManager(store: Store, clock: Clock, config: AppConfig): SessionManager {
  const adapter = new StoreSessionAdapter(store, clock, config.session.absoluteHours * 60 * MINUTE);
  const lucia = new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(config.session.idleMinutes, 'm'),
    sessionCookie: {
      // The __Host- prefix makes browsers refuse the cookie unless it is Secure, Path=/ and has no Domain.
      name: config.secureCookies ? '__Host-mm_session' : 'mm_session',
      attributes: { secure: config.secureCookies, sameSite: 'lax', path: '/' },
    },
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
    getUserAttributes: (attributes) => ({ record: attributes.record }),
  });
  const toSession = (s: { id: string; userId: string; expiresAt: Date; createdAt: string }): Session => ({
    id: s.id,
    userId: s.userId,
    createdAt: s.createdAt,
    expiresAt: new Date(s.expiresAt.getTime() - (Date.now() - clock.now().getTime())).toISOString(),
  });
  return {
    cookieName: lucia.sessionCookieName,
    readSessionId: (cookieHeader) => (cookieHeader ? lucia.readSessionCookie(cookieHeader) : null),
    async validate(sessionId) {
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session || !user) return null;
      return {
        session: toSession(session),
        user: user.record,
        setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
      };
    },
    async create(userId) {
      const session = await lucia.createSession(userId, { createdAt: clock.now().toISOString() });
      return { session: toSession(session), setCookie: lucia.createSessionCookie(session.id).serialize() };
    },
    invalidate: (sessionId) => lucia.invalidateSession(sessionId),
    async invalidateUser(userId, exceptSessionId) {
      await store.deleteUserSessions(userId, exceptSessionId);
    },
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
  };
}
