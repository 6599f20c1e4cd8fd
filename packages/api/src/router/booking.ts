/** Seat maps (public) and the signed-in booking journey: hold, release, confirm, list, get, cancel. */
import { z } from 'zod';
import { cancelBooking, confirmBooking, holdSeats, holdView, ownBooking } from '../booking/purchase.js';
import { buildSeatMap, type SeatMapView } from '../booking/seat-map.js';
import { AmountsView, BookingView, SeatLine, summarizeShowtime, toBookingView } from '../booking/view.js';
import { fail } from '../errors.js';
import { idInput, seatIdInput } from '../inputs.js';
import { authedProcedure, createTRPCRouter, publicProcedure } from '../trpc.js';

/** Larger than any allowed booking (MAX_SEATS_PER_BOOKING <= 40) so the configured limit gives its own error. */
const SEAT_LIST_BOUND = 100;
const BOOKING_LIST_LIMIT = 100;

const HoldView = z.object({
  holdId: z.string(),
  expiresAt: z.string(),
  seats: z.array(SeatLine),
  amounts: AmountsView,
});

const idempotencyKeyInput = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const bookingRouter = createTRPCRouter({
  // The hot read path (every seat page, and again on each version change) skips run-time output validation:
  // `buildSeatMap` is typed as SeatMapView, and the contract suite parses every response with the schema.
  // Validating ~300 seats per request cost a quarter of the CPU of a seat-map read (see scripts/bench-http.ts).
  seatMap: publicProcedure
    .input(z.object({ showtimeId: idInput }))
    .query(async ({ ctx, input }): Promise<SeatMapView> => {
      const lookup = ctx.catalog;
      const showtime = await lookup.showtime(input.showtimeId);
      if (!showtime) fail('NOT_FOUND', `No showtime "${input.showtimeId}".`);
      const now = ctx.clock.now();
      const auth = await ctx.getAuth();
      const [summary, screen, state] = await Promise.all([
        summarizeShowtime(lookup, showtime),
        lookup.screen(showtime.screenId),
        ctx.store.getSeatMap(showtime.id, now.toISOString(), auth?.user.id ?? null),
      ]);
      if (!screen || !state) fail('NOT_FOUND', `No seat map for showtime "${input.showtimeId}".`);
      const mineHoldId = state.taken.find((seat) => seat.status === 'mine' && seat.holdId)?.holdId;
      const hold = mineHoldId ? await ctx.store.getHold(mineHoldId) : null;
      const myHold =
        hold && hold.userId === auth?.user.id
          ? { ...holdView(ctx.config.booking, showtime, screen, hold), seatIds: hold.seatIds }
          : null;
      return buildSeatMap({
        summary,
        showtime,
        screen,
        state,
        myHold,
        maxSeatsPerBooking: ctx.config.booking.maxSeatsPerBooking,
        now,
      });
    }),

  /** Cheap polling for live seat maps: refetch `seatMap` when the version changes. */
  seatMapVersion: publicProcedure
    .input(z.object({ showtimeId: idInput }))
    .output(z.object({ version: z.number().int().nonnegative() }))
    .query(async ({ ctx, input }) => {
      const version = await ctx.store.getSeatMapVersion(input.showtimeId);
      if (version === null) fail('NOT_FOUND', `No showtime "${input.showtimeId}".`);
      return { version };
    }),

  hold: authedProcedure
    .input(z.object({ showtimeId: idInput, seatIds: z.array(seatIdInput).max(SEAT_LIST_BOUND) }))
    .output(HoldView)
    .mutation(({ ctx, input }) => holdSeats(ctx, input)),

  release: authedProcedure
    .input(z.object({ holdId: idInput }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.store.releaseHold(input.holdId, ctx.user.id, ctx.nowIso());
      if (!result.ok) fail('HOLD_NOT_FOUND', 'This hold no longer exists.');
      return { ok: true as const };
    }),

  confirm: authedProcedure
    .input(
      z.object({
        holdId: idInput,
        idempotencyKey: idempotencyKeyInput,
        payment: z.object({ method: z.literal('test-card'), cardNumber: z.string().max(32) }),
      }),
    )
    .output(z.object({ booking: BookingView }))
    .mutation(async ({ ctx, input }) => {
      const booking = await confirmBooking(ctx, input);
      return {
        booking: await toBookingView(ctx.catalog, booking, ctx.config, ctx.clock.now()),
      };
    }),

  list: authedProcedure
    .output(z.object({ upcoming: z.array(BookingView), past: z.array(BookingView) }))
    .query(async ({ ctx }) => {
      const bookings = await ctx.store.listBookingsByUser(ctx.user.id, BOOKING_LIST_LIMIT);
      const lookup = ctx.catalog;
      const now = ctx.clock.now();
      const views = await Promise.all(bookings.map((b) => toBookingView(lookup, b, ctx.config, now)));
      const isUpcoming = (v: BookingView) =>
        v.status === 'confirmed' && new Date(v.showtime.startsAt).getTime() > now.getTime();
      return {
        upcoming: views
          .filter(isUpcoming)
          .sort((a, b) => a.showtime.startsAt.localeCompare(b.showtime.startsAt)),
        past: views.filter((v) => !isUpcoming(v)),
      };
    }),

  get: authedProcedure
    .input(z.object({ bookingId: idInput }))
    .output(z.object({ booking: BookingView }))
    .query(async ({ ctx, input }) => {
      const booking = await ownBooking(ctx, input.bookingId);
      return {
        booking: await toBookingView(ctx.catalog, booking, ctx.config, ctx.clock.now()),
      };
    }),

  cancel: authedProcedure
    .input(z.object({ bookingId: idInput }))
    .output(z.object({ booking: BookingView }))
    .mutation(async ({ ctx, input }) => {
      const booking = await cancelBooking(ctx, input.bookingId);
      return {
        booking: await toBookingView(ctx.catalog, booking, ctx.config, ctx.clock.now()),
      };
    }),
});
