/**
 * Confirm: ONE TransactWriteItems turns the held seats into sold seats (each conditioned on this hold and
 * on `expiresAt > now`) and writes the booking, the user's booking index entry, the code, the ticket job,
 * the idempotency record, the META version bump and the hold's removal.
 *
 * Idempotency: DynamoDB's ClientRequestToken only dedupes for 10 minutes
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken),
 * so confirm writes its own `USER#<uid>` / `IDEMP#<key>` item in the same transaction (attribute_not_exists)
 * and a replay, at any later time, reads it first and returns the booking it names.
 */
import type { Booking } from '../domain.js';
import { StoreError } from '../errors.js';
import { newConfirmedBooking } from '../records.js';
import type { ConfirmBookingInput, ConfirmBookingResult } from '../store.js';
import { bookingItem, getBooking } from './bookings.js';
import { catalog } from './catalog.js';
import { type DynamoContext, type Item, type TransactItem, transact } from './client.js';
import { getHold } from './holds.js';
import { jobItem, newJob } from './job-items.js';
import { instant, keys } from './keys.js';

const ATTEMPTS = 4;

async function replayOf(ctx: DynamoContext, userId: string, idempotencyKey: string): Promise<Booking | null> {
  const record = await catalog.getItem(ctx, keys.idempotency(userId, idempotencyKey));
  return record ? await getBooking(ctx, String(record.bookingId)) : null;
}

export async function confirmBooking(
  ctx: DynamoContext,
  input: ConfirmBookingInput,
): Promise<ConfirmBookingResult> {
  const now = instant(input.now);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const replayed = await replayOf(ctx, input.userId, input.idempotencyKey);
    if (replayed) return { ok: true, booking: replayed, replayed: true };
    const hold = await getHold(ctx, input.holdId);
    if (!hold) return { ok: false, reason: 'HOLD_NOT_FOUND' };
    if (hold.userId !== input.userId) return { ok: false, reason: 'HOLD_NOT_OWNED' };
    if (instant(hold.expiresAt) <= now) return { ok: false, reason: 'HOLD_EXPIRED' };
    const showtime = await catalog.getShowtime(ctx, hold.showtimeId);
    if (!showtime) return { ok: false, reason: 'HOLD_NOT_FOUND' };

    const booking = newConfirmedBooking(input, showtime, input.now);
    const seatSales: TransactItem[] = hold.seatIds.map((seat) => ({
      Update: {
        TableName: ctx.table,
        Key: keys.seat(hold.showtimeId, seat),
        UpdateExpression: 'SET #state = :sold, bookingId = :booking REMOVE holdId, expiresAt, #ttl',
        // Sold only while still this hold's and unexpired at `now` (TTL may not have removed old items).
        ConditionExpression: '#state = :held AND holdId = :hold AND expiresAt > :now',
        ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':sold': 'sold',
          ':held': 'held',
          ':booking': booking.id,
          ':hold': hold.id,
          ':now': now,
        },
      },
    }));
    const put = (item: Item): TransactItem => ({
      Put: { TableName: ctx.table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
    });
    const n = seatSales.length;
    const items: TransactItem[] = [
      ...seatSales,
      put(bookingItem(booking, hold.seatIds)), // n
      put({ ...keys.userBooking(booking.userId, booking.createdAt, booking.id), bookingId: booking.id }), // n+1
      put({ ...keys.bookingCode(booking.code), bookingId: booking.id }), // n+2
      put(jobItem(newJob(input.ticketJobId, 'ticket', booking.id, input.now))), // n+3
      put({
        ...keys.idempotency(booking.userId, input.idempotencyKey),
        bookingId: booking.id,
        createdAt: input.now,
      }), // n+4
      {
        Update: {
          TableName: ctx.table,
          Key: keys.showtimeMeta(hold.showtimeId),
          UpdateExpression: 'SET version = version + :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      {
        Delete: {
          TableName: ctx.table,
          Key: keys.hold(hold.id),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      {
        Delete: {
          TableName: ctx.table,
          Key: keys.userShowtimeHold(hold.userId, hold.showtimeId),
          ConditionExpression: 'attribute_not_exists(PK) OR holdId = :hold',
          ExpressionAttributeValues: { ':hold': hold.id },
        },
      },
    ];
    const result = await transact(ctx, items);
    if (result.ok) return { ok: true, booking, replayed: false };
    const failed = new Set(result.failed);
    // A concurrent confirm with the same key won: the loop's first read returns its booking.
    if (failed.has(n + 4)) continue;
    if (failed.has(n + 2))
      throw new StoreError('INVARIANT_BROKEN', `booking code ${booking.code} is already in use`);
    if (failed.has(n)) throw new StoreError('INVARIANT_BROKEN', `booking id ${booking.id} is already in use`);
    if (failed.has(n + 3))
      throw new StoreError('INVARIANT_BROKEN', `ticket job id ${input.ticketJobId} is already in use`);
    // Otherwise the hold changed under us (released, expired, replaced): the next pass reports why.
  }
  const hold = await getHold(ctx, input.holdId);
  if (!hold) return { ok: false, reason: 'HOLD_NOT_FOUND' };
  return { ok: false, reason: instant(hold.expiresAt) <= now ? 'HOLD_EXPIRED' : 'HOLD_NOT_FOUND' };
}
