/** Contract tests: the booking journey and every booking error, over HTTP through the typed client. */
import { expect, it } from 'vitest';
import { SeatMapView } from '../booking/seat-map.js';
import {
  availableSeats,
  DECLINED_CARD,
  expectApiError,
  GOOD_CARD,
  idempotencyKey,
  newBrowser,
  nextShowtime as pickShowtime,
  type SuiteEnv,
  signUp,
  withClockAt,
} from './kit.js';

const BOOKING_CODE = /^[A-HJ-NP-Z2-9]{7}$/;

export function bookingContract(env: SuiteEnv): void {
  const nextShowtime = () => pickShowtime(env);

  it('a moviegoer registers, browses, holds seats, pays, sees, cancels the booking and signs out', async () => {
    const me = await signUp(env, 'journey');
    const cities = await me.api.catalog.cities.query();
    expect(cities.length).toBeGreaterThan(0);
    expect(cities[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      timeZone: expect.any(String),
    });
    const ref = await nextShowtime();
    const map = await me.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    // seatMap skips run-time output validation (the hot path), so the contract checks the schema here.
    expect(SeatMapView.strict().safeParse(map).error).toBeUndefined();
    expect(map.showtime).toMatchObject({ id: ref.showtimeId, startsAt: ref.startsAt });
    expect(map.categories.length).toBeGreaterThan(0);
    expect(map.rows.flatMap((row) => row.cells.filter(Boolean))).toHaveLength(map.seats.length);
    const seatIds = await availableSeats(me.api, ref.showtimeId, 2);

    const hold = await me.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds });
    const priceOf = new Map(map.seats.map((s) => [s.id, s.price]));
    expect(hold.amounts.tickets).toBe(seatIds.reduce((sum, id) => sum + (priceOf.get(id) ?? 0), 0));
    expect(hold.amounts.fee % 2).toBe(0);
    expect(hold.amounts.total).toBe(hold.amounts.tickets + hold.amounts.fee + hold.amounts.tax);
    const held = await me.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    expect(held.seats.filter((s) => seatIds.includes(s.id)).map((s) => s.status)).toEqual(['mine', 'mine']);
    expect(held.myHold?.holdId).toBe(hold.holdId);
    expect(SeatMapView.strict().safeParse(held).error).toBeUndefined();
    // The seat map prices the viewer's hold exactly as booking.hold did (the review page shows this).
    expect(held.myHold?.amounts).toEqual(hold.amounts);
    expect(held.myHold?.seats).toEqual(hold.seats);

    const { booking } = await me.api.booking.confirm.mutate({
      holdId: hold.holdId,
      idempotencyKey: idempotencyKey(),
      payment: { method: 'test-card', cardNumber: GOOD_CARD },
    });
    expect(booking).toMatchObject({ status: 'confirmed', amounts: hold.amounts, payment: { last4: '4242' } });
    expect(booking.code).toMatch(BOOKING_CODE);
    expect(booking.seats.map((s) => s.id).sort()).toEqual([...seatIds].sort());
    const other = newBrowser(env);
    const seenByOthers = await other.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    expect(seenByOthers.seats.filter((s) => seatIds.includes(s.id)).map((s) => s.status)).toEqual([
      'sold',
      'sold',
    ]);

    const list = await me.api.booking.list.query();
    expect(list.upcoming.map((b) => b.id)).toContain(booking.id);
    expect((await me.api.booking.get.query({ bookingId: booking.id })).booking.code).toBe(booking.code);

    const cancelled = await me.api.booking.cancel.mutate({ bookingId: booking.id });
    expect(cancelled.booking.status).toBe('cancelled');
    const freed = await other.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    expect(freed.seats.filter((s) => seatIds.includes(s.id)).map((s) => s.status)).toEqual([
      'available',
      'available',
    ]);

    expect(await me.api.auth.logout.mutate()).toEqual({ ok: true });
    expect(await me.api.auth.me.query()).toBeNull();
    await expectApiError(me.api.booking.list.query(), 'UNAUTHORIZED');
  });

  it("another user's booking is NOT_FOUND, for reading and for cancelling", async () => {
    const owner = await signUp(env, 'owner');
    const ref = await nextShowtime();
    const hold = await owner.api.booking.hold.mutate({
      showtimeId: ref.showtimeId,
      seatIds: await availableSeats(owner.api, ref.showtimeId, 1),
    });
    const { booking } = await owner.api.booking.confirm.mutate({
      holdId: hold.holdId,
      idempotencyKey: idempotencyKey(),
      payment: { method: 'test-card', cardNumber: GOOD_CARD },
    });
    const intruder = await signUp(env, 'intruder');
    await expectApiError(intruder.api.booking.get.query({ bookingId: booking.id }), 'NOT_FOUND', 'NOT_FOUND');
    await expectApiError(
      intruder.api.booking.cancel.mutate({ bookingId: booking.id }),
      'NOT_FOUND',
      'NOT_FOUND',
    );
    await expectApiError(
      intruder.api.booking.confirm.mutate({
        holdId: hold.holdId,
        idempotencyKey: idempotencyKey(),
        payment: { method: 'test-card', cardNumber: GOOD_CARD },
      }),
      'PRECONDITION_FAILED',
    );
    expect((await owner.api.booking.get.query({ bookingId: booking.id })).booking.status).toBe('confirmed');
  });

  it('a declined card is PAYMENT_REQUIRED and the hold stays, so another card can still pay', async () => {
    const me = await signUp(env, 'declined');
    const ref = await nextShowtime();
    const seatIds = await availableSeats(me.api, ref.showtimeId, 2);
    const hold = await me.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds });
    const pay = (cardNumber: string) =>
      me.api.booking.confirm.mutate({
        holdId: hold.holdId,
        idempotencyKey: idempotencyKey(),
        payment: { method: 'test-card', cardNumber },
      });
    await expectApiError(pay(DECLINED_CARD), 'PAYMENT_REQUIRED', 'PAYMENT_DECLINED');
    await expectApiError(pay('5555 5555 5555 4444'), 'BAD_REQUEST', 'INVALID_CARD');
    const map = await me.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    expect(map.seats.filter((s) => seatIds.includes(s.id)).every((s) => s.status === 'mine')).toBe(true);
    expect((await pay('4242424242424242')).booking.status).toBe('confirmed');
  });

  it('an expired hold cannot be confirmed (PRECONDITION_FAILED) and its seats are free again', async () => {
    const me = await signUp(env, 'expired');
    const ref = await nextShowtime();
    const seatIds = await availableSeats(me.api, ref.showtimeId, 1);
    const hold = await me.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds });
    await withClockAt(env, new Date(new Date(hold.expiresAt).getTime() + 1_000), async () => {
      const error = await expectApiError(
        me.api.booking.confirm.mutate({
          holdId: hold.holdId,
          idempotencyKey: idempotencyKey(),
          payment: { method: 'test-card', cardNumber: GOOD_CARD },
        }),
        'PRECONDITION_FAILED',
      );
      expect(['HOLD_EXPIRED', 'HOLD_NOT_FOUND']).toContain(error.domainCode);
      const other = await signUp(env, 'next-in-line');
      const again = await other.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds });
      expect(again.seats.map((s) => s.id)).toEqual(seatIds);
    });
  });

  it('holding no seats, more than the maximum, duplicates or seats not on the screen is BAD_REQUEST', async () => {
    const me = await signUp(env, 'limits');
    const ref = await nextShowtime();
    const map = await me.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    const hold = (seatIds: string[]) => me.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds });
    await expectApiError(hold([]), 'BAD_REQUEST', 'NO_SEATS');
    const tooMany = map.seats.slice(0, map.maxSeatsPerBooking + 1).map((s) => s.id);
    await expectApiError(hold(tooMany), 'BAD_REQUEST', 'TOO_MANY_SEATS');
    const first = map.seats[0]?.id ?? '';
    await expectApiError(hold([first, first]), 'BAD_REQUEST', 'DUPLICATE_SEATS');
    const data = await expectApiError(hold([first, 'ZZ-99']), 'BAD_REQUEST', 'UNKNOWN_SEATS');
    expect(data.unknownSeatIds).toEqual(['ZZ-99']);
    await expectApiError(hold(['not a seat']), 'BAD_REQUEST', 'INVALID_INPUT');
  });

  it('a seat someone else holds is CONFLICT naming the unavailable seats, and nothing is held', async () => {
    const first = await signUp(env, 'first');
    const second = await signUp(env, 'second');
    const ref = await nextShowtime();
    const [a, b, c] = await availableSeats(first.api, ref.showtimeId, 3);
    await first.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds: [a ?? '', b ?? ''] });
    const data = await expectApiError(
      second.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds: [b ?? '', c ?? ''] }),
      'CONFLICT',
      'SEAT_UNAVAILABLE',
    );
    expect(data.unavailableSeatIds).toEqual([b]);
    const map = await second.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    expect(map.seats.find((s) => s.id === c)?.status).toBe('available');
    expect(map.seats.find((s) => s.id === b)?.status).toBe('held');
  });

  it('a show that has started cannot be held (PRECONDITION_FAILED)', async () => {
    const ref = await nextShowtime();
    await withClockAt(env, new Date(new Date(ref.startsAt).getTime() + 60_000), async () => {
      const late = await signUp(env, 'late');
      const map = await late.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
      expect(map.bookable).toBe(false);
      const seat = map.seats.find((s) => s.status === 'available')?.id ?? '';
      await expectApiError(
        late.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds: [seat] }),
        'PRECONDITION_FAILED',
        'SHOWTIME_STARTED',
      );
    });
  });

  it('confirming twice with the same idempotencyKey returns the same booking', async () => {
    const me = await signUp(env, 'idem');
    const ref = await nextShowtime();
    const hold = await me.api.booking.hold.mutate({
      showtimeId: ref.showtimeId,
      seatIds: await availableSeats(me.api, ref.showtimeId, 2),
    });
    const input = {
      holdId: hold.holdId,
      idempotencyKey: idempotencyKey(),
      payment: { method: 'test-card' as const, cardNumber: GOOD_CARD },
    };
    const first = await me.api.booking.confirm.mutate(input);
    const second = await me.api.booking.confirm.mutate(input);
    expect(second.booking.id).toBe(first.booking.id);
    expect(second.booking.code).toBe(first.booking.code);
    const list = await me.api.booking.list.query();
    expect(list.upcoming.filter((b) => b.showtime.id === ref.showtimeId)).toHaveLength(1);
  });

  it('cancelling after the cut-off before the show is PRECONDITION_FAILED', async () => {
    const me = await signUp(env, 'cutoff');
    const ref = await nextShowtime();
    const hold = await me.api.booking.hold.mutate({
      showtimeId: ref.showtimeId,
      seatIds: await availableSeats(me.api, ref.showtimeId, 1),
    });
    const { booking } = await me.api.booking.confirm.mutate({
      holdId: hold.holdId,
      idempotencyKey: idempotencyKey(),
      payment: { method: 'test-card', cardNumber: GOOD_CARD },
    });
    const afterCutoff = new Date(new Date(booking.cancellableUntil).getTime() + 60_000);
    await withClockAt(env, afterCutoff, async () => {
      await me.api.auth.login.mutate({ email: me.email, password: 'popcorn-balcony-matinee-42' });
      await expectApiError(
        me.api.booking.cancel.mutate({ bookingId: booking.id }),
        'PRECONDITION_FAILED',
        'CUTOFF_PASSED',
      );
    });
  });

  it('releasing a hold frees its seats, and the seat-map version moves with every change', async () => {
    const me = await signUp(env, 'release');
    const ref = await nextShowtime();
    const before = await me.api.booking.seatMapVersion.query({ showtimeId: ref.showtimeId });
    const seatIds = await availableSeats(me.api, ref.showtimeId, 1);
    const hold = await me.api.booking.hold.mutate({ showtimeId: ref.showtimeId, seatIds });
    const during = await me.api.booking.seatMapVersion.query({ showtimeId: ref.showtimeId });
    expect(during.version).toBeGreaterThan(before.version);
    expect(await me.api.booking.release.mutate({ holdId: hold.holdId })).toEqual({ ok: true });
    const after = await me.api.booking.seatMapVersion.query({ showtimeId: ref.showtimeId });
    expect(after.version).toBeGreaterThan(during.version);
    const map = await me.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    expect(map.seats.find((s) => s.id === seatIds[0])?.status).toBe('available');
    await expectApiError(
      me.api.booking.release.mutate({ holdId: hold.holdId }),
      'PRECONDITION_FAILED',
      'HOLD_NOT_FOUND',
    );
  });
}
