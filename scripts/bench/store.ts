/**
 * Issue 2's benchmark: hold+confirm cycles per second through each Store adapter, beside the raw baseline of
 * bare better-sqlite3 single-row insert transactions on the same machine in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomIds, type Screen, type Store, seatsOfScreen } from '@movie-magic/db';
import { createDynamoStore } from '@movie-magic/db/dynamo';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { startDynamoLocal } from '@movie-magic/db/testing';
import Database from 'better-sqlite3';
import { fmt, heading, row } from './stats.js';

const SEATS_PER_CYCLE = 4;

/** Bare better-sqlite3: one INSERT per transaction, WAL + synchronous=NORMAL like the adapter. */
function rawInsertTransactionsPerSecond(dir: string, count: number): number {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const tx = db.transaction((v: string) => insert.run(v));
  const started = performance.now();
  for (let i = 0; i < count; i++) tx(`row-${i}`);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return count / seconds;
}

function benchScreen(): Screen {
  const rows = 'ABCDEFGHIJKLMNOPQRST'.split('').map((label, i) => ({
    label,
    categoryId: i < 4 ? 'recliner' : i < 12 ? 'prime' : 'classic',
    cells: Array.from({ length: 16 }, (_, n) => n + 1),
  }));
  return {
    id: 'bench-screen',
    theaterId: 'bench-theater',
    name: 'Bench Screen',
    categories: [
      { id: 'recliner', name: 'Recliner', defaultPrice: 45000 },
      { id: 'prime', name: 'Prime', defaultPrice: 25000 },
      { id: 'classic', name: 'Classic', defaultPrice: 15000 },
    ],
    rows,
    accessibleSeatIds: [],
  };
}

async function prepareCatalog(
  store: Store,
  showtimes: number,
  startsAt: string,
): Promise<{ ids: string[]; seatIds: string[] }> {
  const screen = benchScreen();
  await store.putCity({ id: 'bench-city', name: 'Bench City', state: 'Telangana', timeZone: 'Asia/Kolkata' });
  await store.putTheater({
    id: 'bench-theater',
    cityId: 'bench-city',
    name: 'Bench Theater',
    address: '1 Bench Road',
    amenities: [],
  });
  await store.putScreen(screen);
  await store.putMovie({
    id: 'bench-movie',
    title: 'Bench Movie',
    synopsis: 'A benchmark.',
    runtimeMinutes: 120,
    certificate: 'U',
    languages: ['Telugu'],
    formats: ['2D'],
    genres: ['Drama'],
    releaseDate: '2026-11-01',
    posterUrl: '/posters/bench-movie.svg',
    cast: [],
  });
  const seatIds = seatsOfScreen(screen).map((s) => s.id);
  const ids: string[] = [];
  for (let i = 0; i < showtimes; i++) {
    const id = `st_bench_${String(i).padStart(4, '0')}`;
    ids.push(id);
    await store.putShowtime({
      id,
      movieId: 'bench-movie',
      theaterId: 'bench-theater',
      screenId: 'bench-screen',
      cityId: 'bench-city',
      startsAt,
      language: 'Telugu',
      format: '2D',
      prices: { recliner: 45000, prime: 25000, classic: 15000 },
      seatsTotal: seatIds.length,
    });
  }
  return { ids, seatIds };
}

/** Sequential hold+confirm cycles (4 seats each) for `seconds`, over fresh seats. */
async function holdConfirmCyclesPerSecond(
  store: Store,
  maxCycles: number,
  seconds: number,
  warmupCycles: number,
): Promise<{ perSecond: number; cycles: number }> {
  const perShowtime = Math.floor(320 / SEATS_PER_CYCLE);
  const showtimeCount = Math.ceil((maxCycles + warmupCycles) / perShowtime);
  const now = new Date();
  const startsAt = new Date(now.getTime() + 3 * 86_400_000).toISOString();
  const { ids, seatIds } = await prepareCatalog(store, showtimeCount, startsAt);
  // The first cycles warm up the JIT (V8, and DynamoDB Local's JVM) and are not counted.
  let started = performance.now();
  let deadline = Number.POSITIVE_INFINITY;
  let cycles = 0;
  for (; cycles < maxCycles + warmupCycles && performance.now() < deadline; cycles++) {
    if (cycles === warmupCycles) {
      started = performance.now();
      deadline = started + seconds * 1000;
    }
    const showtimeId = ids[Math.floor(cycles / perShowtime)] as string;
    const offset = (cycles % perShowtime) * SEATS_PER_CYCLE;
    const seats = seatIds.slice(offset, offset + SEATS_PER_CYCLE);
    const userId = `usr_bench_${cycles}`;
    const nowIso = new Date().toISOString();
    const holdId = randomIds.id('hold');
    const held = await store.holdSeats({
      holdId,
      showtimeId,
      userId,
      seatIds: seats,
      now: nowIso,
      expiresAt: new Date(Date.now() + 8 * 60_000).toISOString(),
    });
    if (!held.ok) throw new Error(`hold failed in the benchmark: ${JSON.stringify(held)}`);
    const confirmed = await store.confirmBooking({
      holdId,
      userId,
      idempotencyKey: randomIds.id('idem'),
      now: nowIso,
      bookingId: randomIds.id('bk'),
      code: `B${String(cycles).padStart(6, '0')}`,
      seats: seats.map((seatId) => ({ seatId, categoryId: 'classic', price: 15000 })),
      amounts: { tickets: 60000, fee: 12000, tax: 2160, total: 74160 },
      payment: { method: 'test-card', reference: 'bench', last4: '4242' },
      ticketJobId: randomIds.id('job'),
    });
    if (!confirmed.ok) throw new Error(`confirm failed in the benchmark: ${JSON.stringify(confirmed)}`);
  }
  const measured = cycles - warmupCycles;
  return { perSecond: measured / ((performance.now() - started) / 1000), cycles: measured };
}

export async function benchStores(): Promise<void> {
  heading('Seat locking through the Store adapters (issue 2)');
  const dir = mkdtempSync(join(tmpdir(), 'mm-bench-'));
  try {
    const raw = rawInsertTransactionsPerSecond(dir, 20_000);
    row('raw better-sqlite3 single-insert transactions/s (WAL)', fmt(raw));

    const sqlite = createSqliteStore({ file: join(dir, 'bench.db') });
    await sqlite.migrate();
    const s = await holdConfirmCyclesPerSecond(sqlite, 8_000, 4, 500);
    await sqlite.close();
    row(
      'SQLite adapter hold+confirm cycles/s (4 seats, WAL file)',
      `${fmt(s.perSecond)}  (${s.cycles} cycles)`,
    );
    row('  ratio to the raw baseline (goal >= 30%)', `${fmt((s.perSecond / raw) * 100, 1)}%`);

    const local = await startDynamoLocal();
    try {
      const dynamo = createDynamoStore({
        table: 'bench',
        endpoint: local.endpoint,
        region: 'ap-south-1',
        credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
      });
      await dynamo.migrate();
      const d = await holdConfirmCyclesPerSecond(dynamo, 600, 8, 60);
      await dynamo.close();
      row(
        'DynamoDB Local adapter hold+confirm cycles/s (4 seats)',
        `${fmt(d.perSecond, 1)}  (${d.cycles} cycles)`,
      );
      row('  ratio to the raw baseline', `${fmt((d.perSecond / raw) * 100, 2)}%`);
    } finally {
      await local.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
