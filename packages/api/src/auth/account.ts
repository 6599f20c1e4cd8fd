/** Account use cases behind the auth and account routers: register, log in, reset and change passwords. */
import type { User } from '@movie-magic/db';
import { z } from 'zod';
import type { AuthedContext, Context } from '../context.js';
import { fail } from '../errors.js';
import { normalizeEmail } from '../inputs.js';
import { passwordProblem } from './policy.js';
import { LIMITS, limitByAccount, limitByIp, resetAccountLimit, underAccountLimit } from './rate-limit.js';
import { generateResetToken, hashResetToken, RESET_TOKEN_MINUTES, resetEmail } from './reset-token.js';

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['customer', 'staff', 'admin']),
  phone: z.string().nullable(),
  homeCityId: z.string().nullable(),
});
export type UserView = z.infer<typeof UserView>;

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    phone: user.phone,
    homeCityId: user.homeCityId,
  };
}

async function assertPasswordPolicy(password: string): Promise<void> {
  const problem = await passwordProblem(password);
  if (problem) fail(problem.code, problem.message);
}

/** A fresh session id on every sign-in (ASVS 3.2.1); any session the request carried ends. */
async function startSession(ctx: Context, user: User): Promise<void> {
  if (ctx.sessionId) await ctx.sessions.invalidate(ctx.sessionId);
  const { session, setCookie } = await ctx.sessions.create(user.id);
  ctx.req.resHeaders.append('set-cookie', setCookie);
  ctx.setAuth({ session, user, setCookie: null });
}

export async function register(ctx: Context, input: { email: string; password: string; name: string }) {
  await limitByIp(ctx, LIMITS.registerPerIp);
  await assertPasswordPolicy(input.password);
  const result = await ctx.store.createUser({
    id: ctx.ids.id('usr'),
    email: input.email.trim(),
    emailNormalized: normalizeEmail(input.email),
    name: input.name,
    role: 'customer',
    passwordHash: await ctx.passwords.hash(input.password),
    phone: null,
    homeCityId: null,
    createdAt: ctx.nowIso(),
  });
  if (!result.ok)
    fail('EMAIL_TAKEN', 'An account with this e-mail already exists. Sign in or reset your password.');
  await startSession(ctx, result.user);
  return result.user;
}

const INVALID_CREDENTIALS = 'Wrong e-mail or password.';

export async function login(ctx: Context, input: { email: string; password: string }) {
  await limitByIp(ctx, LIMITS.loginPerIp);
  const email = normalizeEmail(input.email);
  // Counts every attempt and is reset on success: effectively 10 consecutive failures per window.
  await limitByAccount(ctx, LIMITS.loginFailuresPerAccount, email);
  const user = await ctx.store.getUserByEmail(email);
  if (!user) {
    // Same work and the same answer as a wrong password, so responses do not reveal which e-mails exist.
    await ctx.passwords.verifyDummy(input.password);
    fail('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
  }
  const verdict = await ctx.passwords.verify(user.passwordHash, input.password);
  if (!verdict.ok) fail('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
  await resetAccountLimit(ctx, LIMITS.loginFailuresPerAccount, email);
  let current = user;
  if (verdict.needsRehash) {
    current =
      (await ctx.store.updateUser(user.id, { passwordHash: await ctx.passwords.hash(input.password) })) ??
      user;
  }
  await startSession(ctx, current);
  return current;
}

export async function logout(ctx: Context): Promise<void> {
  if (ctx.sessionId) await ctx.sessions.invalidate(ctx.sessionId);
  ctx.req.resHeaders.append('set-cookie', ctx.sessions.blankCookie());
  ctx.setAuth(null);
}

export async function requestPasswordReset(ctx: Context, input: { email: string }): Promise<void> {
  await limitByIp(ctx, LIMITS.resetRequestPerIp);
  const email = normalizeEmail(input.email);
  // Everything after the IP limit runs in the background, so the response time is the same whether or not
  // the account exists (no enumeration by timing either).
  ctx.waitUntil(
    (async () => {
      const user = await ctx.store.getUserByEmail(email);
      if (!user || !(await underAccountLimit(ctx, LIMITS.resetMailsPerAccount, email))) return;
      const token = generateResetToken();
      const now = ctx.clock.now();
      await ctx.store.createPasswordResetToken({
        tokenHash: await hashResetToken(token),
        userId: user.id,
        expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000).toISOString(),
      });
      await ctx.mailer.send({ to: user.email, ...resetEmail(ctx.config.appOrigin, user.name, token) });
    })().catch((error: unknown) => {
      ctx.logger.error('password reset e-mail failed', { error: String(error) });
    }),
  );
}

export async function resetPassword(ctx: Context, input: { token: string; password: string }): Promise<void> {
  await assertPasswordPolicy(input.password);
  const token = await ctx.store.consumePasswordResetToken(await hashResetToken(input.token), ctx.nowIso());
  if (!token) fail('RESET_TOKEN_INVALID', 'This reset link is invalid or has expired. Ask for a new one.');
  const user = await ctx.store.updateUser(token.userId, {
    passwordHash: await ctx.passwords.hash(input.password),
  });
  if (!user) fail('RESET_TOKEN_INVALID', 'This reset link is invalid or has expired. Ask for a new one.');
  await ctx.sessions.invalidateUser(user.id);
  await resetAccountLimit(ctx, LIMITS.loginFailuresPerAccount, user.emailNormalized);
}

export async function changePassword(
  ctx: AuthedContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  await limitByAccount(ctx, LIMITS.loginFailuresPerAccount, ctx.user.emailNormalized);
  const verdict = await ctx.passwords.verify(ctx.user.passwordHash, input.currentPassword);
  if (!verdict.ok) fail('WRONG_PASSWORD', 'The current password is not correct.');
  await resetAccountLimit(ctx, LIMITS.loginFailuresPerAccount, ctx.user.emailNormalized);
  await assertPasswordPolicy(input.newPassword);
  await ctx.store.updateUser(ctx.user.id, { passwordHash: await ctx.passwords.hash(input.newPassword) });
  // ASVS 3.3.3: a password change ends the user's other sessions; this one stays signed in.
  await ctx.sessions.invalidateUser(ctx.user.id, ctx.session.id);
}
