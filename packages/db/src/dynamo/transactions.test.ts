/**
 * DynamoDB transaction behaviour the shared contract cannot see: the 100-item cap, one user racing
 * themself, lingering expired items, exact seat freeing, idempotency records, and TransactionConflict
 * retries (which DynamoDB Local never produces on its own).
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { ManualClock } from '../ports.js';
import type { Store } from '../store.js';
import { DYNAMO_LOCAL_CREDENTIALS, DYNAMO_LOCAL_REGION } from '../testing/dynamo-local.js';
import { confirmInputFor, createShow, freshId, holdWindow } from '../testing/fixtures.js';
import { MAX_SEATS_PER_HOLD } from './holds.js';
import { keys } from './keys.js';
import { createDynamoStore } from './store.js';
import { useDynamoTestTable } from './test-table.js';

const dynamo = useDynamoTestTable('mm-tx');
const { rawGet } = dynamo;
const clock = new ManualClock();

/** A showtime on a screen of four rows of 25 seats (100 seats), for holds near the transaction cap. */
async function bigShow() {
  const show = await createShow(dynamo.store, clock);
  const cells = Array.from({ length: 25 }, (_, i) => i + 1);
  const rows = ['A', 'B', 'C', 'D'].map((label) => ({ label, categoryId: 'classic', cells }));
  await dynamo.store.putScreen({ ...show.screen, rows });
  await dynamo.store.putShowtime({ ...show.showtime, seatsTotal: 100 });
  return show;
}

describe('DynamoDB seat transactions', () => {
  it(`holds ${MAX_SEATS_PER_HOLD} seats and replaces them with ${MAX_SEATS_PER_HOLD} others within one 100-item transaction`, async () => {
    const show = await bigShow();
    const all = ['A', 'B', 'C', 'D'].flatMap((row) =>
      Array.from({ length: 25 }, (_, i) => `${row}-${i + 1}`),
    );
    const first = all.slice(0, MAX_SEATS_PER_HOLD);
    const second = all.slice(MAX_SEATS_PER_HOLD, 2 * MAX_SEATS_PER_HOLD);
    const w = holdWindow(clock);
    expect(
      (
        await dynamo.store.holdSeats({
          holdId: freshId('hold'),
          showtimeId: show.showtime.id,
          userId: 'user_big',
          seatIds: first,
          ...w,
        })
      ).ok,
    ).toBe(true);
    const replaced = await dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_big',
      seatIds: second,
      ...w,
    });
    expect(replaced.ok).toBe(true);
    const map = await dynamo.store.getSeatMap(show.showtime.id, w.now, 'user_big');
    expect(map?.taken.map((s) => s.seatId).sort()).toEqual([...second].sort());
  });

  it('refuses more seats than one transaction can carry with a typed error and writes nothing', async () => {
    const show = await bigShow();
    const seats = ['A', 'B'].flatMap((row) => Array.from({ length: 25 }, (_, i) => `${row}-${i + 1}`));
    const w = holdWindow(clock);
    const attempt = dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_greedy',
      seatIds: seats,
      ...w,
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    expect((await dynamo.store.getSeatMap(show.showtime.id, w.now))?.taken).toEqual([]);
  });

  it("one user's simultaneous holds on a showtime leave exactly one live hold and no stray seats", async () => {
    const show = await createShow(dynamo.store, clock);
    const clients = await Promise.all([
      dynamo.opened.openAnother(),
      dynamo.opened.openAnother(),
      dynamo.opened.openAnother(),
    ]);
    const w = holdWindow(clock);
    const attempts = [
      ['A-1', 'A-2'],
      ['B-1', 'B-2'],
      ['C-1', 'C-2'],
    ].map((seatIds) => ({ holdId: freshId('hold'), seatIds }));
    const results = await Promise.all(
      attempts.map((a, i) =>
        (clients[i] as Store).holdSeats({
          ...a,
          showtimeId: show.showtime.id,
          userId: 'user_double_click',
          ...w,
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const live = (await Promise.all(attempts.map((a) => dynamo.store.getHold(a.holdId)))).filter(
      (h) => h !== null,
    );
    expect(live).toHaveLength(1);
    const map = await dynamo.store.getSeatMap(show.showtime.id, w.now, 'user_double_click');
    expect(map?.taken.map((s) => s.seatId).sort()).toEqual([...(live[0]?.seatIds ?? [])].sort());
    expect(map?.taken.every((s) => s.status === 'mine' && s.holdId === live[0]?.id)).toBe(true);
  });

  it('names seats that are not on the screen as unavailable instead of storing them', async () => {
    const show = await createShow(dynamo.store, clock);
    const w = holdWindow(clock);
    const result = await dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_x',
      seatIds: ['A-1', 'Z-99', 'nonsense'],
      ...w,
    });
    expect(result).toEqual({
      ok: false,
      reason: 'SEAT_UNAVAILABLE',
      unavailableSeatIds: ['Z-99', 'nonsense'],
    });
    expect((await dynamo.store.getSeatMap(show.showtime.id, w.now))?.taken).toEqual([]);
  });

  it('an expired hold item that TTL has not removed yet cannot be confirmed, and its seats can be re-held', async () => {
    const show = await createShow(dynamo.store, clock);
    const w = holdWindow(clock, 8);
    const held = await dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_slow',
      seatIds: ['B-5'],
      ...w,
    });
    if (!held.ok) throw new Error(held.reason);
    clock.advance(9 * 60_000);
    expect(await rawGet(keys.seat(show.showtime.id, 'B-5'))).toMatchObject({
      state: 'held',
      holdId: held.hold.id,
    });
    expect(await dynamo.store.confirmBooking(confirmInputFor(held.hold, show, clock))).toEqual({
      ok: false,
      reason: 'HOLD_EXPIRED',
    });
    const other = await dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_fast',
      seatIds: ['B-5'],
      ...holdWindow(clock),
    });
    expect(other.ok).toBe(true);
  });

  it('cancelling frees exactly the seats the confirm sold, even if the booking lists fewer', async () => {
    const show = await createShow(dynamo.store, clock, { startsInHours: 48 });
    const held = await dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_partial',
      seatIds: ['C-8', 'C-9'],
      ...holdWindow(clock),
    });
    if (!held.ok) throw new Error(held.reason);
    const input = confirmInputFor(held.hold, show, clock);
    const confirmed = await dynamo.store.confirmBooking({ ...input, seats: input.seats.slice(0, 1) });
    if (!confirmed.ok) throw new Error(confirmed.reason);
    const now = clock.now().toISOString();
    expect((await dynamo.store.getSeatMap(show.showtime.id, now))?.taken.map((s) => s.seatId).sort()).toEqual(
      ['C-8', 'C-9'],
    );
    const cancelled = await dynamo.store.cancelBooking({
      bookingId: confirmed.booking.id,
      userId: 'user_partial',
      now,
      cutoffAt: show.showtime.startsAt,
      ticketJobId: freshId('job'),
    });
    expect(cancelled.ok).toBe(true);
    expect((await dynamo.store.getSeatMap(show.showtime.id, now))?.taken).toEqual([]);
  });

  it('a replay of a confirm after the hold is gone still returns the first booking', async () => {
    const show = await createShow(dynamo.store, clock);
    const held = await dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_replay',
      seatIds: ['C-7'],
      ...holdWindow(clock),
    });
    if (!held.ok) throw new Error(held.reason);
    const input = confirmInputFor(held.hold, show, clock);
    const first = await dynamo.store.confirmBooking(input);
    if (!first.ok) throw new Error(first.reason);
    clock.advance(24 * 3_600_000);
    const replay = await dynamo.store.confirmBooking({
      ...input,
      now: clock.now().toISOString(),
      bookingId: freshId('bk'),
    });
    expect(replay).toEqual({ ok: true, booking: first.booking, replayed: true });
    expect(await rawGet(keys.idempotency('user_replay', input.idempotencyKey))).toMatchObject({
      bookingId: first.booking.id,
    });
  });

  // DynamoDB Local serialises transactions, so it never answers TransactionConflict the way AWS does when
  // two transactions touch one item (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling).
  // A client middleware plays AWS for the first attempts; everything after them reaches DynamoDB Local.
  function clientWithConflicts(conflicts: number, code = 'TransactionConflict') {
    const client = new DynamoDBClient({
      endpoint: dynamo.opened.endpoint,
      region: DYNAMO_LOCAL_REGION,
      credentials: DYNAMO_LOCAL_CREDENTIALS,
    });
    const calls = { transactions: 0 };
    client.middlewareStack.add(
      (next) => async (args) => {
        const items = (args.input as { TransactItems?: unknown[] }).TransactItems;
        if (items && ++calls.transactions <= conflicts) {
          throw new TransactionCanceledException({
            message: 'Transaction cancelled',
            $metadata: {},
            CancellationReasons: items.map((_, i) => ({ Code: i === 0 ? code : 'None' })),
          });
        }
        return await next(args);
      },
      { step: 'initialize' },
    );
    return { client, calls };
  }

  it('retries a hold cancelled by a TransactionConflict until it goes through', async () => {
    const show = await createShow(dynamo.store, clock);
    const { client, calls } = clientWithConflicts(2);
    const contended = createDynamoStore({ table: dynamo.opened.table, region: DYNAMO_LOCAL_REGION, client });
    try {
      const w = holdWindow(clock);
      const result = await contended.holdSeats({
        holdId: freshId('hold'),
        showtimeId: show.showtime.id,
        userId: 'user_retry',
        seatIds: ['A-4'],
        ...w,
      });
      expect(result.ok).toBe(true);
      expect(calls.transactions).toBe(3);
      expect((await dynamo.store.getSeatMap(show.showtime.id, w.now, 'user_retry'))?.taken).toEqual([
        expect.objectContaining({ seatId: 'A-4', status: 'mine' }),
      ]);
    } finally {
      client.destroy();
    }
  });

  it('turns a cancellation reason it cannot act on into a StoreError', async () => {
    const show = await createShow(dynamo.store, clock);
    const { client } = clientWithConflicts(1, 'ValidationError');
    const broken = createDynamoStore({ table: dynamo.opened.table, region: DYNAMO_LOCAL_REGION, client });
    try {
      const attempt = broken.holdSeats({
        holdId: freshId('hold'),
        showtimeId: show.showtime.id,
        userId: 'user_v',
        seatIds: ['A-5'],
        ...holdWindow(clock),
      });
      await expect(attempt).rejects.toMatchObject({ name: 'StoreError', code: 'STORAGE_FAILED' });
    } finally {
      client.destroy();
    }
  });
});
