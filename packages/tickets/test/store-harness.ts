/**
 * A real SQLite store (a file in a temp folder) with a stored show, a customer and confirmed bookings whose
 * ticket jobs sit in the outbox, exactly as `booking.confirm` leaves them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Booking, ManualClock, type Store, type User } from '@movie-magic/db';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import {
  confirmInputFor,
  createShow,
  freshId,
  holdWindow,
  makeUser,
  type ShowFixture,
} from '@movie-magic/db/testing';

export interface StoreHarness {
  store: Store;
  clock: ManualClock;
  show: ShowFixture;
  user: User;
  /** Holds and confirms `seatIds`; returns the booking and the id of the ticket job written with it. */
  book(seatIds?: string[]): Promise<{ booking: Booking; jobId: string }>;
  /** Cancels as the owner; returns the cancellation job id. */
  cancel(bookingId: string): Promise<{ booking: Booking; jobId: string }>;
  close(): Promise<void>;
}

export async function openStoreHarness(): Promise<StoreHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'mm-tickets-db-'));
  const store = await createSqliteStore({ file: join(dir, 'movie-magic.db') });
  await store.migrate();
  const clock = new ManualClock('2026-12-01T06:30:00.000Z');
  const show = await createShow(store, clock, { startsInHours: 48 });
  const user = makeUser({ name: 'Asha Rao' });
  await store.createUser(user);
  let nextSeat = 1;
  return {
    store,
    clock,
    show,
    user,
    async book(seatIds) {
      const seats = seatIds ?? [`B-${nextSeat++}`];
      const hold = await store.holdSeats({
        holdId: freshId('hold'),
        showtimeId: show.showtime.id,
        userId: user.id,
        seatIds: seats,
        ...holdWindow(clock),
      });
      if (!hold.ok) throw new Error(`hold failed: ${hold.reason}`);
      const input = confirmInputFor(hold.hold, show, clock);
      const confirmed = await store.confirmBooking(input);
      if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.reason}`);
      return { booking: confirmed.booking, jobId: input.ticketJobId };
    },
    async cancel(bookingId) {
      const jobId = freshId('job');
      const cancelled = await store.cancelBooking({
        bookingId,
        userId: user.id,
        now: clock.now().toISOString(),
        cutoffAt: show.showtime.startsAt,
        ticketJobId: jobId,
      });
      if (!cancelled.ok) throw new Error(`cancel failed: ${cancelled.reason}`);
      return { booking: cancelled.booking, jobId };
    },
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
