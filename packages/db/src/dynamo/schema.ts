/**
 * The table definition and `migrate()`: CreateTable (on-demand billing) with every GSI from keys.ts, wait
 * until ACTIVE, then TTL on `ttl`. Idempotent: an existing table is fine, missing GSIs are added.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type GlobalSecondaryIndexDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { StoreError } from '../errors.js';
import { type DynamoContext, send } from './client.js';
import { INDEXES, type IndexName, PK, SK } from './keys.js';

/** Epoch-seconds attribute DynamoDB TTL deletes by. Housekeeping only: deletion can lag up to 48 hours. */
export const TTL_ATTRIBUTE = 'ttl';

const indexNames = Object.keys(INDEXES) as IndexName[];

function attributeDefinitions(names: IndexName[]) {
  const attributes = new Set<string>([
    PK,
    SK,
    ...names.flatMap((name) => [INDEXES[name].pk, INDEXES[name].sk]),
  ]);
  return [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const }));
}

function indexDefinition(name: IndexName) {
  return {
    IndexName: name,
    KeySchema: [
      { AttributeName: INDEXES[name].pk, KeyType: 'HASH' as const },
      { AttributeName: INDEXES[name].sk, KeyType: 'RANGE' as const },
    ],
    // The indexed items are small (showtime details, job and session records): projecting everything
    // saves a read per result. Seat decisions never read a GSI (they are eventually consistent).
    Projection: { ProjectionType: 'ALL' as const },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function describe(ctx: DynamoContext) {
  try {
    const out = await ctx.doc.send(new DescribeTableCommand({ TableName: ctx.table }));
    return out.Table ?? null;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return null;
    throw new StoreError('STORAGE_UNAVAILABLE', `DescribeTable failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

async function waitUntilActive(ctx: DynamoContext): Promise<GlobalSecondaryIndexDescription[]> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const table = await describe(ctx);
    const indexes = table?.GlobalSecondaryIndexes ?? [];
    if (table?.TableStatus === 'ACTIVE' && indexes.every((index) => index.IndexStatus === 'ACTIVE'))
      return indexes;
    await sleep(attempt < 10 ? 100 : 1000);
  }
  throw new StoreError('STORAGE_UNAVAILABLE', `table ${ctx.table} did not become ACTIVE`);
}

export async function migrate(ctx: DynamoContext): Promise<void> {
  if (!(await describe(ctx))) {
    try {
      await ctx.doc.send(
        new CreateTableCommand({
          TableName: ctx.table,
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [
            { AttributeName: PK, KeyType: 'HASH' },
            { AttributeName: SK, KeyType: 'RANGE' },
          ],
          AttributeDefinitions: attributeDefinitions(indexNames),
          GlobalSecondaryIndexes: indexNames.map(indexDefinition),
        }),
      );
    } catch (error) {
      // Two processes migrating at once: the loser sees ResourceInUseException, which is fine.
      if ((error as Error).name !== 'ResourceInUseException') {
        throw new StoreError('STORAGE_UNAVAILABLE', `CreateTable failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  }
  let existing = await waitUntilActive(ctx);
  // UpdateTable adds one GSI per call (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html).
  for (const name of indexNames) {
    if (existing.some((index) => index.IndexName === name)) continue;
    await send(
      ctx,
      new UpdateTableCommand({
        TableName: ctx.table,
        AttributeDefinitions: attributeDefinitions([name]),
        GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(name) }],
      }),
    );
    existing = await waitUntilActive(ctx);
  }
  const ttl = await send<{ TimeToLiveDescription?: { TimeToLiveStatus?: string } }>(
    ctx,
    new DescribeTimeToLiveCommand({ TableName: ctx.table }),
  );
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await send(
      ctx,
      new UpdateTimeToLiveCommand({
        TableName: ctx.table,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  }
}

/** Epoch seconds of an ISO instant plus a grace day, for the `ttl` attribute. */
export function ttlOf(expiresAt: string, graceSeconds = 86_400): number {
  return Math.floor(new Date(expiresAt).getTime() / 1000) + graceSeconds;
}
