/** Reads a booking and everything its ticket shows from the Store, and signs its token: the one way to a view. */
import type { Store } from '@movie-magic/db';
import { issueTicketToken, type TicketSigner } from '../token.js';
import { buildTicketView, type TicketView } from './view.js';

export type LoadTicketViewResult = { ok: true; view: TicketView } | { ok: false; reason: string };

/**
 * The ticket view of a booking as it is now (its current version goes into the token). Used by the worker
 * (e-mail) and by the web app's ticket download; the caller checks ownership first.
 */
export async function loadTicketView(
  store: Store,
  bookingId: string,
  signer: TicketSigner,
): Promise<LoadTicketViewResult> {
  const booking = await store.getBooking(bookingId);
  if (!booking) return { ok: false, reason: `booking ${bookingId} not found` };
  const [showtime, movie, theater, user] = await Promise.all([
    store.getShowtime(booking.showtimeId),
    store.getMovie(booking.movieId),
    store.getTheater(booking.theaterId),
    store.getUserById(booking.userId),
  ]);
  if (!showtime || !movie || !theater || !user) {
    return { ok: false, reason: `catalog data of booking ${booking.id} is missing` };
  }
  const [screen, city] = await Promise.all([
    store.getScreen(showtime.screenId),
    store.getCity(showtime.cityId),
  ]);
  if (!screen || !city) return { ok: false, reason: `screen or city of booking ${booking.id} is missing` };
  const token = await issueTicketToken(booking, signer);
  return {
    ok: true,
    view: buildTicketView({ booking, showtime, movie, theater, screen, city, token, user }),
  };
}
