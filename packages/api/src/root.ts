/**
 * The application router. Each domain has its own router file; the check-in router from
 * @movie-magic/tickets plugs in at the marked slot.
 */
import { accountRouter } from './router/account.js';
import { adminRouter } from './router/admin.js';
import { authRouter } from './router/auth.js';
import { bookingRouter } from './router/booking.js';
import { catalogRouter } from './router/catalog.js';
import { checkinRouter } from './router/checkin.js';
import { createTRPCRouter } from './trpc.js';

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  booking: bookingRouter,
  auth: authRouter,
  account: accountRouter,
  checkin: checkinRouter,
  admin: adminRouter,
});

/** The router's type: the only thing clients import to get end-to-end types. */
export type AppRouter = typeof appRouter;
