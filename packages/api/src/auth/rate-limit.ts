/**
 * Rate limits, counted in the Store so they hold across instances (fixed windows). Per-IP limits follow
 * OWASP's advice on automated threats and can be switched off for load tests on one machine
 * (RATE_LIMITS=off); the per-account limit on failed logins always applies (ASVS 2.2.1).
 */
import type { Context } from '../context.js';
import { fail } from '../errors.js';

export interface Limit {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const LIMITS = {
  registerPerIp: { name: 'register-ip', limit: 20, windowSeconds: 3_600 },
  loginPerIp: { name: 'login-ip', limit: 60, windowSeconds: 900 },
  resetRequestPerIp: { name: 'reset-ip', limit: 5, windowSeconds: 900 },
  /** Failed logins per account: the 11th attempt within 15 minutes is refused. */
  loginFailuresPerAccount: { name: 'login-account', limit: 10, windowSeconds: 900 },
  /** Reset mails per account: quietly capped so nobody can flood an inbox. */
  resetMailsPerAccount: { name: 'reset-account', limit: 3, windowSeconds: 900 },
} as const satisfies Record<string, Limit>;

function keyOf(limit: Limit, subject: string): string {
  return `${limit.name}:${subject}`;
}

function refuse(ctx: Context, resetAt: string): never {
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((new Date(resetAt).getTime() - ctx.clock.now().getTime()) / 1000),
  );
  ctx.req.resHeaders.set('retry-after', String(retryAfterSeconds));
  fail('RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, {
    retryAfterSeconds,
  });
}

/** Counts one request from the client's IP; throws TOO_MANY_REQUESTS past the limit. No-op when disabled. */
export async function limitByIp(ctx: Context, limit: Limit): Promise<void> {
  if (!ctx.config.rateLimits) return;
  const hit = await ctx.store.hitRateLimit(
    keyOf(limit, ctx.req.clientIp),
    limit.limit,
    limit.windowSeconds,
    ctx.nowIso(),
  );
  if (!hit.allowed) refuse(ctx, hit.resetAt);
}

/** Counts one attempt against an account; throws past the limit. Always on. */
export async function limitByAccount(ctx: Context, limit: Limit, account: string): Promise<void> {
  const hit = await ctx.store.hitRateLimit(
    keyOf(limit, account),
    limit.limit,
    limit.windowSeconds,
    ctx.nowIso(),
  );
  if (!hit.allowed) refuse(ctx, hit.resetAt);
}

/** True when the account is still under the limit (counts the hit, never throws). */
export async function underAccountLimit(ctx: Context, limit: Limit, account: string): Promise<boolean> {
  const hit = await ctx.store.hitRateLimit(
    keyOf(limit, account),
    limit.limit,
    limit.windowSeconds,
    ctx.nowIso(),
  );
  return hit.allowed;
}

export async function resetAccountLimit(ctx: Context, limit: Limit, account: string): Promise<void> {
  await ctx.store.resetRateLimit(keyOf(limit, account), ctx.nowIso(), limit.windowSeconds);
}
