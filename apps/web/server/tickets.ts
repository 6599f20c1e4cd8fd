/**
 * Ticket download on Node: the same view, token and PDF renderer the e-mail worker uses, for a booking the
 * route has already checked the caller owns (through `booking.get`).
 */
import type { Store } from '@movie-magic/db';
import { loadTicketView, type TicketPdfRenderer, type TicketSigner } from '@movie-magic/tickets';

export function ticketPdfRenderer(store: Store, signer: TicketSigner, renderer: TicketPdfRenderer) {
  return async (bookingId: string): Promise<Uint8Array> => {
    const loaded = await loadTicketView(store, bookingId, signer);
    if (!loaded.ok) throw new Error(loaded.reason);
    return renderer.render(loaded.view);
  };
}
