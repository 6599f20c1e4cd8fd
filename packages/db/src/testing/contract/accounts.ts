import { expect, it } from 'vitest';
import type { FixtureRef } from '../contract.js';
import { freshId, makeUser } from '../fixtures.js';

const MINUTE = 60_000;

export function accountsContract(get: FixtureRef): void {
  it('creates a user once per normalised e-mail and finds them by id and e-mail', async () => {
    const { store } = get();
    const user = makeUser();
    expect(await store.createUser(user)).toEqual({ ok: true, user });
    expect(await store.getUserById(user.id)).toEqual(user);
    expect(await store.getUserByEmail(user.emailNormalized)).toEqual(user);
    const twin = makeUser({ email: user.email.toUpperCase(), emailNormalized: user.emailNormalized });
    expect(await store.createUser(twin)).toEqual({ ok: false, reason: 'EMAIL_TAKEN' });
    expect(await store.getUserById(twin.id)).toBeNull();
    expect(await store.getUserByEmail('nobody@example.test')).toBeNull();
  });

  it('updates only the patched fields of a user and returns null for an unknown user', async () => {
    const { store } = get();
    const user = makeUser();
    await store.createUser(user);
    const updated = await store.updateUser(user.id, {
      name: 'Renamed',
      phone: '+919800000000',
      homeCityId: 'nellore',
    });
    expect(updated).toEqual({ ...user, name: 'Renamed', phone: '+919800000000', homeCityId: 'nellore' });
    expect(await store.getUserById(user.id)).toEqual(updated);
    expect(await store.getUserByEmail(user.emailNormalized)).toEqual(updated);
    expect(await store.updateUser('user_nobody', { name: 'X' })).toBeNull();
  });

  it('creates, reads, extends and deletes sessions', async () => {
    const { store } = get();
    const userId = freshId('user');
    const session = {
      id: freshId('sess'),
      userId,
      expiresAt: '2026-12-02T00:00:00.000Z',
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    await store.createSession(session);
    expect(await store.getSession(session.id)).toEqual(session);
    await store.updateSessionExpiry(session.id, '2026-12-03T00:00:00.000Z');
    expect((await store.getSession(session.id))?.expiresAt).toBe('2026-12-03T00:00:00.000Z');
    await store.deleteSession(session.id);
    expect(await store.getSession(session.id)).toBeNull();
  });

  it("deletes all of a user's sessions except the one kept, and leaves other users' sessions", async () => {
    const { store } = get();
    const userId = freshId('user');
    const other = freshId('user');
    const make = (owner: string) => ({
      id: freshId('sess'),
      userId: owner,
      expiresAt: '2026-12-09T00:00:00.000Z',
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    const [a, b, c, d] = [make(userId), make(userId), make(userId), make(other)];
    for (const s of [a, b, c, d]) await store.createSession(s);
    expect((await store.listUserSessions(userId)).map((s) => s.id).sort()).toEqual([a.id, b.id, c.id].sort());
    await store.deleteUserSessions(userId, b.id);
    expect((await store.listUserSessions(userId)).map((s) => s.id)).toEqual([b.id]);
    await store.deleteUserSessions(userId);
    expect(await store.listUserSessions(userId)).toEqual([]);
    expect(await store.getSession(d.id)).toEqual(d);
  });

  it('deletes expired sessions and keeps live ones', async () => {
    const { store } = get();
    const userId = freshId('user');
    const dead = {
      id: freshId('sess'),
      userId,
      expiresAt: '2026-12-01T05:00:00.000Z',
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    const live = {
      id: freshId('sess'),
      userId,
      expiresAt: '2026-12-01T09:00:00.000Z',
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    await store.createSession(dead);
    await store.createSession(live);
    await store.deleteExpiredSessions('2026-12-01T06:00:00.000Z');
    expect(await store.getSession(dead.id)).toBeNull();
    expect(await store.getSession(live.id)).toEqual(live);
  });

  it('a password reset token can be used once and not after it expires', async () => {
    const { store, clock } = get();
    const now = clock.now();
    const token = {
      tokenHash: freshId('hash'),
      userId: freshId('user'),
      expiresAt: new Date(now.getTime() + 30 * MINUTE).toISOString(),
    };
    await store.createPasswordResetToken(token);
    expect(await store.consumePasswordResetToken(token.tokenHash, now.toISOString())).toEqual(token);
    expect(await store.consumePasswordResetToken(token.tokenHash, now.toISOString())).toBeNull();
    const stale = { ...token, tokenHash: freshId('hash') };
    await store.createPasswordResetToken(stale);
    const after = new Date(now.getTime() + 31 * MINUTE).toISOString();
    expect(await store.consumePasswordResetToken(stale.tokenHash, after)).toBeNull();
    expect(await store.consumePasswordResetToken('unknown', now.toISOString())).toBeNull();
  });

  it('rate limits count hits per fixed window and start again in the next window', async () => {
    const { store } = get();
    const key = `login:${freshId('ip')}`;
    const now = '2026-12-01T10:00:10.000Z';
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await store.hitRateLimit(key, 3, 60, now));
    expect(hits.map((h) => [h.allowed, h.count])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
      [false, 4],
    ]);
    expect(hits[0]?.resetAt).toBe('2026-12-01T10:01:00.000Z');
    expect(await store.hitRateLimit(`login:${freshId('ip')}`, 3, 60, now)).toMatchObject({
      allowed: true,
      count: 1,
    });
    expect(await store.hitRateLimit(key, 3, 60, '2026-12-01T10:01:00.000Z')).toMatchObject({
      allowed: true,
      count: 1,
    });
  });

  it('resetting a rate limit clears the current window', async () => {
    const { store } = get();
    const key = `reset:${freshId('ip')}`;
    const now = '2026-12-01T10:00:10.000Z';
    await store.hitRateLimit(key, 1, 60, now);
    expect((await store.hitRateLimit(key, 1, 60, now)).allowed).toBe(false);
    await store.resetRateLimit(key, now, 60);
    expect(await store.hitRateLimit(key, 1, 60, now)).toMatchObject({ allowed: true, count: 1 });
  });
}
