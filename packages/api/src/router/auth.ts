/** Sign-up, sign-in, sign-out, the current user, and the password-reset flow. */
import { z } from 'zod';
import {
  login,
  logout,
  register,
  requestPasswordReset,
  resetPassword,
  toUserView,
  UserView,
} from '../auth/account.js';
import { emailInput, nameInput, passwordInput } from '../inputs.js';
import { createTRPCRouter, publicProcedure } from '../trpc.js';

const Ok = z.object({ ok: z.literal(true) });

export const authRouter = createTRPCRouter({
  register: publicProcedure
    .input(z.object({ email: emailInput, password: passwordInput, name: nameInput }))
    .output(z.object({ user: UserView }))
    .mutation(async ({ ctx, input }) => ({ user: toUserView(await register(ctx, input)) })),

  login: publicProcedure
    .input(z.object({ email: emailInput, password: passwordInput }))
    .output(z.object({ user: UserView }))
    .mutation(async ({ ctx, input }) => ({ user: toUserView(await login(ctx, input)) })),

  logout: publicProcedure.output(Ok).mutation(async ({ ctx }) => {
    await logout(ctx);
    return { ok: true as const };
  }),

  me: publicProcedure.output(UserView.nullable()).query(async ({ ctx }) => {
    const auth = await ctx.getAuth();
    return auth ? toUserView(auth.user) : null;
  }),

  requestPasswordReset: publicProcedure
    .input(z.object({ email: emailInput }))
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx, input);
      return { ok: true as const };
    }),

  resetPassword: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200), password: passwordInput }))
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx, input);
      return { ok: true as const };
    }),
});
