/**
 * Seat holds. A hold is ONE TransactWriteItems (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html):
 * a conditional Put per seat that wins only when the seat item is absent, an expired hold, or this user's
 * previous hold on the showtime; the version bump on META (which must exist: unknown showtime); the hold
 * record; and the user's per-showtime hold pointer. The previous hold's other seats are deleted in the same
 * transaction, conditioned on still belonging to it. A cancellation is mapped back to seat ids per item.
 * Releasing lives in release.ts.
 */
import type { Hold } from '../domain.js';
import { seatsOfScreen } from '../domain.js';
import { StoreError } from '../errors.js';
import type { HoldSeatsInput, HoldSeatsResult } from '../store.js';
import { catalog } from './catalog.js';
import { batchGet, type DynamoContext, type Item, type TransactItem, transact } from './client.js';
import { instant, keys, seatSortKey } from './keys.js';
import { ttlOf } from './schema.js';
import { isSeatTaken, readShowtimePartition, type SeatItem } from './seat-map.js';

/**
 * A hold writes up to 2n + 5 items (n seat Puts, up to n Deletes of the replaced hold's seats, META, hold,
 * pointer, old hold record): 45 seats keep that under TransactWriteItems' 100-item cap. The configured
 * booking limit (MAX_SEATS_PER_BOOKING, at most 40) is lower still.
 */
export const MAX_SEATS_PER_HOLD = 45;

// Only one user racing themself (a double click) retries here: each round lets one of their holds through.
const ATTEMPTS = 6;

export function holdFromItem(item: Item): Hold {
  return {
    id: String(item.id),
    showtimeId: String(item.showtimeId),
    userId: String(item.userId),
    seatIds: [...(item.seatIds as string[])],
    createdAt: String(item.createdAt),
    expiresAt: String(item.expiresAt),
  };
}

export async function getHold(ctx: DynamoContext, holdId: string): Promise<Hold | null> {
  const item = await catalog.getItem(ctx, keys.hold(holdId));
  return item ? holdFromItem(item) : null;
}

/** Seats that are not on the showtime's screen (or are not seat ids at all): never holdable. */
async function unknownSeats(ctx: DynamoContext, screenId: string, seatIds: string[]): Promise<string[]> {
  const screen = await catalog.getScreen(ctx, screenId);
  const known = new Set(screen ? seatsOfScreen(screen).map((seat) => seat.id) : []);
  return seatIds.filter((seat) => !known.has(seat) || !seatSortKey(seat));
}

function validate(input: HoldSeatsInput): string[] {
  const seatIds = [...new Set(input.seatIds)];
  if (seatIds.length === 0) throw new StoreError('INVARIANT_BROKEN', 'a hold needs at least one seat');
  if (seatIds.length > MAX_SEATS_PER_HOLD) {
    throw new StoreError(
      'INVARIANT_BROKEN',
      `a hold takes at most ${MAX_SEATS_PER_HOLD} seats, got ${seatIds.length}`,
    );
  }
  return seatIds;
}

export async function holdSeats(ctx: DynamoContext, input: HoldSeatsInput): Promise<HoldSeatsResult> {
  const seatIds = validate(input);
  const now = instant(input.now);
  const expiresAt = instant(input.expiresAt);
  const details = await catalog.getShowtime(ctx, input.showtimeId);
  if (!details) return { ok: false, reason: 'SHOWTIME_NOT_FOUND' };
  const unknown = await unknownSeats(ctx, details.screenId, seatIds);
  if (unknown.length > 0) return { ok: false, reason: 'SEAT_UNAVAILABLE', unavailableSeatIds: unknown };

  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const pointer = await catalog.getItem(ctx, keys.userShowtimeHold(input.userId, input.showtimeId));
    const previousHoldId = pointer ? String(pointer.holdId) : null;
    if (previousHoldId === input.holdId)
      throw new StoreError('INVARIANT_BROKEN', `hold id ${input.holdId} is already in use`);
    const previousSeats = pointer ? ((pointer.seatIds as string[]) ?? []) : [];
    // Only the replaced hold's seats that are still its own are deleted (an expired one may be someone's now).
    const leftBehind = previousSeats.filter((seat) => !seatIds.includes(seat));
    const stillOurs = previousHoldId
      ? (
          await batchGet(
            ctx,
            leftBehind.map((seat) => keys.seat(input.showtimeId, seat)),
          )
        ).filter((item) => item.holdId === previousHoldId)
      : [];

    const seatPuts: TransactItem[] = seatIds.map((seat) => ({
      Put: {
        TableName: ctx.table,
        Item: {
          ...keys.seat(input.showtimeId, seat),
          seatId: seat,
          state: 'held',
          userId: input.userId,
          holdId: input.holdId,
          expiresAt,
          ttl: ttlOf(expiresAt),
        },
        ConditionExpression: previousHoldId
          ? 'attribute_not_exists(PK) OR (#state = :held AND expiresAt <= :now) OR (#state = :held AND holdId = :previous)'
          : 'attribute_not_exists(PK) OR (#state = :held AND expiresAt <= :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':held': 'held',
          ':now': now,
          ...(previousHoldId ? { ':previous': previousHoldId } : {}),
        },
      },
    }));
    const releases: TransactItem[] = stillOurs.map((item) => ({
      Delete: {
        TableName: ctx.table,
        Key: { PK: item.PK, SK: item.SK },
        ConditionExpression: 'holdId = :previous',
        ExpressionAttributeValues: { ':previous': previousHoldId },
      },
    }));
    const metaIndex = seatPuts.length + releases.length;
    const bookkeeping: TransactItem[] = [
      {
        Update: {
          TableName: ctx.table,
          Key: keys.showtimeMeta(input.showtimeId),
          UpdateExpression: 'SET version = version + :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      {
        Put: {
          TableName: ctx.table,
          Item: {
            ...keys.hold(input.holdId),
            id: input.holdId,
            showtimeId: input.showtimeId,
            userId: input.userId,
            seatIds,
            createdAt: input.now,
            expiresAt: input.expiresAt,
            ttl: ttlOf(expiresAt),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        // The pointer serialises one user's concurrent holds on a showtime: only one can replace what it read.
        Put: {
          TableName: ctx.table,
          Item: {
            ...keys.userShowtimeHold(input.userId, input.showtimeId),
            holdId: input.holdId,
            seatIds,
            expiresAt,
            ttl: ttlOf(expiresAt),
          },
          ConditionExpression: previousHoldId ? 'holdId = :previous' : 'attribute_not_exists(PK)',
          ...(previousHoldId ? { ExpressionAttributeValues: { ':previous': previousHoldId } } : {}),
        },
      },
    ];
    if (previousHoldId)
      bookkeeping.push({ Delete: { TableName: ctx.table, Key: keys.hold(previousHoldId) } });

    const result = await transact(ctx, [...seatPuts, ...releases, ...bookkeeping]);
    if (result.ok) {
      return {
        ok: true,
        hold: {
          id: input.holdId,
          showtimeId: input.showtimeId,
          userId: input.userId,
          seatIds,
          createdAt: input.now,
          expiresAt: input.expiresAt,
        },
        replacedHoldId: previousHoldId,
      };
    }
    if (result.failed.includes(metaIndex)) return { ok: false, reason: 'SHOWTIME_NOT_FOUND' };
    if (result.failed.includes(metaIndex + 1)) {
      throw new StoreError('INVARIANT_BROKEN', `hold id ${input.holdId} is already in use`);
    }
    const lostSeats = result.failed.filter((index) => index < seatPuts.length);
    if (lostSeats.length > 0) {
      return {
        ok: false,
        reason: 'SEAT_UNAVAILABLE',
        unavailableSeatIds: await nameUnavailable(ctx, input, seatIds, previousHoldId, lostSeats),
      };
    }
    // Only the bookkeeping of the replaced hold moved under us (a concurrent hold by the same user): re-read.
  }
  throw new StoreError('STORAGE_FAILED', 'the user changed this hold concurrently too often');
}

/**
 * DynamoDB reports every failed condition, but a seat can also be taken between our attempt and the reply:
 * re-read the partition once so the answer names every seat that is unavailable now.
 */
async function nameUnavailable(
  ctx: DynamoContext,
  input: HoldSeatsInput,
  seatIds: string[],
  previousHoldId: string | null,
  failedIndexes: number[],
): Promise<string[]> {
  const now = instant(input.now);
  const { seats } = await readShowtimePartition(ctx, input.showtimeId);
  const byId = new Map<string, SeatItem>(seats.map((seat) => [seat.seatId, seat]));
  const named = new Set(failedIndexes.map((index) => seatIds[index] as string));
  for (const seat of seatIds) {
    const stored = byId.get(seat);
    if (
      stored &&
      isSeatTaken(stored, now) &&
      !(stored.state === 'held' && stored.holdId === previousHoldId)
    ) {
      named.add(seat);
    }
  }
  return seatIds.filter((seat) => named.has(seat));
}
