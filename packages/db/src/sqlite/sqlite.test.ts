import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { ManualClock } from '../ports.js';
import { createShow, holdWindow } from '../testing/fixtures.js';
import { createSqliteStore, SQLITE_MIGRATIONS_FOLDER } from './index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mm-sqlite-unit-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite adapter specifics', () => {
  it('ships its committed migrations at the exported folder', () => {
    expect(existsSync(join(SQLITE_MIGRATIONS_FOLDER, 'meta', '_journal.json'))).toBe(true);
  });

  it('creates the file in WAL mode with the hot tables stored WITHOUT ROWID', async () => {
    const file = join(dir, 'mm.db');
    const store = createSqliteStore({ file });
    await store.migrate();
    await store.close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = raw
        .prepare<[], { name: string; wr: number }>(
          "select name, wr from pragma_table_list where schema = 'main'",
        )
        .all();
      const withoutRowid = tables
        .filter((t) => t.wr === 1)
        .map((t) => t.name)
        .sort();
      expect(withoutRowid).toEqual([
        'bookings',
        'holds',
        'seats',
        'showtimes',
        'ticket_jobs',
        'user_bookings',
      ]);
    } finally {
      raw.close();
    }
  });

  it('reports a storage failure as a StoreError, never a raw SQLite error', async () => {
    const store = createSqliteStore({ file: join(dir, 'unmigrated.db') });
    const failure = await store.getCity('hyderabad').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'STORAGE_FAILED' });
    await store.close();
  });

  it('reports a write lock held too long by another connection as STORAGE_UNAVAILABLE', async () => {
    const file = join(dir, 'locked.db');
    const store = createSqliteStore({ file, busyTimeoutMs: 50 });
    await store.migrate();
    const clock = new ManualClock();
    const show = await createShow(store, clock);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const attempt = store.holdSeats({
        holdId: 'hold_locked',
        showtimeId: show.showtime.id,
        userId: 'user_l',
        seatIds: ['A-1'],
        ...holdWindow(clock),
      });
      await expect(attempt).rejects.toMatchObject({ name: 'StoreError', code: 'STORAGE_UNAVAILABLE' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const retry = await store.holdSeats({
      holdId: 'hold_after',
      showtimeId: show.showtime.id,
      userId: 'user_l',
      seatIds: ['A-1'],
      ...holdWindow(clock),
    });
    expect(retry.ok).toBe(true);
    await store.close();
  });

  it('works on an in-memory database for unit tests', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    await store.migrate();
    expect(await store.isEmpty()).toBe(true);
    await store.close();
  });
});
