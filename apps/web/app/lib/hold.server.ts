import { redirect } from '@remix-run/node';
import { attempt, notFoundUnless, type RouteArgs } from './api.server.js';
import { requireUser } from './auth.server.js';

/**
 * The signed-in user's live hold on a showtime, read from the seat map (`myHold`). When there is none (it
 * expired, or was never taken) the user goes back to the seat map with the reason shown there.
 */
export async function requireHold(args: RouteArgs & { params: { showtimeId?: string } }) {
  const { user, caller, headers } = await requireUser(args);
  const showtimeId = args.params.showtimeId ?? '';
  const map = await attempt(() => caller.booking.seatMap({ showtimeId }));
  if (!map.ok) notFoundUnless(map.failure, 'Showtime');
  const hold = map.value.myHold;
  const now = args.context.deps.clock.now().getTime();
  if (!hold || new Date(hold.expiresAt).getTime() <= now) {
    throw redirect(`/showtimes/${encodeURIComponent(showtimeId)}?reason=expired`, { headers });
  }
  // The API prices the hold (seats, fee, GST, total) exactly as booking.confirm will charge it.
  const byId = new Map(map.value.seats.map((s) => [s.id, s]));
  const seats = hold.seatIds.map((id) => byId.get(id)).filter((s): s is NonNullable<typeof s> => Boolean(s));
  return {
    user,
    caller,
    headers,
    showtime: map.value.showtime,
    hold: {
      holdId: hold.holdId,
      expiresAt: hold.expiresAt,
      remainingMs: new Date(hold.expiresAt).getTime() - now,
    },
    seats,
    amounts: hold.amounts,
    gstPercent: args.context.deps.config.booking.gstBasisPoints / 100,
  };
}
