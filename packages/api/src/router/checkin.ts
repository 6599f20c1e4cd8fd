/**
 * Check-in at the cinema door (staff and admins only). A scanned QR token is verified offline-style against
 * the ticket public keys (Ed25519, @movie-magic/tickets), then matched against the stored booking: booking
 * id, showtime, seat count and version must all agree. A cancelled booking scans as `cancelled` (its old QR
 * carries an older version, which is exactly the case to report plainly). The store's conditional check-in
 * makes the first scan `ok` and every later one `already_checked_in` with the first time.
 * The manual path takes the booking code printed on the ticket.
 */
import type { AppConfig } from '@movie-magic/config';
import type { Booking } from '@movie-magic/db';
import { type TicketPublicKeys, ticketPublicKeys, verifyTicketToken } from '@movie-magic/tickets';
import { z } from 'zod';
import { BookingView, toBookingView } from '../booking/view.js';
import type { Context } from '../context.js';
import { createCatalogLookup } from '../lookup.js';
import { createTRPCRouter, staffProcedure } from '../trpc.js';

const ScanInput = z.union([
  z.object({ token: z.string().trim().min(1).max(512) }).strict(),
  z
    .object({
      code: z
        .string()
        .trim()
        .max(32)
        .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
        .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, 'must be a booking code such as MM7K2QX')),
    })
    .strict(),
]);

const INVALID_REASONS = ['malformed', 'unknown_key', 'bad_signature', 'unknown_booking', 'mismatch'] as const;

export const CheckInResultView = z.object({
  result: z.enum(['ok', 'already_checked_in', 'invalid', 'cancelled']),
  /** Present except for `invalid`. */
  booking: BookingView.optional(),
  /** The first check-in (for `ok` and `already_checked_in`). */
  checkedInAt: z.string().optional(),
  /** Why a scan is `invalid` (for the staff screen and the logs). */
  reason: z.enum(INVALID_REASONS).optional(),
});
export type CheckInResultView = z.infer<typeof CheckInResultView>;

// Public keys derived from the configured signing key, per config object (derivation is async Web Crypto).
const configuredKeys = new WeakMap<AppConfig, Promise<TicketPublicKeys>>();

/** The keys a scan is checked against: those the composition root passed, else the configured ones. */
function keysOf(ctx: Context): Promise<TicketPublicKeys> {
  if (ctx.ticketKeys) return Promise.resolve(ctx.ticketKeys);
  let keys = configuredKeys.get(ctx.config);
  if (!keys) {
    const { signingKey, signingKeyId, verifyKeys } = ctx.config.tickets;
    keys = ticketPublicKeys(signingKey ? { privateKey: signingKey, keyId: signingKeyId } : null, verifyKeys);
    configuredKeys.set(ctx.config, keys);
  }
  return keys;
}

async function checkIn(ctx: Context, booking: Booking): Promise<CheckInResultView> {
  const now = ctx.clock.now();
  const lookup = createCatalogLookup(ctx.store);
  if (booking.status === 'cancelled') {
    return { result: 'cancelled', booking: await toBookingView(lookup, booking, ctx.config, now) };
  }
  const outcome = await ctx.store.checkIn(booking.id, now.toISOString());
  if (!outcome.ok) return { result: 'invalid', reason: 'unknown_booking' };
  const view = await toBookingView(lookup, outcome.booking, ctx.config, now);
  if (outcome.result === 'cancelled') return { result: 'cancelled', booking: view };
  return { result: outcome.result, booking: view, checkedInAt: outcome.checkedInAt };
}

export const checkinRouter = createTRPCRouter({
  /** `{ token }` from the QR, or `{ code }` typed from the ticket. */
  scan: staffProcedure
    .input(ScanInput)
    .output(CheckInResultView)
    .mutation(async ({ ctx, input }): Promise<CheckInResultView> => {
      if ('code' in input) {
        const booking = await ctx.store.getBookingByCode(input.code);
        if (!booking) return { result: 'invalid', reason: 'unknown_booking' };
        return checkIn(ctx, booking);
      }
      const verified = await verifyTicketToken(input.token, await keysOf(ctx));
      if (!verified.ok) return { result: 'invalid', reason: verified.reason };
      const { payload } = verified;
      const booking = await ctx.store.getBooking(payload.bookingId);
      if (!booking) return { result: 'invalid', reason: 'unknown_booking' };
      if (booking.status === 'cancelled') return checkIn(ctx, booking);
      const matches =
        booking.showtimeId === payload.showtimeId &&
        booking.seats.length === payload.seatCount &&
        booking.version === payload.version;
      if (!matches) {
        ctx.logger.warn('ticket token does not match its booking', {
          bookingId: booking.id,
          keyId: verified.keyId,
        });
        return { result: 'invalid', reason: 'mismatch' };
      }
      return checkIn(ctx, booking);
    }),
});
