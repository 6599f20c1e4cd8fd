/** Users, sessions, password-reset tokens and rate-limit counters on SQLite. */

import { SqliteError } from 'better-sqlite3';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { PasswordResetToken, Session, User } from '../domain.js';
import type { CreateUserResult, RateLimitHit, Store } from '../store.js';
import type { Db } from './connection.js';
import { instant } from './instant.js';
import { passwordResetTokens, rateLimits, sessions, users } from './schema.js';

type UserPatch = Parameters<Store['updateUser']>[1];

const toSession = (row: typeof sessions.$inferSelect): Session => ({
  id: row.id,
  userId: row.userId,
  expiresAt: row.expiresAt,
  createdAt: row.createdAt,
});

/** Start of the fixed window containing `now` (windows are aligned to the Unix epoch). */
function windowStart(now: string, windowSeconds: number): number {
  const size = windowSeconds * 1000;
  return Math.floor(new Date(now).getTime() / size) * size;
}

export function accountQueries(db: Db) {
  const userById = (id: string) => db.select({ data: users.data }).from(users).where(eq(users.id, id)).get();

  const consumeToken = db.$client.transaction((tokenHash: string, now: string): PasswordResetToken | null => {
    const row = db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, tokenHash))
      .get();
    if (!row) return null;
    db.delete(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, tokenHash)).run();
    return instant(row.expiresAt) > now
      ? { tokenHash: row.tokenHash, userId: row.userId, expiresAt: row.expiresAt }
      : null;
  });

  const updateUser = db.$client.transaction((userId: string, patch: UserPatch): User | null => {
    const row = userById(userId);
    if (!row) return null;
    const updated: User = { ...(JSON.parse(row.data) as User), ...patch };
    db.update(users)
      .set({ data: JSON.stringify(updated) })
      .where(eq(users.id, userId))
      .run();
    return updated;
  });

  return {
    createUser(user: User): CreateUserResult {
      try {
        db.insert(users)
          .values({ id: user.id, emailNormalized: user.emailNormalized, data: JSON.stringify(user) })
          .run();
        return { ok: true, user };
      } catch (error) {
        // The unique index on email_normalized decides atomically which of two concurrent sign-ups wins.
        if (
          error instanceof SqliteError &&
          error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
          error.message.includes('users.email_normalized')
        ) {
          return { ok: false, reason: 'EMAIL_TAKEN' };
        }
        throw error;
      }
    },
    getUserById(userId: string): User | null {
      const row = userById(userId);
      return row ? (JSON.parse(row.data) as User) : null;
    },
    getUserByEmail(emailNormalized: string): User | null {
      const row = db
        .select({ data: users.data })
        .from(users)
        .where(eq(users.emailNormalized, emailNormalized))
        .get();
      return row ? (JSON.parse(row.data) as User) : null;
    },
    updateUser: (userId: string, patch: UserPatch) => updateUser.immediate(userId, patch),

    createSession(session: Session): void {
      db.insert(sessions).values(session).run();
    },
    getSession(sessionId: string): Session | null {
      const row = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
      return row ? toSession(row) : null;
    },
    updateSessionExpiry(sessionId: string, expiresAt: string): void {
      db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId)).run();
    },
    deleteSession(sessionId: string): void {
      db.delete(sessions).where(eq(sessions.id, sessionId)).run();
    },
    listUserSessions(userId: string): Session[] {
      return db.select().from(sessions).where(eq(sessions.userId, userId)).all().map(toSession);
    },
    deleteUserSessions(userId: string, exceptSessionId?: string): void {
      const mine = eq(sessions.userId, userId);
      db.delete(sessions)
        .where(exceptSessionId ? and(mine, ne(sessions.id, exceptSessionId)) : mine)
        .run();
    },
    deleteExpiredSessions(now: string): void {
      db.delete(sessions)
        .where(sql`${sessions.expiresAt} <= ${instant(now)}`)
        .run();
    },
    createPasswordResetToken(token: PasswordResetToken): void {
      db.insert(passwordResetTokens)
        .values({ ...token, expiresAt: instant(token.expiresAt) })
        .run();
    },
    consumePasswordResetToken: (tokenHash: string, now: string) =>
      consumeToken.immediate(tokenHash, instant(now)),

    hitRateLimit(key: string, limit: number, windowSeconds: number, now: string): RateLimitHit {
      const start = windowStart(now, windowSeconds);
      const startIso = new Date(start).toISOString();
      const row = db
        .insert(rateLimits)
        .values({ key, windowStart: startIso, count: 1 })
        .onConflictDoUpdate({
          target: [rateLimits.key, rateLimits.windowStart],
          set: { count: sql`${rateLimits.count} + 1` },
        })
        .returning({ count: rateLimits.count })
        .get();
      // Old windows of this key are dead weight: drop them as we go.
      db.delete(rateLimits)
        .where(and(eq(rateLimits.key, key), lt(rateLimits.windowStart, startIso)))
        .run();
      return {
        allowed: row.count <= limit,
        count: row.count,
        resetAt: new Date(start + windowSeconds * 1000).toISOString(),
      };
    },
    resetRateLimit(key: string, now: string, windowSeconds: number): void {
      const startIso = new Date(windowStart(now, windowSeconds)).toISOString();
      db.delete(rateLimits)
        .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, startIso)))
        .run();
    },
  };
}
