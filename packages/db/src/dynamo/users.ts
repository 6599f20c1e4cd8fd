/**
 * Users and password-reset tokens.
 *
 * E-mail uniqueness: the user item and an `EMAIL#<normalized>` item are written in ONE transaction, both
 * with attribute_not_exists, so two simultaneous registrations cannot both succeed (DynamoDB has no unique
 * secondary indexes).
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type PasswordResetToken, type User, UserSchema } from '../domain.js';
import { StoreError } from '../errors.js';
import type { CreateUserResult } from '../store.js';
import { catalog } from './catalog.js';
import { type DynamoContext, type Item, isConditionFailure, send, transact } from './client.js';
import { instant, keys, normalizeEmail } from './keys.js';
import { ttlOf } from './schema.js';

const parseUser = (item: Item): User => UserSchema.parse(item);

export const users = {
  async create(ctx: DynamoContext, user: User): Promise<CreateUserResult> {
    const clean = UserSchema.parse(user);
    const result = await transact(ctx, [
      {
        Put: {
          TableName: ctx.table,
          Item: { ...keys.user(clean.id), ...clean },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: ctx.table,
          Item: { ...keys.email(clean.emailNormalized), userId: clean.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ]);
    if (result.ok) return { ok: true, user: clean };
    if (result.failed.includes(1)) return { ok: false, reason: 'EMAIL_TAKEN' };
    throw new StoreError('INVARIANT_BROKEN', `user id ${clean.id} is already in use`);
  },

  async getById(ctx: DynamoContext, userId: string): Promise<User | null> {
    const item = await catalog.getItem(ctx, keys.user(userId));
    return item ? parseUser(item) : null;
  },

  async getByEmail(ctx: DynamoContext, email: string): Promise<User | null> {
    const pointer = await catalog.getItem(ctx, keys.email(normalizeEmail(email)));
    return pointer ? await users.getById(ctx, String(pointer.userId)) : null;
  },

  async update(
    ctx: DynamoContext,
    userId: string,
    patch: Partial<Pick<User, 'name' | 'phone' | 'homeCityId' | 'passwordHash' | 'role'>>,
  ): Promise<User | null> {
    const allowed = ['name', 'phone', 'homeCityId', 'passwordHash', 'role'] as const;
    const fields = allowed.filter((field) => patch[field] !== undefined);
    if (fields.length === 0) return await users.getById(ctx, userId);
    try {
      const out = await send<{ Attributes?: Item }>(
        ctx,
        new UpdateCommand({
          TableName: ctx.table,
          Key: keys.user(userId),
          UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: Object.fromEntries(fields.map((field, i) => [`#f${i}`, field])),
          ExpressionAttributeValues: Object.fromEntries(fields.map((field, i) => [`:v${i}`, patch[field]])),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? parseUser(out.Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },
};

export const resetTokens = {
  async create(ctx: DynamoContext, token: PasswordResetToken): Promise<void> {
    await send(
      ctx,
      new PutCommand({
        TableName: ctx.table,
        Item: { ...keys.resetToken(token.tokenHash), ...token, ttl: ttlOf(token.expiresAt) },
      }),
    );
  },

  /** Single use: the DeleteItem itself is the claim (ReturnValues ALL_OLD), so two uses cannot both win. */
  async consume(ctx: DynamoContext, tokenHash: string, now: string): Promise<PasswordResetToken | null> {
    const out = await send<{ Attributes?: Item }>(
      ctx,
      new DeleteCommand({ TableName: ctx.table, Key: keys.resetToken(tokenHash), ReturnValues: 'ALL_OLD' }),
    );
    const item = out.Attributes;
    if (!item || instant(String(item.expiresAt)) <= instant(now)) return null;
    return {
      tokenHash: String(item.tokenHash),
      userId: String(item.userId),
      expiresAt: String(item.expiresAt),
    };
  },
};
