/**
 * Bookings: the booking item and its reads, cancel (ONE TransactWriteItems: seats freed on condition of
 * this booking, booking -> cancelled on condition of status and owner, META bump, cancellation job), the
 * user's bookings newest first, and check-in. Confirm lives in confirm.ts.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Booking } from '../domain.js';
import { StoreError } from '../errors.js';
import type { CancelBookingInput, CancelBookingResult, CheckInResult } from '../store.js';
import { catalog } from './catalog.js';
import {
  batchGet,
  type DynamoContext,
  type Item,
  isConditionFailure,
  queryAll,
  send,
  type TransactItem,
  transact,
} from './client.js';
import { jobItem, newJob } from './job-items.js';
import { instant, keys } from './keys.js';

const ATTEMPTS = 4;

/**
 * The stored booking. `soldSeatIds` records the seats the confirm transaction actually sold (the hold's),
 * so cancel frees exactly those, whatever the caller put in `seats`. Nulls are left out so conditions can
 * say attribute_not_exists(checkedInAt).
 */
export function bookingItem(booking: Booking, soldSeatIds: string[]): Item {
  const { cancelledAt, checkedInAt, ...rest } = booking;
  return {
    ...keys.booking(booking.id),
    ...rest,
    soldSeatIds,
    ...(cancelledAt ? { cancelledAt } : {}),
    ...(checkedInAt ? { checkedInAt } : {}),
  };
}

export function bookingFromItem(item: Item): Booking {
  return {
    id: String(item.id),
    code: String(item.code),
    userId: String(item.userId),
    showtimeId: String(item.showtimeId),
    movieId: String(item.movieId),
    theaterId: String(item.theaterId),
    startsAt: String(item.startsAt),
    seats: item.seats as Booking['seats'],
    amounts: item.amounts as Booking['amounts'],
    status: item.status as Booking['status'],
    idempotencyKey: String(item.idempotencyKey),
    payment: item.payment as Booking['payment'],
    createdAt: String(item.createdAt),
    cancelledAt: item.cancelledAt ? String(item.cancelledAt) : null,
    checkedInAt: item.checkedInAt ? String(item.checkedInAt) : null,
    version: Number(item.version),
  };
}

export async function getBooking(ctx: DynamoContext, bookingId: string): Promise<Booking | null> {
  const item = await catalog.getItem(ctx, keys.booking(bookingId));
  return item ? bookingFromItem(item) : null;
}

export async function getBookingByCode(ctx: DynamoContext, code: string): Promise<Booking | null> {
  const pointer = await catalog.getItem(ctx, keys.bookingCode(code));
  return pointer ? await getBooking(ctx, String(pointer.bookingId)) : null;
}

export async function cancelBooking(
  ctx: DynamoContext,
  input: CancelBookingInput,
): Promise<CancelBookingResult> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const item = await catalog.getItem(ctx, keys.booking(input.bookingId));
    const booking = item ? bookingFromItem(item) : null;
    if (!booking || booking.userId !== input.userId) return { ok: false, reason: 'BOOKING_NOT_FOUND' };
    if (booking.status === 'cancelled') return { ok: false, reason: 'ALREADY_CANCELLED' };
    if (instant(input.now) > instant(input.cutoffAt)) return { ok: false, reason: 'CUTOFF_PASSED' };
    const soldSeatIds =
      (item?.soldSeatIds as string[] | undefined) ?? booking.seats.map((seat) => seat.seatId);
    const seatKeys = soldSeatIds.map((seat) => keys.seat(booking.showtimeId, seat));
    const owned = (await batchGet(ctx, seatKeys)).filter((seat) => seat.bookingId === booking.id);
    const frees: TransactItem[] = owned.map((seat) => ({
      Delete: {
        TableName: ctx.table,
        Key: { PK: seat.PK, SK: seat.SK },
        ConditionExpression: 'bookingId = :booking',
        ExpressionAttributeValues: { ':booking': booking.id },
      },
    }));
    const cancelled: Booking = {
      ...booking,
      status: 'cancelled',
      cancelledAt: input.now,
      version: booking.version + 1,
    };
    const result = await transact(ctx, [
      ...frees,
      {
        Update: {
          TableName: ctx.table,
          Key: keys.booking(booking.id),
          UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now, version = version + :one',
          ConditionExpression: '#status = :confirmed AND userId = :user',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':cancelled': 'cancelled',
            ':confirmed': 'confirmed',
            ':now': input.now,
            ':one': 1,
            ':user': input.userId,
          },
        },
      },
      {
        Update: {
          TableName: ctx.table,
          Key: keys.showtimeMeta(booking.showtimeId),
          UpdateExpression: 'SET version = version + :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      {
        Put: {
          TableName: ctx.table,
          Item: jobItem(newJob(input.ticketJobId, 'cancellation', booking.id, input.now)),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ]);
    if (result.ok) return { ok: true, booking: cancelled };
    if (result.failed.includes(frees.length + 2)) {
      throw new StoreError('INVARIANT_BROKEN', `ticket job id ${input.ticketJobId} is already in use`);
    }
  }
  throw new StoreError('STORAGE_FAILED', 'the booking changed concurrently too often');
}

/** Newest first: a descending, strongly consistent Query of the user's BOOKING# index items, then BatchGet. */
export async function listBookingsByUser(
  ctx: DynamoContext,
  userId: string,
  limit?: number,
): Promise<Booking[]> {
  const max = limit ?? Number.POSITIVE_INFINITY;
  if (max <= 0) return [];
  const index = await queryAll(
    ctx,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':prefix': keys.userBookingPrefix() },
      ScanIndexForward: false,
      ConsistentRead: true,
      ...(Number.isFinite(max) ? { Limit: max } : {}),
    },
    max,
  );
  const items = await batchGet(
    ctx,
    index.map((entry) => keys.booking(String(entry.bookingId))),
  );
  return items.map(bookingFromItem);
}

export async function checkIn(ctx: DynamoContext, bookingId: string, now: string): Promise<CheckInResult> {
  const booking = await getBooking(ctx, bookingId);
  if (!booking) return { ok: false, reason: 'BOOKING_NOT_FOUND' };
  if (booking.status === 'cancelled') return { ok: true, result: 'cancelled', booking };
  if (booking.checkedInAt)
    return { ok: true, result: 'already_checked_in', booking, checkedInAt: booking.checkedInAt };
  try {
    // First scan wins: the condition makes two simultaneous scans agree on one check-in time.
    await send(
      ctx,
      new UpdateCommand({
        TableName: ctx.table,
        Key: keys.booking(bookingId),
        UpdateExpression: 'SET checkedInAt = :now',
        ConditionExpression: '#status = :confirmed AND attribute_not_exists(checkedInAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':now': now, ':confirmed': 'confirmed' },
      }),
    );
    return { ok: true, result: 'ok', booking: { ...booking, checkedInAt: now }, checkedInAt: now };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return await checkIn(ctx, bookingId, now);
  }
}
