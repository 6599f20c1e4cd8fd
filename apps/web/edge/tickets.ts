/**
 * Ticket download at the edge: the same view and signed token as on Node (server/tickets.ts), rendered by
 * the workerd-compatible renderer, for a booking the route has already checked the caller owns.
 */
import type { Store } from '@movie-magic/db';
import { loadTicketView, type TicketSigner } from '@movie-magic/tickets';
import { renderEdgeTicketPdf } from './ticket-pdf.js';

export function edgeTicketPdfRenderer(store: Store, signer: TicketSigner) {
  return async (bookingId: string): Promise<Uint8Array> => {
    const loaded = await loadTicketView(store, bookingId, signer);
    if (!loaded.ok) throw new Error(loaded.reason);
    return renderEdgeTicketPdf(loaded.view);
  };
}
