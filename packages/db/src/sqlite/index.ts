/**
 * The embedded SQLite adapter (entry `@movie-magic/db/sqlite`): drizzle-orm on better-sqlite3, one file
 * under DATA_DIR in WAL mode. Only composition roots and tests import this module.
 */
import { SqliteError } from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { Store } from '../store.js';
import { accountQueries } from './accounts.js';
import { bookingQueries } from './bookings.js';
import { catalogQueries } from './catalog.js';
import { type Db, migrateDatabase, openDatabase, SQLITE_MIGRATIONS_FOLDER } from './connection.js';
import { jobQueries } from './jobs.js';
import { seatQueries } from './seats.js';

export { SQLITE_MIGRATIONS_FOLDER } from './connection.js';

export interface SqliteStoreOptions {
  /** Path of the database file, or `:memory:` (unit tests only: other connections cannot share it). */
  file: string;
  /** Defaults to the committed migrations of this package ({@link SQLITE_MIGRATIONS_FOLDER}). */
  migrationsFolder?: string;
  /** How long to wait for another connection's write lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}

/** Raw SQLite errors never leave the adapter: they become a {@link StoreError} with a stable code. */
function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (error instanceof SqliteError) {
    const busy = error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED');
    return new StoreError(busy ? 'STORAGE_UNAVAILABLE' : 'STORAGE_FAILED', `SQLite: ${error.code}`, {
      cause: error,
    });
  }
  return new StoreError('STORAGE_FAILED', 'SQLite operation failed', { cause: error });
}

/** Turns the synchronous query functions into the async Store shape, mapping every thrown error. */
function guarded<T extends Record<string, (...args: never[]) => unknown>>(queries: T) {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(queries)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return fn(...args);
      } catch (error) {
        throw toStoreError(error);
      }
    };
  }
  return wrapped as { [K in keyof T]: (...args: Parameters<T[K]>) => Promise<ReturnType<T[K]>> };
}

/** Opens the file (creating it when missing); call `migrate()` before first use of a new file. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  let db: Db;
  try {
    db = openDatabase(options.file, options.busyTimeoutMs);
  } catch (error) {
    throw toStoreError(error);
  }
  const migrationsFolder = options.migrationsFolder ?? SQLITE_MIGRATIONS_FOLDER;
  const queries = guarded({
    ...catalogQueries(db),
    ...seatQueries(db),
    ...bookingQueries(db),
    ...accountQueries(db),
    ...jobQueries(db),
    migrate: () => migrateDatabase(db, migrationsFolder),
    close: () => {
      db.$client.close();
    },
  });
  return { kind: 'sqlite', ...queries };
}
