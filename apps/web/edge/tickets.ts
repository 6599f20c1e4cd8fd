/**
 * Ticket download at the edge: the same view and signed token as on Node (server/tickets.ts), rendered by
 * the workerd-compatible renderer, for a booking the route has already checked the caller owns.
 */
import type { Store } from '@movie-magic/db';
import { buildTicketView, issueTicketToken, type TicketSigner } from '@movie-magic/tickets';
import { renderEdgeTicketPdf } from './ticket-pdf.js';

export function edgeTicketPdfRenderer(store: Store, signer: TicketSigner) {
  return async (bookingId: string): Promise<Uint8Array> => {
    const booking = await store.getBooking(bookingId);
    if (!booking) throw new Error(`booking ${bookingId} not found`);
    const [showtime, movie, theater, user] = await Promise.all([
      store.getShowtime(booking.showtimeId),
      store.getMovie(booking.movieId),
      store.getTheater(booking.theaterId),
      store.getUserById(booking.userId),
    ]);
    if (!showtime || !movie || !theater) throw new Error(`catalog data of booking ${bookingId} is missing`);
    const [screen, city] = await Promise.all([
      store.getScreen(showtime.screenId),
      store.getCity(showtime.cityId),
    ]);
    if (!screen || !city) throw new Error(`screen or city of booking ${bookingId} is missing`);
    const token = await issueTicketToken(booking, signer);
    return renderEdgeTicketPdf(
      buildTicketView({ booking, showtime, movie, theater, screen, city, token, user }),
    );
  };
}
