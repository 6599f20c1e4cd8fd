/**
 * Sessions: the session item (by id), an index item under the user (a consistent "all my sessions"), and
 * the SessionsByExpiry GSI for housekeeping. `ttl` lets DynamoDB TTL delete them eventually, which is
 * housekeeping only: lucia checks `expiresAt` itself.
 */
import { BatchWriteCommand, DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Session } from '../domain.js';
import { StoreError } from '../errors.js';
import { catalog } from './catalog.js';
import {
  batchGet,
  type DynamoContext,
  type Item,
  isConditionFailure,
  queryAll,
  send,
  transact,
} from './client.js';
import { INDEXES, instant, type Key, keys } from './keys.js';
import { ttlOf } from './schema.js';

function sessionFromItem(item: Item): Session {
  return {
    id: String(item.id),
    userId: String(item.userId),
    expiresAt: String(item.expiresAt),
    createdAt: String(item.createdAt),
  };
}

function sessionItem(session: Session): Item {
  return {
    ...keys.session(session.id),
    id: session.id,
    userId: session.userId,
    expiresAt: session.expiresAt,
    createdAt: session.createdAt,
    ttl: ttlOf(session.expiresAt),
    ...keys.sessionExpiry(session.expiresAt, session.id),
  };
}

/** BatchWriteItem deletes, 25 keys per request (the API limit), re-sending UnprocessedItems. */
async function deleteKeys(ctx: DynamoContext, keyList: Key[]): Promise<void> {
  for (let start = 0; start < keyList.length; start += 25) {
    let pending = keyList.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      const out = await send<{ UnprocessedItems?: Record<string, typeof pending> }>(
        ctx,
        new BatchWriteCommand({ RequestItems: { [ctx.table]: pending } }),
      );
      pending = out.UnprocessedItems?.[ctx.table] ?? [];
      if (pending.length > 0 && attempt >= 10)
        throw new StoreError('STORAGE_FAILED', 'BatchWriteItem kept items unprocessed');
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

export const sessions = {
  async create(ctx: DynamoContext, session: Session): Promise<void> {
    await transact(ctx, [
      { Put: { TableName: ctx.table, Item: sessionItem(session) } },
      {
        Put: {
          TableName: ctx.table,
          Item: {
            ...keys.userSession(session.userId, session.id),
            sessionId: session.id,
            ttl: ttlOf(session.expiresAt),
          },
        },
      },
    ]);
  },

  async get(ctx: DynamoContext, sessionId: string): Promise<Session | null> {
    const item = await catalog.getItem(ctx, keys.session(sessionId));
    return item ? sessionFromItem(item) : null;
  },

  async updateExpiry(ctx: DynamoContext, sessionId: string, expiresAt: string): Promise<void> {
    try {
      await send(
        ctx,
        new UpdateCommand({
          TableName: ctx.table,
          Key: keys.session(sessionId),
          UpdateExpression: 'SET expiresAt = :expiresAt, #ttl = :ttl, #epk = :epk, #esk = :esk',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: {
            '#ttl': 'ttl',
            '#epk': INDEXES.SessionsByExpiry.pk,
            '#esk': INDEXES.SessionsByExpiry.sk,
          },
          ExpressionAttributeValues: {
            ':expiresAt': expiresAt,
            ':ttl': ttlOf(expiresAt),
            ':epk': keys.sessionExpiry(expiresAt, sessionId).sessionExpiryPK,
            ':esk': keys.sessionExpiry(expiresAt, sessionId).sessionExpirySK,
          },
        }),
      );
    } catch (error) {
      // Extending a session that was deleted meanwhile must not resurrect it.
      if (!isConditionFailure(error)) throw error;
    }
  },

  async delete(ctx: DynamoContext, sessionId: string): Promise<void> {
    const session = await sessions.get(ctx, sessionId);
    if (!session) return;
    await deleteKeys(ctx, [keys.session(sessionId), keys.userSession(session.userId, sessionId)]);
  },

  async listByUser(ctx: DynamoContext, userId: string): Promise<Session[]> {
    const index = await queryAll(ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':prefix': keys.userSessionPrefix() },
      ConsistentRead: true,
    });
    const found = await batchGet(
      ctx,
      index.map((entry) => keys.session(String(entry.sessionId))),
    );
    return found.map(sessionFromItem).filter((session) => session.userId === userId);
  },

  async deleteByUser(ctx: DynamoContext, userId: string, exceptSessionId?: string): Promise<void> {
    const index = await queryAll(ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':prefix': keys.userSessionPrefix() },
      ConsistentRead: true,
    });
    const doomed = index.map((entry) => String(entry.sessionId)).filter((id) => id !== exceptSessionId);
    await deleteKeys(
      ctx,
      doomed.flatMap((id) => [keys.session(id), keys.userSession(userId, id)]),
    );
  },

  /** SessionsByExpiry finds candidates; each is deleted only if still expired on the base item. */
  async deleteExpired(ctx: DynamoContext, nowInput: string): Promise<void> {
    const now = instant(nowInput);
    const index = INDEXES.SessionsByExpiry;
    const candidates = await queryAll(ctx, {
      IndexName: 'SessionsByExpiry',
      KeyConditionExpression: '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
      ExpressionAttributeValues: {
        ':pk': keys.sessionsExpiryPartition(),
        ':before': keys.sessionsExpiredBefore(now),
      },
    });
    for (const candidate of candidates) {
      try {
        await send(
          ctx,
          new DeleteCommand({
            TableName: ctx.table,
            Key: keys.session(String(candidate.id)),
            ConditionExpression: 'expiresAt <= :now',
            ExpressionAttributeValues: { ':now': now },
          }),
        );
        await deleteKeys(ctx, [keys.userSession(String(candidate.userId), String(candidate.id))]);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  },
};
