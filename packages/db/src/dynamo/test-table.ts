/**
 * Test-only: a fresh DynamoDB Local table per test file (on the run's shared DynamoDB Local), its Store, and
 * a raw reader that checks stored items without going through the adapter. Registers its own hooks.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Store } from '../store.js';
import {
  DYNAMO_LOCAL_CREDENTIALS,
  DYNAMO_LOCAL_REGION,
  type DynamoTestTable,
  openDynamoTestTable,
} from '../testing/dynamo-local.js';

export interface RawDynamoTable {
  readonly opened: DynamoTestTable;
  readonly store: Store;
  /** A strongly consistent GetItem straight from the table. */
  rawGet(key: { PK: string; SK: string }): Promise<Record<string, unknown> | undefined>;
}

export function useDynamoTestTable(prefix: string): RawDynamoTable {
  let opened: DynamoTestTable | undefined;
  let rawClient: DynamoDBClient | undefined;
  let raw: DynamoDBDocumentClient | undefined;
  beforeAll(async () => {
    opened = await openDynamoTestTable(inject('dynamoEndpoint'), prefix);
    rawClient = new DynamoDBClient({
      endpoint: opened.endpoint,
      region: DYNAMO_LOCAL_REGION,
      credentials: DYNAMO_LOCAL_CREDENTIALS,
    });
    raw = DynamoDBDocumentClient.from(rawClient);
  });
  afterAll(async () => {
    rawClient?.destroy();
    await opened?.drop();
  });
  const started = () => {
    if (!opened || !raw) throw new Error('the DynamoDB test table is not open yet (use it inside tests)');
    return { opened, raw };
  };
  return {
    get opened() {
      return started().opened;
    },
    get store() {
      return started().opened.store;
    },
    async rawGet(key) {
      const { opened: table, raw: client } = started();
      return (await client.send(new GetCommand({ TableName: table.table, Key: key, ConsistentRead: true })))
        .Item;
    },
  };
}
