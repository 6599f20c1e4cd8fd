/**
 * Opening an SQLite database the way every connection of Movie Magic needs it, and applying migrations.
 */
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

/** The committed drizzle-kit migrations (`packages/db/drizzle`). */
export const SQLITE_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string, busyTimeoutMs = 5_000): Db {
  const client = new Database(file);
  // WAL: readers never block the writer and vice versa; several processes or threads can share the file.
  // https://www.sqlite.org/wal.html
  if (file !== ':memory:') client.pragma('journal_mode = WAL');
  // Wait for a competing writer (BEGIN IMMEDIATE) instead of failing at once with SQLITE_BUSY.
  client.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  client.pragma('foreign_keys = ON');
  // NORMAL is durable in WAL mode except for the last transactions on power loss (not on a crash).
  // https://www.sqlite.org/pragma.html#pragma_synchronous
  client.pragma('synchronous = NORMAL');
  // A checkpoint copies the WAL into the database file and fsyncs it: the one slow step of a WAL write.
  // The default (every 1000 pages, ~4 MB) checkpoints every ~100 bookings, because a booking writes several
  // pages; every 10000 pages keeps the WAL under ~40 MB and the fsyncs ten times rarer.
  // https://www.sqlite.org/wal.html#automatic_checkpoint
  client.pragma('wal_autocheckpoint = 10000');
  return drizzle({ client, schema }) as Db;
}

export function migrateDatabase(db: Db, migrationsFolder: string): void {
  migrate(db, { migrationsFolder });
}
