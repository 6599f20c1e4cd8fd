/**
 * Reading seat state: the seat map (ONE strongly consistent Query of the showtime's partition: the META
 * item with the version, then every SEAT# item) and the taken-seat counts for listings.
 *
 * Expired holds are treated as available here: DynamoDB's TTL deletes them only eventually (up to 48 h,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html), so correctness
 * never depends on it.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SeatMapState, SeatState } from '../store.js';
import { type DynamoContext, type Item, queryAll, send } from './client.js';
import { keys } from './keys.js';

/** A seat item as stored in the showtime partition. */
export interface SeatItem {
  seatId: string;
  state: 'held' | 'sold';
  userId: string;
  holdId?: string;
  bookingId?: string;
  expiresAt?: string;
}

export function isSeatTaken(seat: SeatItem, now: string): boolean {
  return seat.state === 'sold' || (seat.expiresAt !== undefined && seat.expiresAt > now);
}

function toSeatState(seat: SeatItem, viewerUserId: string | null | undefined): SeatState {
  if (seat.state === 'sold')
    return { seatId: seat.seatId, status: 'sold', bookingId: seat.bookingId as string };
  const status = viewerUserId && seat.userId === viewerUserId ? 'mine' : 'held';
  return { seatId: seat.seatId, status, holdId: seat.holdId as string };
}

/** The META item and the seat items of a showtime, read in one strongly consistent Query (paged past 1 MB). */
export async function readShowtimePartition(
  ctx: DynamoContext,
  showtimeId: string,
): Promise<{ meta: Item | null; seats: SeatItem[] }> {
  const items = await queryAll(ctx, {
    KeyConditionExpression: 'PK = :pk AND SK >= :from',
    ExpressionAttributeValues: { ':pk': keys.showtimePartition(showtimeId), ':from': keys.seatMapFrom() },
    ConsistentRead: true,
  });
  const meta = items.find((item) => item.SK === keys.seatMapFrom()) ?? null;
  const seats = items.filter((item) =>
    String(item.SK).startsWith(keys.seatPrefix()),
  ) as unknown as SeatItem[];
  return { meta, seats };
}

export async function getSeatMap(
  ctx: DynamoContext,
  showtimeId: string,
  now: string,
  viewerUserId?: string | null,
): Promise<SeatMapState | null> {
  const { meta, seats } = await readShowtimePartition(ctx, showtimeId);
  if (!meta) return null;
  return {
    showtimeId,
    version: Number(meta.version ?? 0),
    taken: seats.filter((seat) => isSeatTaken(seat, now)).map((seat) => toSeatState(seat, viewerUserId)),
  };
}

/** The META item alone, strongly consistent, projected to its version. */
export async function getSeatMapVersion(ctx: DynamoContext, showtimeId: string): Promise<number | null> {
  const out = await send<{ Item?: Item }>(
    ctx,
    new GetCommand({
      TableName: ctx.table,
      Key: keys.showtimeMeta(showtimeId),
      ConsistentRead: true,
      ProjectionExpression: '#version',
      ExpressionAttributeNames: { '#version': 'version' },
    }),
  );
  return out.Item ? Number(out.Item.version ?? 0) : null;
}

/**
 * Per showtime: a COUNT Query of its SEAT# items filtered to sold or unexpired holds, a few partitions in
 * parallel. Eventually consistent on purpose: these numbers only decorate listings, never decide a seat.
 */
export async function countTakenSeats(ctx: DynamoContext, showtimeIds: string[], now: string) {
  const unique = [...new Set(showtimeIds)];
  const counts = await mapLimit(unique, 8, async (showtimeId) => {
    let total = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await send<{ Count?: number; LastEvaluatedKey?: Record<string, unknown> }>(
        ctx,
        new QueryCommand({
          TableName: ctx.table,
          Select: 'COUNT',
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :seat)',
          FilterExpression: '#state = :sold OR expiresAt > :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':pk': keys.showtimePartition(showtimeId),
            ':seat': keys.seatPrefix(),
            ':sold': 'sold',
            ':now': now,
          },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      total += out.Count ?? 0;
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return [showtimeId, total] as const;
  });
  return new Map<string, number>(counts);
}

/** Runs `work` over `inputs` with at most `concurrency` in flight (a few partitions at a time, not hundreds). */
async function mapLimit<T, R>(
  inputs: T[],
  concurrency: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, inputs.length) }, async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}
