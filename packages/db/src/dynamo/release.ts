/**
 * Releasing a hold (owner only): ONE TransactWriteItems deletes the seat items still owned by the hold
 * (each conditioned on holdId: an expired hold's seat may belong to someone else by now), the hold record,
 * the user's hold pointer, and bumps the META version.
 */
import { StoreError } from '../errors.js';
import type { ReleaseHoldResult } from '../store.js';
import { batchGet, type DynamoContext, type TransactItem, transact } from './client.js';
import { getHold } from './holds.js';
import { keys } from './keys.js';

const ATTEMPTS = 4;

export async function releaseHold(
  ctx: DynamoContext,
  holdId: string,
  userId: string,
): Promise<ReleaseHoldResult> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const hold = await getHold(ctx, holdId);
    if (!hold || hold.userId !== userId) return { ok: false, reason: 'HOLD_NOT_FOUND' };
    const ours = (
      await batchGet(
        ctx,
        hold.seatIds.map((seat) => keys.seat(hold.showtimeId, seat)),
      )
    ).filter((item) => item.holdId === holdId);
    const items: TransactItem[] = [
      ...ours.map(
        (item): TransactItem => ({
          Delete: {
            TableName: ctx.table,
            Key: { PK: item.PK, SK: item.SK },
            ConditionExpression: 'holdId = :hold',
            ExpressionAttributeValues: { ':hold': holdId },
          },
        }),
      ),
      {
        Delete: {
          TableName: ctx.table,
          Key: keys.hold(holdId),
          ConditionExpression: 'userId = :user',
          ExpressionAttributeValues: { ':user': userId },
        },
      },
      {
        Delete: {
          TableName: ctx.table,
          Key: keys.userShowtimeHold(userId, hold.showtimeId),
          ConditionExpression: 'attribute_not_exists(PK) OR holdId = :hold',
          ExpressionAttributeValues: { ':hold': holdId },
        },
      },
      {
        Update: {
          TableName: ctx.table,
          Key: keys.showtimeMeta(hold.showtimeId),
          UpdateExpression: 'SET version = version + :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    ];
    const result = await transact(ctx, items);
    if (result.ok) return { ok: true };
    if (result.failed.includes(ours.length)) return { ok: false, reason: 'HOLD_NOT_FOUND' };
  }
  throw new StoreError('STORAGE_FAILED', 'the hold changed concurrently too often');
}
