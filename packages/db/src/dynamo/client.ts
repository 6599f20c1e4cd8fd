/**
 * The adapter's only door to DynamoDB: every call goes through `send`, `transact`, `batchGet` or `queryAll`
 * here, so no raw SDK error can escape (they become {@link StoreError}) and the retry rules live in one place.
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { StoreError } from '../errors.js';
import type { Key } from './keys.js';

export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What every adapter module receives: the document client and the table name. */
export interface DynamoContext {
  doc: DynamoDBDocumentClient;
  table: string;
}

/** Options of {@link createDynamoStore}. */
export interface DynamoStoreOptions {
  table: string;
  /** For DynamoDB Local, e.g. `http://127.0.0.1:8000`. Omit for AWS. */
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** An existing low-level client (tests, the edge runtime); `endpoint`/`region`/`credentials` are then ignored. */
  client?: DynamoDBClient;
}

/**
 * The document client shares the low-level `client`; only `client.destroy()` closes sockets (the document
 * client's own destroy() is a no-op), so the context keeps both.
 */
export function createContext(
  options: DynamoStoreOptions,
): DynamoContext & { client: DynamoDBClient; ownsClient: boolean } {
  const client =
    options.client ??
    new DynamoDBClient({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, client, table: options.table, ownsClient: !options.client };
}

const UNAVAILABLE = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TimeoutError',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/** Wraps an SDK failure: outages and throttles are STORAGE_UNAVAILABLE, anything else STORAGE_FAILED. */
function unavailable(error: unknown): StoreError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  const outage =
    (error as { $fault?: string }).$fault === 'server' || UNAVAILABLE.has(name) || UNAVAILABLE.has(code);
  return new StoreError(
    outage ? 'STORAGE_UNAVAILABLE' : 'STORAGE_FAILED',
    `DynamoDB request failed: ${name}: ${message}`,
    {
      cause: error,
    },
  );
}

/** Sends one command; any SDK failure becomes a StoreError (the SDK already retried throttles). */
export async function send<T = unknown>(ctx: DynamoContext, command: { readonly input: object }): Promise<T> {
  try {
    return (await ctx.doc.send(command as never)) as T;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw unavailable(error);
  }
}

/** True for a conditional write that lost (single-item Put/Update/Delete with a ConditionExpression). */
export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof StoreError &&
    (error.cause as Error | undefined)?.name === 'ConditionalCheckFailedException'
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Result of a transaction: the indexes of the items whose condition failed. */
export type TransactResult = { ok: true } | { ok: false; failed: number[] };

const MAX_ATTEMPTS = 25;
/** Cancellation codes that mean "someone else touched an item at the same moment": safe to retry as is. */
const RETRYABLE = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'None',
]);

/**
 * Runs one TransactWriteItems. Condition failures come back as values (item indexes, in the order given,
 * as DynamoDB orders CancellationReasons). Transactions that collide on an item are cancelled with
 * `TransactionConflict` (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling);
 * the SDK does not retry those, so we do, with jittered exponential backoff.
 */
export async function transact(ctx: DynamoContext, items: TransactItem[]): Promise<TransactResult> {
  if (items.length > 100) {
    throw new StoreError('INVARIANT_BROKEN', `a transaction of ${items.length} items exceeds DynamoDB's 100`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) {
        if ((error as Error).name === 'TransactionConflictException' && attempt < MAX_ATTEMPTS) {
          await sleep(backoff(attempt));
          continue;
        }
        throw unavailable(error);
      }
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.flatMap((reason, index) =>
        reason.Code === 'ConditionalCheckFailed' ? [index] : [],
      );
      if (failed.length > 0) return { ok: false, failed };
      const retryable = reasons.length > 0 && reasons.every((reason) => RETRYABLE.has(reason.Code ?? 'None'));
      if (!retryable) throw unavailable(error);
      if (attempt >= MAX_ATTEMPTS) {
        throw new StoreError('STORAGE_FAILED', `transaction still conflicting after ${attempt} attempts`, {
          cause: error,
        });
      }
      await sleep(backoff(attempt));
    }
  }
}

function backoff(attempt: number): number {
  const cap = Math.min(400, 10 * 2 ** Math.min(attempt, 6));
  return 5 + Math.random() * cap;
}

const keyOf = (item: Item | Key) => `${String(item.PK)}\u0000${String(item.SK)}`;

/**
 * Consistent BatchGetItem of any number of keys: chunks of 100 (the API limit) and re-requests of
 * UnprocessedKeys with backoff (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html).
 * Returns the found items in the order of `keyList`.
 */
export async function batchGet(ctx: DynamoContext, keyList: Key[]): Promise<Item[]> {
  const unique = [...new Map(keyList.map((key) => [keyOf(key), { PK: key.PK, SK: key.SK }])).values()];
  const found = new Map<string, Item>();
  for (let start = 0; start < unique.length; start += 100) {
    let pending: Key[] = unique.slice(start, start + 100);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const out = await send<{
        Responses?: Record<string, Item[]>;
        UnprocessedKeys?: Record<string, { Keys?: Key[] }>;
      }>(
        ctx,
        new BatchGetCommand({ RequestItems: { [ctx.table]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of out.Responses?.[ctx.table] ?? []) found.set(keyOf(item), item);
      pending = (out.UnprocessedKeys?.[ctx.table]?.Keys ?? []) as Key[];
      if (pending.length > 0) {
        if (attempt >= MAX_ATTEMPTS)
          throw new StoreError('STORAGE_FAILED', 'BatchGetItem kept returning UnprocessedKeys');
        await sleep(backoff(attempt));
      }
    }
  }
  return keyList.flatMap((key) => {
    const item = found.get(keyOf(key));
    return item ? [item] : [];
  });
}

/** A Query followed through every page (LastEvaluatedKey), or until `limit` items. */
export async function queryAll(
  ctx: DynamoContext,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  limit = Number.POSITIVE_INFINITY,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await send<{ Items?: Item[]; LastEvaluatedKey?: Record<string, unknown> }>(
      ctx,
      new QueryCommand({
        ...input,
        TableName: ctx.table,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items.slice(0, limit);
}
