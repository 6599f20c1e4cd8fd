/**
 * Fixed-window rate-limit counters shared by every instance: one item per key and window, incremented
 * with an atomic UpdateItem ADD; `ttl` removes old windows eventually (housekeeping only).
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimitHit } from '../store.js';
import { type DynamoContext, type Item, send } from './client.js';
import { keys } from './keys.js';
import { ttlOf } from './schema.js';

function windowOf(now: string, windowSeconds: number): { start: string; end: string } {
  const size = windowSeconds * 1000;
  const start = Math.floor(new Date(now).getTime() / size) * size;
  return { start: new Date(start).toISOString(), end: new Date(start + size).toISOString() };
}

export const rateLimits = {
  /** Fixed window: one atomic ADD on the window's counter item, shared by every instance. */
  async hit(
    ctx: DynamoContext,
    key: string,
    limit: number,
    windowSeconds: number,
    now: string,
  ): Promise<RateLimitHit> {
    const window = windowOf(now, windowSeconds);
    const out = await send<{ Attributes?: Item }>(
      ctx,
      new UpdateCommand({
        TableName: ctx.table,
        Key: keys.rateLimit(key, window.start),
        UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': ttlOf(window.end, 3600) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const count = Number(out.Attributes?.count ?? 1);
    return { allowed: count <= limit, count, resetAt: window.end };
  },

  async reset(ctx: DynamoContext, key: string, now: string, windowSeconds: number): Promise<void> {
    const window = windowOf(now, windowSeconds);
    await send(ctx, new DeleteCommand({ TableName: ctx.table, Key: keys.rateLimit(key, window.start) }));
  },
};
