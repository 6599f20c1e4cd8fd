/**
 * Seat locking on SQLite. Every write runs in ONE `BEGIN IMMEDIATE` transaction: it takes the database's
 * write lock before reading, so no other connection can change a seat between our check and our write
 * (https://www.sqlite.org/lang_transaction.html). The primary key (showtime_id, seat_id) makes a second row
 * for a seat impossible, and the upsert below only overwrites a hold that has expired by the caller's clock.
 *
 * The hot statements use better-sqlite3 prepared statements directly (one statement for all seats through
 * `json_each`), because the hold+confirm cycle is the product's throughput limit.
 */
import type { Hold } from '../domain.js';
import { StoreError } from '../errors.js';
import type {
  HoldSeatsInput,
  HoldSeatsResult,
  ReleaseHoldResult,
  SeatMapState,
  SeatState,
} from '../store.js';
import type { Db } from './connection.js';
import { instant } from './instant.js';
import { lazy } from './lazy.js';

interface SeatRow {
  seat_id: string;
  status: 'held' | 'sold';
  user_id: string;
  hold_id: string | null;
  booking_id: string | null;
}

interface HoldRow {
  id: string;
  showtime_id: string;
  user_id: string;
  seat_ids: string;
  created_at: string;
  expires_at: string;
}

export function holdFromRow(row: HoldRow): Hold {
  return {
    id: row.id,
    showtimeId: row.showtime_id,
    userId: row.user_id,
    seatIds: JSON.parse(row.seat_ids) as string[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export function seatQueries(db: Db) {
  const client = db.$client;
  const versionOf = lazy(() =>
    client.prepare<[string], { version: number }>('select version from showtimes where id = ?'),
  );
  const bumpVersion = lazy(() =>
    client.prepare<[string]>('update showtimes set version = version + 1 where id = ?'),
  );
  const liveSeats = lazy(() =>
    client.prepare<[string, string], SeatRow>(
      `select seat_id, status, user_id, hold_id, booking_id from seats
     where showtime_id = ? and (status = 'sold' or expires_at > ?)`,
    ),
  );
  const countLive = lazy(() =>
    client.prepare<[string, string], { showtime_id: string; taken: number }>(
      `select showtime_id, count(*) as taken from seats
     where showtime_id in (select value from json_each(?)) and (status = 'sold' or expires_at > ?)
     group by showtime_id`,
    ),
  );
  // Seats this user may not take: sold, or held (unexpired) by someone else. The user's own previous hold
  // on this showtime does not block: the new hold replaces it.
  const blockedSeats = lazy(() =>
    client.prepare<{ showtimeId: string; seatIds: string; now: string; userId: string }, { seat_id: string }>(
      `select seat_id from seats
     where showtime_id = :showtimeId and seat_id in (select value from json_each(:seatIds))
       and (status = 'sold' or (expires_at > :now and user_id <> :userId))`,
    ),
  );
  const previousHolds = lazy(() =>
    client.prepare<[string, string], { hold_id: string }>(
      "select distinct hold_id from seats where showtime_id = ? and user_id = ? and status = 'held' and hold_id is not null",
    ),
  );
  const freeUserHeldSeats = lazy(() =>
    client.prepare<[string, string]>(
      "delete from seats where showtime_id = ? and user_id = ? and status = 'held'",
    ),
  );
  const deleteUserHolds = lazy(() =>
    client.prepare<[string]>('delete from holds where id in (select value from json_each(?))'),
  );
  // Belt and braces: even inside the lock, the upsert only replaces an expired hold. If it ever touches
  // fewer rows than requested, the transaction is rolled back (see the `changes` check).
  const upsertHeldSeats = lazy(() =>
    client.prepare<{
      showtimeId: string;
      seatIds: string;
      userId: string;
      holdId: string;
      expiresAt: string;
      now: string;
    }>(
      `insert into seats (showtime_id, seat_id, status, user_id, hold_id, booking_id, expires_at)
     select :showtimeId, value, 'held', :userId, :holdId, null, :expiresAt from json_each(:seatIds) where true
     on conflict (showtime_id, seat_id) do update set
       status = 'held', user_id = excluded.user_id, hold_id = excluded.hold_id, booking_id = null,
       expires_at = excluded.expires_at
     where seats.status = 'held' and seats.expires_at <= :now`,
    ),
  );
  const insertHold = lazy(() =>
    client.prepare<[string, string, string, string, string, string]>(
      'insert into holds (id, showtime_id, user_id, seat_ids, created_at, expires_at) values (?, ?, ?, ?, ?, ?)',
    ),
  );
  const holdById = lazy(() => client.prepare<[string], HoldRow>('select * from holds where id = ?'));
  const deleteHold = lazy(() => client.prepare<[string]>('delete from holds where id = ?'));
  const freeHoldSeats = lazy(() =>
    client.prepare<[string, string]>(
      "delete from seats where showtime_id = ? and hold_id = ? and status = 'held'",
    ),
  );

  const hold = client.transaction((input: HoldSeatsInput): HoldSeatsResult => {
    const now = instant(input.now);
    const seatIds = [...new Set(input.seatIds)];
    const seatIdsJson = JSON.stringify(seatIds);
    if (!versionOf().get(input.showtimeId)) return { ok: false, reason: 'SHOWTIME_NOT_FOUND' };
    const blocked = new Set(
      blockedSeats()
        .all({ showtimeId: input.showtimeId, seatIds: seatIdsJson, now, userId: input.userId })
        .map((r) => r.seat_id),
    );
    if (blocked.size > 0) {
      return {
        ok: false,
        reason: 'SEAT_UNAVAILABLE',
        unavailableSeatIds: seatIds.filter((s) => blocked.has(s)),
      };
    }
    const replaced = previousHolds()
      .all(input.showtimeId, input.userId)
      .map((row) => row.hold_id);
    if (replaced.length > 0) {
      freeUserHeldSeats().run(input.showtimeId, input.userId);
      deleteUserHolds().run(JSON.stringify(replaced));
    }
    const expiresAt = instant(input.expiresAt);
    const written = upsertHeldSeats().run({
      showtimeId: input.showtimeId,
      seatIds: seatIdsJson,
      userId: input.userId,
      holdId: input.holdId,
      expiresAt,
      now,
    });
    if (written.changes !== seatIds.length) {
      throw new StoreError(
        'INVARIANT_BROKEN',
        `hold ${input.holdId} wrote ${written.changes} of ${seatIds.length} seats`,
      );
    }
    insertHold().run(input.holdId, input.showtimeId, input.userId, JSON.stringify(seatIds), now, expiresAt);
    bumpVersion().run(input.showtimeId);
    const newHold: Hold = {
      id: input.holdId,
      showtimeId: input.showtimeId,
      userId: input.userId,
      seatIds,
      createdAt: now,
      expiresAt,
    };
    return { ok: true, hold: newHold, replacedHoldId: replaced[0] ?? null };
  });

  const release = client.transaction((holdId: string, userId: string): ReleaseHoldResult => {
    const row = holdById().get(holdId);
    if (!row || row.user_id !== userId) return { ok: false, reason: 'HOLD_NOT_FOUND' };
    freeHoldSeats().run(row.showtime_id, holdId);
    deleteHold().run(holdId);
    bumpVersion().run(row.showtime_id);
    return { ok: true };
  });

  // A read transaction gives one WAL snapshot, so the version and the seats always belong together.
  const seatMap = client.transaction(
    (showtimeId: string, now: string, viewer: string | null): SeatMapState | null => {
      const show = versionOf().get(showtimeId);
      if (!show) return null;
      const taken = liveSeats()
        .all(showtimeId, now)
        .map((row): SeatState => {
          if (row.status === 'sold')
            return { seatId: row.seat_id, status: 'sold', bookingId: row.booking_id ?? '' };
          const status = viewer !== null && row.user_id === viewer ? 'mine' : 'held';
          return { seatId: row.seat_id, status, holdId: row.hold_id ?? '' };
        });
      return { showtimeId, version: show.version, taken };
    },
  );

  return {
    holdSeats: (input: HoldSeatsInput) => hold.immediate(input),
    releaseHold: (holdId: string, userId: string) => release.immediate(holdId, userId),
    getSeatMap: (showtimeId: string, now: string, viewer?: string | null) =>
      seatMap.deferred(showtimeId, instant(now), viewer ?? null),
    getSeatMapVersion(showtimeId: string): number | null {
      return versionOf().get(showtimeId)?.version ?? null;
    },
    getHold(holdId: string): Hold | null {
      const row = holdById().get(holdId);
      return row ? holdFromRow(row) : null;
    },
    countTakenSeats(showtimeIds: string[], now: string): Map<string, number> {
      const counts = new Map(showtimeIds.map((id) => [id, 0]));
      for (const row of countLive().all(JSON.stringify(showtimeIds), instant(now)))
        counts.set(row.showtime_id, row.taken);
      return counts;
    },
  };
}
