/** The signed-in user's profile and password. */
import { z } from 'zod';
import { changePassword, toUserView, UserView } from '../auth/account.js';
import { fail } from '../errors.js';
import { idInput, nameInput, passwordInput } from '../inputs.js';
import { authedProcedure, createTRPCRouter } from '../trpc.js';

const phoneInput = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+?[0-9][0-9 -]{5,18}$/, 'must be a phone number such as +91 98765 43210');

export const accountRouter = createTRPCRouter({
  update: authedProcedure
    .input(
      z.object({
        name: nameInput.optional(),
        phone: phoneInput.nullable().optional(),
        homeCityId: idInput.nullable().optional(),
      }),
    )
    .output(z.object({ user: UserView }))
    .mutation(async ({ ctx, input }) => {
      if (input.homeCityId && !(await ctx.store.getCity(input.homeCityId))) {
        fail('UNKNOWN_CITY', `No city "${input.homeCityId}".`);
      }
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.homeCityId !== undefined ? { homeCityId: input.homeCityId } : {}),
      };
      const user = Object.keys(patch).length > 0 ? await ctx.store.updateUser(ctx.user.id, patch) : ctx.user;
      if (!user) fail('NOT_FOUND', 'This account no longer exists.');
      return { user: toUserView(user) };
    }),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: passwordInput, newPassword: passwordInput }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx, input);
      return { ok: true as const };
    }),
});
