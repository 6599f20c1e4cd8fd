/**
 * The Store contract: ONE suite that every adapter runs (the Auth.js / Lucia adapter-suite pattern).
 * `describeStoreContract('sqlite', factory)` registers vitest tests; each test makes its own data, so the
 * fixture is created once per suite and tests never depend on each other's order.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { ManualClock } from '../ports.js';
import type { Store } from '../store.js';
import { accountsContract } from './contract/accounts.js';
import { bookingsContract } from './contract/bookings.js';
import { catalogContract } from './contract/catalog.js';
import { jobsContract } from './contract/jobs.js';
import { racesContract } from './contract/races.js';
import { seatsContract } from './contract/seats.js';
import type { ForceHold } from './unguarded.js';

/** One stored seat record as the adapter wrote it, expired holds included. */
export interface StoredSeat {
  status: 'held' | 'sold';
  userId: string;
  holdId: string | null;
  bookingId: string | null;
  /** For holds; null for sold seats. */
  expiresAt: string | null;
}

/**
 * Reads and writes stored state WITHOUT going through the adapter (raw SQL for SQLite, raw Query/PutItem
 * for DynamoDB), so the suite checks what is really stored rather than what the adapter says.
 */
export interface StoreBackdoor {
  /** seat id -> stored record, for every seat of the showtime that has a record. */
  seatOwners(showtimeId: string): Promise<Map<string, StoredSeat>>;
  /** Unconditional write of held seats (last writer wins); used only by the unguarded negative control. */
  forceHold: ForceHold;
}

export interface StoreFixture {
  /** A migrated store on fresh, empty data. */
  store: Store;
  /** The clock the suite moves; pass `clock.now()` into the store. */
  clock: ManualClock;
  backdoor: StoreBackdoor;
  /**
   * Another connection or client on the SAME data, running truly in parallel with `store` (SQLite: a
   * worker thread with its own connection; DynamoDB: another client). The race tests spread over these.
   */
  openAnother(): Promise<Store>;
  /** Closes every store opened and removes the data. */
  cleanup(): Promise<void>;
}

/** Lazily available fixture for the contract sections (set in `beforeAll`). */
export type FixtureRef = () => StoreFixture;

export function describeStoreContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: StoreFixture | undefined;
    beforeAll(async () => {
      fixture = await factory();
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });
    const get: FixtureRef = () => {
      if (!fixture) throw new Error('the store fixture is not ready');
      return fixture;
    };
    // Nested describes: a section's own hooks (the races open extra connections) run after the fixture exists.
    describe('catalog', () => catalogContract(get, factory));
    describe('seats and holds', () => seatsContract(get));
    describe('bookings', () => bookingsContract(get));
    describe('users, sessions and rate limits', () => accountsContract(get));
    describe('ticket outbox', () => jobsContract(get));
    describe('concurrency', () => racesContract(get));
  });
}
