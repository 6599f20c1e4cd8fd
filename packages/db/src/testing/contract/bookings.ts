import { expect, it } from 'vitest';
import type { Booking } from '../../domain.js';
import type { ManualClock } from '../../ports.js';
import type { Store } from '../../store.js';
import type { FixtureRef } from '../contract.js';
import { confirmInputFor, createShow, freshId, holdWindow, type ShowFixture } from '../fixtures.js';

const MINUTE = 60_000;

async function holdFor(
  store: Store,
  clock: ManualClock,
  show: ShowFixture,
  userId: string,
  seatIds: string[],
) {
  const result = await store.holdSeats({
    holdId: freshId('hold'),
    showtimeId: show.showtime.id,
    userId,
    seatIds,
    ...holdWindow(clock),
  });
  if (!result.ok) throw new Error(`hold failed: ${result.reason}`);
  return result.hold;
}

async function book(
  store: Store,
  clock: ManualClock,
  show: ShowFixture,
  userId: string,
  seatIds: string[],
): Promise<Booking> {
  const hold = await holdFor(store, clock, show, userId, seatIds);
  const result = await store.confirmBooking(confirmInputFor(hold, show, clock));
  if (!result.ok) throw new Error(`confirm failed: ${result.reason}`);
  return result.booking;
}

export function bookingsContract(get: FixtureRef): void {
  it('confirming a hold sells its seats, writes the booking and enqueues its ticket job together', async () => {
    const { store, clock, backdoor } = get();
    const show = await createShow(store, clock);
    const hold = await holdFor(store, clock, show, 'user_b1', ['A-3', 'A-4']);
    const versionBefore = (await store.getSeatMap(show.showtime.id, clock.now().toISOString()))?.version ?? 0;
    const input = confirmInputFor(hold, show, clock);
    const result = await store.confirmBooking(input);
    if (!result.ok) throw new Error(result.reason);
    expect(result.replayed).toBe(false);
    expect(result.booking).toMatchObject({
      id: input.bookingId,
      code: input.code,
      userId: 'user_b1',
      showtimeId: show.showtime.id,
      movieId: show.movie.id,
      theaterId: show.theater.id,
      startsAt: show.showtime.startsAt,
      seats: input.seats,
      amounts: input.amounts,
      status: 'confirmed',
      idempotencyKey: input.idempotencyKey,
      payment: input.payment,
      createdAt: input.now,
      cancelledAt: null,
      checkedInAt: null,
    });
    expect(await store.getBooking(input.bookingId)).toEqual(result.booking);
    const now = clock.now().toISOString();
    const map = await store.getSeatMap(show.showtime.id, now, 'user_b1');
    expect(map?.version).toBeGreaterThan(versionBefore);
    expect(map?.taken).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ seatId: 'A-3', status: 'sold', bookingId: input.bookingId }),
        expect.objectContaining({ seatId: 'A-4', status: 'sold', bookingId: input.bookingId }),
      ]),
    );
    expect(map?.taken).toHaveLength(2);
    const stored = await backdoor.seatOwners(show.showtime.id);
    expect(stored.get('A-3')).toMatchObject({
      status: 'sold',
      userId: 'user_b1',
      bookingId: input.bookingId,
    });
    expect(await store.getHold(hold.id)).toBeNull();
    const job = await store.getTicketJob(input.ticketJobId);
    expect(job).toMatchObject({ kind: 'ticket', bookingId: input.bookingId, state: 'pending', attempts: 0 });
    const due = await store.listDueTicketJobs(now, 1000);
    expect(due.map((j) => j.id)).toContain(input.ticketJobId);
  });

  it('refuses to confirm an unknown, foreign or expired hold with the matching reason', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const hold = await holdFor(store, clock, show, 'user_b2', ['B-1']);
    const base = confirmInputFor(hold, show, clock);
    expect(await store.confirmBooking({ ...base, holdId: 'hold_nope' })).toEqual({
      ok: false,
      reason: 'HOLD_NOT_FOUND',
    });
    expect(await store.confirmBooking({ ...base, userId: 'user_mallory' })).toEqual({
      ok: false,
      reason: 'HOLD_NOT_OWNED',
    });
    clock.advance(8 * MINUTE);
    const late = { ...base, now: clock.now().toISOString() };
    expect(await store.confirmBooking(late)).toEqual({ ok: false, reason: 'HOLD_EXPIRED' });
    expect(await store.getBooking(base.bookingId)).toBeNull();
    expect(await store.getTicketJob(base.ticketJobId)).toBeNull();
  });

  it('confirming again with the same idempotency key returns the first booking, also much later', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const hold = await holdFor(store, clock, show, 'user_b3', ['C-2', 'C-3']);
    const input = confirmInputFor(hold, show, clock);
    const first = await store.confirmBooking(input);
    if (!first.ok) throw new Error(first.reason);
    const retry = { ...input, bookingId: freshId('bk'), code: 'MMRETRY1', ticketJobId: freshId('job') };
    expect(await store.confirmBooking(retry)).toEqual({ ok: true, booking: first.booking, replayed: true });
    clock.advance(20 * MINUTE);
    const later = await store.confirmBooking({ ...retry, now: clock.now().toISOString() });
    expect(later).toEqual({ ok: true, booking: first.booking, replayed: true });
    expect(await store.getBooking(retry.bookingId)).toBeNull();
    expect(await store.getTicketJob(retry.ticketJobId)).toBeNull();
    expect((await store.listBookingsByUser('user_b3')).map((b) => b.id)).toEqual([first.booking.id]);
  });

  it('only the owner can cancel, only before the cut-off, and cancelling frees the seats', async () => {
    const { store, clock, backdoor } = get();
    const show = await createShow(store, clock, { startsInHours: 5 });
    const booking = await book(store, clock, show, 'user_b4', ['A-8', 'A-9']);
    const now = clock.now().toISOString();
    const cutoffAt = new Date(new Date(show.showtime.startsAt).getTime() - 120 * MINUTE).toISOString();
    const base = { bookingId: booking.id, userId: 'user_b4', now, cutoffAt, ticketJobId: freshId('job') };
    expect(await store.cancelBooking({ ...base, userId: 'user_mallory' })).toEqual({
      ok: false,
      reason: 'BOOKING_NOT_FOUND',
    });
    expect(await store.cancelBooking({ ...base, bookingId: 'bk_nope' })).toEqual({
      ok: false,
      reason: 'BOOKING_NOT_FOUND',
    });
    const tooLate = new Date(new Date(cutoffAt).getTime() + MINUTE).toISOString();
    expect(await store.cancelBooking({ ...base, now: tooLate })).toEqual({
      ok: false,
      reason: 'CUTOFF_PASSED',
    });
    const versionBefore = (await store.getSeatMap(show.showtime.id, now))?.version ?? 0;

    const result = await store.cancelBooking(base);
    if (!result.ok) throw new Error(result.reason);
    expect(result.booking).toMatchObject({
      id: booking.id,
      status: 'cancelled',
      cancelledAt: now,
      version: booking.version + 1,
    });
    expect(await store.getBooking(booking.id)).toEqual(result.booking);
    const map = await store.getSeatMap(show.showtime.id, now);
    expect(map?.taken).toEqual([]);
    expect(map?.version).toBeGreaterThan(versionBefore);
    expect((await backdoor.seatOwners(show.showtime.id)).size).toBe(0);
    expect(await store.getTicketJob(base.ticketJobId)).toMatchObject({
      kind: 'cancellation',
      bookingId: booking.id,
      state: 'pending',
    });
    expect(await store.cancelBooking({ ...base, ticketJobId: freshId('job') })).toEqual({
      ok: false,
      reason: 'ALREADY_CANCELLED',
    });
    const again = await store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_b5',
      seatIds: ['A-8'],
      ...holdWindow(clock),
    });
    expect(again.ok).toBe(true);
  });

  it("lists a user's bookings newest first and honours the limit", async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const user = freshId('user');
    const first = await book(store, clock, show, user, ['B-1']);
    clock.advance(MINUTE);
    const second = await book(store, clock, show, user, ['B-2']);
    clock.advance(MINUTE);
    const third = await book(store, clock, show, user, ['B-3']);
    await book(store, clock, show, freshId('user'), ['B-4']);
    expect((await store.listBookingsByUser(user)).map((b) => b.id)).toEqual([third.id, second.id, first.id]);
    expect((await store.listBookingsByUser(user, 2)).map((b) => b.id)).toEqual([third.id, second.id]);
    expect(await store.listBookingsByUser(freshId('user'))).toEqual([]);
  });

  it('finds a booking by its code', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const booking = await book(store, clock, show, 'user_b6', ['C-6']);
    expect(await store.getBookingByCode(booking.code)).toEqual(booking);
    expect(await store.getBookingByCode('MMNOPE00')).toBeNull();
  });

  it('checks a booking in once and reports the first check-in time afterwards', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const booking = await book(store, clock, show, 'user_b7', ['A-10']);
    const first = clock.now().toISOString();
    const ok = await store.checkIn(booking.id, first);
    expect(ok).toMatchObject({
      ok: true,
      result: 'ok',
      checkedInAt: first,
      booking: { id: booking.id, checkedInAt: first },
    });
    clock.advance(3 * MINUTE);
    const again = await store.checkIn(booking.id, clock.now().toISOString());
    expect(again).toMatchObject({ ok: true, result: 'already_checked_in', checkedInAt: first });
    expect(await store.checkIn('bk_nope', first)).toEqual({ ok: false, reason: 'BOOKING_NOT_FOUND' });
  });

  it('a cancelled booking cannot be checked in', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const booking = await book(store, clock, show, 'user_b8', ['C-10']);
    const now = clock.now().toISOString();
    await store.cancelBooking({
      bookingId: booking.id,
      userId: 'user_b8',
      now,
      cutoffAt: show.showtime.startsAt,
      ticketJobId: freshId('job'),
    });
    const result = await store.checkIn(booking.id, now);
    expect(result).toMatchObject({ ok: true, result: 'cancelled', booking: { status: 'cancelled' } });
    expect((await store.getBooking(booking.id))?.checkedInAt).toBeNull();
  });
}
