/**
 * /bookings/<id>/ticket.pdf: the ticket of a booking, to its owner only. Ownership is checked by the API
 * (`booking.get` answers NOT_FOUND for someone else's booking), so a stranger gets the same 404 as for a
 * booking that does not exist.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { attempt } from '../lib/api.server.js';
import { requireUser } from '../lib/auth.server.js';

export async function loader(args: LoaderFunctionArgs) {
  const { caller } = await requireUser(args);
  const render = args.context.services.renderTicketPdf;
  const result = await attempt(() => caller.booking.get({ bookingId: args.params.bookingId ?? '' }));
  if (!result.ok || !render || result.value.booking.status !== 'confirmed') {
    return new Response('Ticket not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  }
  const { booking } = result.value;
  const pdf = await render(booking.id);
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="MovieMagic-${booking.code}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
