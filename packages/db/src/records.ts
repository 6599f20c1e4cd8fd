/**
 * What a freshly written record looks like, shared by the adapters so both stores write the same shape
 * (the contract suite compares what they return).
 */
import type { Booking, Showtime } from './domain.js';
import type { ConfirmBookingInput } from './store.js';

/** The booking `confirmBooking` writes for a hold on `showtime`, denormalised for listings and tickets. */
export function newConfirmedBooking(input: ConfirmBookingInput, showtime: Showtime, now: string): Booking {
  return {
    id: input.bookingId,
    code: input.code,
    userId: input.userId,
    showtimeId: showtime.id,
    movieId: showtime.movieId,
    theaterId: showtime.theaterId,
    startsAt: showtime.startsAt,
    seats: input.seats,
    amounts: input.amounts,
    status: 'confirmed',
    idempotencyKey: input.idempotencyKey,
    payment: input.payment,
    createdAt: now,
    cancelledAt: null,
    checkedInAt: null,
    version: 1,
  };
}
