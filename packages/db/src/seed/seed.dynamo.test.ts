import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DynamoTestTable, openDynamoTestTable } from '../testing/dynamo-local.js';
import { seedStore } from './index.js';

const NOW = new Date('2026-12-03T09:15:00.000Z');

let table: DynamoTestTable;
beforeAll(async () => {
  table = await openDynamoTestTable(inject('dynamoEndpoint'), 'mm-seed');
});
afterAll(async () => {
  await table?.drop();
});

describe('seedStore on DynamoDB', () => {
  it('seeds the same catalog as on SQLite, twice without duplicates, keeping held seats', async () => {
    const { store } = table;
    const first = await seedStore(store, { now: NOW });
    expect(first).toMatchObject({ cities: 4, theaters: 12, movies: 9 });
    const from = NOW.toISOString();
    const to = new Date(NOW.getTime() + 8 * 86_400_000).toISOString();
    const inHyderabad = await store.listShowtimesInCity('hyderabad', from, to);
    expect(inHyderabad.length).toBeGreaterThan(50);
    const [showtime] = inHyderabad;
    if (!showtime) throw new Error('no showtime seeded');
    const expiresAt = new Date(NOW.getTime() + 8 * 60_000).toISOString();
    await store.holdSeats({
      holdId: 'hold_seed_dyn',
      showtimeId: showtime.id,
      userId: 'user_seed',
      seatIds: ['A-1'],
      now: from,
      expiresAt,
    });
    const before = await store.getSeatMap(showtime.id, from);

    expect(await seedStore(store, { now: NOW })).toEqual(first);
    expect((await store.listShowtimesInCity('hyderabad', from, to)).map((s) => s.id)).toEqual(
      inHyderabad.map((s) => s.id),
    );
    expect((await store.listCities()).map((c) => c.id).sort()).toEqual([
      'bengaluru',
      'chennai',
      'hyderabad',
      'nellore',
    ]);
    expect(await store.getSeatMap(showtime.id, from)).toEqual(before);
  });
});
