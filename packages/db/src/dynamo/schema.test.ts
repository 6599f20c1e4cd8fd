/**
 * The table itself: migrate (indexes, TTL), batch reads past the 100-key limit, TTL attributes for
 * housekeeping, and SDK failures surfacing as StoreError.
 */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { ManualClock } from '../ports.js';
import { DYNAMO_LOCAL_CREDENTIALS, DYNAMO_LOCAL_REGION } from '../testing/dynamo-local.js';
import { confirmInputFor, createShow, freshId, holdWindow, makeCity } from '../testing/fixtures.js';
import { batchGet, createContext } from './client.js';
import { INDEXES, keys } from './keys.js';
import { createDynamoStore } from './store.js';
import { useDynamoTestTable } from './test-table.js';

const dynamo = useDynamoTestTable('mm-schema');
const { rawGet } = dynamo;
const clock = new ManualClock();

describe('DynamoDB table, TTL and errors', () => {
  it('migrate creates an on-demand table with every GSI and TTL on the ttl attribute', async () => {
    const client = new DynamoDBClient({
      endpoint: dynamo.opened.endpoint,
      region: DYNAMO_LOCAL_REGION,
      credentials: DYNAMO_LOCAL_CREDENTIALS,
    });
    try {
      const table = (await client.send(new DescribeTableCommand({ TableName: dynamo.opened.table }))).Table;
      expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
        Object.keys(INDEXES).sort(),
      );
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: dynamo.opened.table }));
      expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'ttl', TimeToLiveStatus: 'ENABLED' });
    } finally {
      client.destroy();
    }
  });

  it('batch-reads more keys than one BatchGetItem allows (100), in request order, skipping missing ones', async () => {
    const cities = Array.from({ length: 130 }, () => makeCity());
    await Promise.all(cities.map((city) => dynamo.store.putCity(city)));
    const wanted = [...cities]
      .reverse()
      .flatMap((city, i) => (i % 40 === 0 ? [keys.city(`missing-${i}`)] : []).concat(keys.city(city.id)));
    const ctx = createContext({
      table: dynamo.opened.table,
      endpoint: dynamo.opened.endpoint,
      region: DYNAMO_LOCAL_REGION,
      credentials: DYNAMO_LOCAL_CREDENTIALS,
    });
    try {
      const items = await batchGet(ctx, wanted);
      expect(items.map((item) => item.id)).toEqual([...cities].reverse().map((city) => city.id));
    } finally {
      ctx.client.destroy();
    }
  });

  it('migrate brings an existing table without indexes up to date and can run again', async () => {
    const client = new DynamoDBClient({
      endpoint: dynamo.opened.endpoint,
      region: DYNAMO_LOCAL_REGION,
      credentials: DYNAMO_LOCAL_CREDENTIALS,
    });
    const table = `${dynamo.opened.table}-old`;
    try {
      await client.send(
        new CreateTableCommand({
          TableName: table,
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [
            { AttributeName: 'PK', KeyType: 'HASH' },
            { AttributeName: 'SK', KeyType: 'RANGE' },
          ],
          AttributeDefinitions: [
            { AttributeName: 'PK', AttributeType: 'S' },
            { AttributeName: 'SK', AttributeType: 'S' },
          ],
        }),
      );
      const old = createDynamoStore({ table, region: DYNAMO_LOCAL_REGION, client });
      await old.migrate();
      await old.migrate();
      const described = (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
      expect(described?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
        Object.keys(INDEXES).sort(),
      );
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table }));
      expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
    } finally {
      await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
      client.destroy();
    }
  });

  it('marks holds, sessions, reset tokens and rate-limit windows for TTL housekeeping, but not sold seats', async () => {
    const show = await createShow(dynamo.store, clock);
    const w = holdWindow(clock);
    const held = await dynamo.store.holdSeats({
      holdId: freshId('hold'),
      showtimeId: show.showtime.id,
      userId: 'user_ttl',
      seatIds: ['A-1'],
      ...w,
    });
    if (!held.ok) throw new Error(held.reason);
    const expiresEpoch = Math.floor(new Date(w.expiresAt).getTime() / 1000);
    expect((await rawGet(keys.hold(held.hold.id)))?.ttl).toBeGreaterThanOrEqual(expiresEpoch);
    expect((await rawGet(keys.seat(show.showtime.id, 'A-1')))?.ttl).toBeGreaterThanOrEqual(expiresEpoch);

    const session = { id: freshId('sess'), userId: 'user_ttl', expiresAt: w.expiresAt, createdAt: w.now };
    await dynamo.store.createSession(session);
    expect((await rawGet(keys.session(session.id)))?.ttl).toBeGreaterThanOrEqual(expiresEpoch);
    await dynamo.store.createPasswordResetToken({
      tokenHash: freshId('hash'),
      userId: 'user_ttl',
      expiresAt: w.expiresAt,
    });
    const key = `ttl:${freshId('ip')}`;
    await dynamo.store.hitRateLimit(key, 5, 60, w.now);
    const windowStart = new Date(Math.floor(clock.now().getTime() / 60_000) * 60_000).toISOString();
    expect((await rawGet(keys.rateLimit(key, windowStart)))?.ttl).toEqual(expect.any(Number));

    const confirmed = await dynamo.store.confirmBooking(confirmInputFor(held.hold, show, clock));
    expect(confirmed.ok).toBe(true);
    const sold = await rawGet(keys.seat(show.showtime.id, 'A-1'));
    expect(sold).toMatchObject({ state: 'sold' });
    expect(sold?.ttl).toBeUndefined();
    expect(sold?.expiresAt).toBeUndefined();
  });

  it('turns an unreachable DynamoDB into a StoreError, never a raw SDK error', async () => {
    const offline = createDynamoStore({
      table: 'nowhere',
      region: DYNAMO_LOCAL_REGION,
      endpoint: 'http://127.0.0.1:9',
      credentials: DYNAMO_LOCAL_CREDENTIALS,
    });
    try {
      const error = await offline.getCity('hyderabad').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    } finally {
      await offline.close();
    }
  });
});
