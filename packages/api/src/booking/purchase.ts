/** The booking use cases: hold seats, confirm with payment, cancel. Prices are computed here, never sent in. */
import type { AppConfig } from '@movie-magic/config';
import {
  type BookedSeat,
  type Booking,
  type Hold,
  type Screen,
  type Showtime,
  seatsOfScreen,
} from '@movie-magic/db';
import type { AuthedContext } from '../context.js';
import { fail } from '../errors.js';
import { generateBookingCode } from './code.js';
import { computeAmounts } from './pricing.js';
import { priceOf } from './seat-map.js';
import { cancelDeadline, categoryName, seatLabel } from './view.js';

async function bookableShowtime(
  ctx: AuthedContext,
  showtimeId: string,
): Promise<{ showtime: Showtime; screen: Screen }> {
  const showtime = await ctx.catalog.showtime(showtimeId);
  if (!showtime) fail('NOT_FOUND', `No showtime "${showtimeId}".`);
  const screen = await ctx.catalog.screen(showtime.screenId);
  if (!screen) fail('NOT_FOUND', `No screen for showtime "${showtimeId}".`);
  if (new Date(showtime.startsAt).getTime() <= ctx.clock.now().getTime()) {
    fail('SHOWTIME_STARTED', 'This show has already started.');
  }
  return { showtime, screen };
}

function pricedSeats(showtime: Showtime, screen: Screen, seatIds: string[]): BookedSeat[] {
  const categoryOf = new Map(seatsOfScreen(screen).map((seat) => [seat.id, seat.categoryId]));
  return seatIds.map((id) => {
    const categoryId = categoryOf.get(id) ?? '';
    return { seatId: id, categoryId, price: priceOf(showtime, screen, categoryId) };
  });
}

function seatLines(screen: Screen, seats: BookedSeat[]) {
  return seats.map((seat) => ({
    id: seat.seatId,
    label: seatLabel(seat.seatId),
    categoryId: seat.categoryId,
    category: categoryName(screen, seat.categoryId),
    price: seat.price,
  }));
}

export async function holdSeats(ctx: AuthedContext, input: { showtimeId: string; seatIds: string[] }) {
  const max = ctx.config.booking.maxSeatsPerBooking;
  if (input.seatIds.length === 0) fail('NO_SEATS', 'Choose at least one seat.');
  if (input.seatIds.length > max) fail('TOO_MANY_SEATS', `You can book at most ${max} seats at a time.`);
  if (new Set(input.seatIds).size !== input.seatIds.length)
    fail('DUPLICATE_SEATS', 'A seat is listed twice.');
  const { showtime, screen } = await bookableShowtime(ctx, input.showtimeId);
  const known = new Set(seatsOfScreen(screen).map((seat) => seat.id));
  const unknown = input.seatIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    fail('UNKNOWN_SEATS', `No such seats on this screen: ${unknown.join(', ')}.`, {
      unknownSeatIds: unknown,
    });
  }
  const now = ctx.clock.now();
  const result = await ctx.store.holdSeats({
    holdId: ctx.ids.id('hold'),
    showtimeId: showtime.id,
    userId: ctx.user.id,
    seatIds: input.seatIds,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.config.booking.holdMinutes * 60_000).toISOString(),
  });
  if (!result.ok) {
    if (result.reason === 'SHOWTIME_NOT_FOUND') fail('NOT_FOUND', `No showtime "${input.showtimeId}".`);
    fail('SEAT_UNAVAILABLE', 'Some of these seats were just taken. Choose others.', {
      unavailableSeatIds: result.unavailableSeatIds,
    });
  }
  return holdView(ctx.config.booking, showtime, screen, result.hold);
}

/** A hold as the client sees it: its seats with categories and prices, and the amounts to pay. */
export function holdView(booking: AppConfig['booking'], showtime: Showtime, screen: Screen, hold: Hold) {
  const seats = pricedSeats(showtime, screen, hold.seatIds);
  return {
    holdId: hold.id,
    expiresAt: hold.expiresAt,
    seats: seatLines(screen, seats),
    amounts: computeAmounts(
      seats.map((s) => s.price),
      booking,
    ),
  };
}

async function uniqueBookingCode(ctx: AuthedContext): Promise<string> {
  // 35 random bits: collisions are rare but possible over millions of bookings, so check a few times.
  for (let attempt = 0; attempt < 4; attempt++) {
    const code = generateBookingCode();
    if (!(await ctx.store.getBookingByCode(code))) return code;
  }
  return generateBookingCode();
}

export async function confirmBooking(
  ctx: AuthedContext,
  input: { holdId: string; idempotencyKey: string; payment: { method: 'test-card'; cardNumber: string } },
): Promise<Booking> {
  const now = ctx.clock.now();
  const hold = await ctx.store.getHold(input.holdId);
  const holdUsable =
    hold !== null && hold.userId === ctx.user.id && new Date(hold.expiresAt).getTime() > now.getTime();
  const base = {
    holdId: input.holdId,
    userId: ctx.user.id,
    idempotencyKey: input.idempotencyKey,
    now: now.toISOString(),
    bookingId: ctx.ids.id('bk'),
    ticketJobId: ctx.ids.id('job'),
  };
  if (!hold || !holdUsable) {
    // No charge without a usable hold. The store still answers a replay of an idempotency key whose booking
    // was already written (the hold is gone by then); otherwise it reports why the hold is unusable.
    const replay = await ctx.store.confirmBooking({
      ...base,
      code: 'REPLAY0',
      seats: [],
      amounts: { tickets: 0, fee: 0, tax: 0, total: 0 },
      payment: { method: 'none', reference: 'none', last4: '0000' },
    });
    if (replay.ok) return replay.booking;
    if (replay.reason === 'HOLD_EXPIRED')
      fail('HOLD_EXPIRED', 'Your seats were released because time ran out.');
    fail('HOLD_NOT_FOUND', 'This hold no longer exists. Choose your seats again.');
  }
  const showtime = await ctx.catalog.showtime(hold.showtimeId);
  const screen = showtime ? await ctx.catalog.screen(showtime.screenId) : null;
  if (!showtime || !screen) fail('NOT_FOUND', 'The showtime of this hold no longer exists.');
  const seats = pricedSeats(showtime, screen, hold.seatIds);
  const amounts = computeAmounts(
    seats.map((s) => s.price),
    ctx.config.booking,
  );
  const charge = await ctx.payments.charge({
    amountPaise: amounts.total,
    cardNumber: input.payment.cardNumber,
    idempotencyKey: `${ctx.user.id}:${input.idempotencyKey}`,
  });
  if (!charge.ok) {
    if (charge.reason === 'DECLINED') fail('PAYMENT_DECLINED', charge.message);
    fail('INVALID_CARD', charge.message);
  }
  const result = await ctx.store.confirmBooking({
    ...base,
    code: await uniqueBookingCode(ctx),
    seats,
    amounts,
    payment: { method: charge.method, reference: charge.reference, last4: charge.last4 },
  });
  if (!result.ok) {
    // The hold expired between the check and the write: give the money back.
    await ctx.payments.refund(charge.reference, amounts.total);
    if (result.reason === 'HOLD_EXPIRED')
      fail('HOLD_EXPIRED', 'Your seats were released because time ran out.');
    fail('HOLD_NOT_FOUND', 'This hold no longer exists. Choose your seats again.');
  }
  if (result.replayed && result.booking.payment.reference !== charge.reference) {
    await ctx.payments.refund(charge.reference, amounts.total);
  }
  notifyDispatcher(ctx);
  return result.booking;
}

/** The outbox row is committed; the dispatcher only wakes the relay and never blocks the response. */
function notifyDispatcher(ctx: AuthedContext): void {
  try {
    ctx.dispatcher.notify();
  } catch (error) {
    ctx.logger.warn('ticket dispatcher notify failed; the relay sweep will pick the job up', {
      error: String(error),
    });
  }
}

export async function ownBooking(ctx: AuthedContext, bookingId: string): Promise<Booking> {
  const booking = await ctx.store.getBooking(bookingId);
  // Someone else's booking is indistinguishable from a missing one (no existence oracle).
  if (!booking || booking.userId !== ctx.user.id) fail('NOT_FOUND', 'No such booking.');
  return booking;
}

export async function cancelBooking(ctx: AuthedContext, bookingId: string): Promise<Booking> {
  const booking = await ownBooking(ctx, bookingId);
  const result = await ctx.store.cancelBooking({
    bookingId: booking.id,
    userId: ctx.user.id,
    now: ctx.nowIso(),
    cutoffAt: cancelDeadline(booking.startsAt, ctx.config.booking),
    ticketJobId: ctx.ids.id('job'),
  });
  if (!result.ok) {
    if (result.reason === 'BOOKING_NOT_FOUND') fail('NOT_FOUND', 'No such booking.');
    if (result.reason === 'ALREADY_CANCELLED')
      fail('ALREADY_CANCELLED', 'This booking is already cancelled.');
    fail(
      'CUTOFF_PASSED',
      `Bookings can be cancelled up to ${ctx.config.booking.cancelCutoffMinutes} minutes before the show.`,
    );
  }
  await ctx.payments.refund(booking.payment.reference, booking.amounts.total);
  notifyDispatcher(ctx);
  return result.booking;
}
