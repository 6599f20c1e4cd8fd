/**
 * Bookings on SQLite: confirm and cancel each run in ONE `BEGIN IMMEDIATE` transaction that touches the
 * seats, the booking, the idempotency record, the ticket outbox and the seat-map version together.
 */
import type { Booking, Showtime } from '../domain.js';
import { StoreError } from '../errors.js';
import { newConfirmedBooking } from '../records.js';
import type {
  CancelBookingInput,
  CancelBookingResult,
  CheckInResult,
  ConfirmBookingInput,
  ConfirmBookingResult,
} from '../store.js';
import type { Db } from './connection.js';
import { instant } from './instant.js';
import { lazy } from './lazy.js';

interface HoldRow {
  id: string;
  showtime_id: string;
  user_id: string;
  seat_ids: string;
  expires_at: string;
}

export function bookingQueries(db: Db) {
  const client = db.$client;
  const bookingData = lazy(() =>
    client.prepare<[string], { data: string }>('select data from bookings where id = ?'),
  );
  const bookingDataByCode = lazy(() =>
    client.prepare<[string], { data: string }>('select data from bookings where code = ?'),
  );
  const bookingsOfUser = lazy(() =>
    client.prepare<[string, number], { data: string }>(
      `select b.data from user_bookings u join bookings b on b.id = u.booking_id
       where u.user_id = ? order by u.created_at desc, u.booking_id desc limit ?`,
    ),
  );
  const idempotentBooking = lazy(() =>
    client.prepare<[string, string], { data: string }>(
      `select b.data from user_bookings u join bookings b on b.id = u.booking_id
       where u.user_id = ? and u.idempotency_key = ?`,
    ),
  );
  const holdById = lazy(() =>
    client.prepare<[string], HoldRow>(
      'select id, showtime_id, user_id, seat_ids, expires_at from holds where id = ?',
    ),
  );
  const showtimeData = lazy(() =>
    client.prepare<[string], { data: string }>('select data from showtimes where id = ?'),
  );
  const sellHeldSeats = lazy(() =>
    client.prepare<[string, string, string]>(
      "update seats set status = 'sold', booking_id = ?, hold_id = null, expires_at = null where showtime_id = ? and hold_id = ? and status = 'held'",
    ),
  );
  const insertBooking = lazy(() =>
    client.prepare<[string, string, string, string, string]>(
      'insert into bookings (id, code, showtime_id, user_id, data) values (?, ?, ?, ?, ?)',
    ),
  );
  const updateBooking = lazy(() =>
    client.prepare<[string, string]>('update bookings set data = ? where id = ?'),
  );
  const insertUserBooking = lazy(() =>
    client.prepare<[string, string, string, string]>(
      'insert into user_bookings (user_id, idempotency_key, booking_id, created_at) values (?, ?, ?, ?)',
    ),
  );
  const insertJob = lazy(() =>
    client.prepare<[string, string, string, string, string, string]>(
      `insert into ticket_jobs (id, kind, booking_id, state, attempts, next_attempt_at, last_error, created_at, updated_at, lease_owner, lease_expires_at)
     values (?, ?, ?, 'pending', 0, ?, null, ?, ?, null, null)`,
    ),
  );
  const deleteHold = lazy(() => client.prepare<[string]>('delete from holds where id = ?'));
  const freeBookingSeats = lazy(() =>
    client.prepare<[string, string]>(
      "delete from seats where showtime_id = ? and booking_id = ? and status = 'sold'",
    ),
  );
  const bumpVersion = lazy(() =>
    client.prepare<[string]>('update showtimes set version = version + 1 where id = ?'),
  );

  const parse = (row: { data: string } | undefined): Booking | null =>
    row ? (JSON.parse(row.data) as Booking) : null;

  const confirm = client.transaction((input: ConfirmBookingInput): ConfirmBookingResult => {
    const earlier = parse(idempotentBooking().get(input.userId, input.idempotencyKey));
    if (earlier) return { ok: true, booking: earlier, replayed: true };
    const now = instant(input.now);
    const hold = holdById().get(input.holdId);
    if (!hold) return { ok: false, reason: 'HOLD_NOT_FOUND' };
    if (hold.user_id !== input.userId) return { ok: false, reason: 'HOLD_NOT_OWNED' };
    if (hold.expires_at <= now) return { ok: false, reason: 'HOLD_EXPIRED' };
    const showtimeRow = showtimeData().get(hold.showtime_id);
    if (!showtimeRow)
      throw new StoreError('INVARIANT_BROKEN', `hold ${hold.id} points at a missing showtime`);
    const showtime = JSON.parse(showtimeRow.data) as Showtime;
    const seatCount = (JSON.parse(hold.seat_ids) as string[]).length;
    const sold = sellHeldSeats().run(input.bookingId, hold.showtime_id, hold.id);
    if (sold.changes !== seatCount) {
      throw new StoreError(
        'INVARIANT_BROKEN',
        `hold ${hold.id} owned ${sold.changes} of its ${seatCount} seats`,
      );
    }
    const booking = newConfirmedBooking(input, showtime, now);
    insertBooking().run(
      booking.id,
      booking.code,
      booking.showtimeId,
      booking.userId,
      JSON.stringify(booking),
    );
    insertUserBooking().run(input.userId, input.idempotencyKey, booking.id, now);
    insertJob().run(input.ticketJobId, 'ticket', booking.id, now, now, now);
    deleteHold().run(hold.id);
    bumpVersion().run(hold.showtime_id);
    return { ok: true, booking, replayed: false };
  });

  const cancel = client.transaction((input: CancelBookingInput): CancelBookingResult => {
    const booking = parse(bookingData().get(input.bookingId));
    if (!booking || booking.userId !== input.userId) return { ok: false, reason: 'BOOKING_NOT_FOUND' };
    if (booking.status === 'cancelled') return { ok: false, reason: 'ALREADY_CANCELLED' };
    const now = instant(input.now);
    if (now > instant(input.cutoffAt)) return { ok: false, reason: 'CUTOFF_PASSED' };
    const cancelled: Booking = {
      ...booking,
      status: 'cancelled',
      cancelledAt: now,
      version: booking.version + 1,
    };
    freeBookingSeats().run(booking.showtimeId, booking.id);
    updateBooking().run(JSON.stringify(cancelled), booking.id);
    insertJob().run(input.ticketJobId, 'cancellation', booking.id, now, now, now);
    bumpVersion().run(booking.showtimeId);
    return { ok: true, booking: cancelled };
  });

  const checkIn = client.transaction((bookingId: string, now: string): CheckInResult => {
    const booking = parse(bookingData().get(bookingId));
    if (!booking) return { ok: false, reason: 'BOOKING_NOT_FOUND' };
    if (booking.status === 'cancelled') return { ok: true, result: 'cancelled', booking };
    if (booking.checkedInAt)
      return { ok: true, result: 'already_checked_in', booking, checkedInAt: booking.checkedInAt };
    const checkedIn: Booking = { ...booking, checkedInAt: now };
    updateBooking().run(JSON.stringify(checkedIn), bookingId);
    return { ok: true, result: 'ok', booking: checkedIn, checkedInAt: now };
  });

  return {
    confirmBooking: (input: ConfirmBookingInput) => confirm.immediate(input),
    cancelBooking: (input: CancelBookingInput) => cancel.immediate(input),
    checkIn: (bookingId: string, now: string) => checkIn.immediate(bookingId, instant(now)),
    getBooking: (bookingId: string) => parse(bookingData().get(bookingId)),
    getBookingByCode: (code: string) => parse(bookingDataByCode().get(code)),
    listBookingsByUser: (userId: string, limit?: number) =>
      bookingsOfUser()
        .all(userId, limit ?? -1)
        .map((row) => JSON.parse(row.data) as Booking),
  };
}
