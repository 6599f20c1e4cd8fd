/**
 * TEST-ONLY. Reads and writes the SQLite file with raw SQL on its own connection, bypassing the adapter,
 * so the contract suite can check what is really stored (and the negative control can write unguarded).
 */
import Database from 'better-sqlite3';
import type { StoreBackdoor, StoredSeat } from '../testing/contract.js';

interface SeatRow {
  seat_id: string;
  status: 'held' | 'sold';
  user_id: string;
  hold_id: string | null;
  booking_id: string | null;
  expires_at: string | null;
}

export function openSqliteBackdoor(file: string): StoreBackdoor & { close(): void } {
  const raw = new Database(file);
  raw.pragma('busy_timeout = 5000');
  const seatsOf = raw.prepare<[string], SeatRow>('select * from seats where showtime_id = ?');
  const putSeat = raw.prepare(
    `insert or replace into seats (showtime_id, seat_id, status, user_id, hold_id, booking_id, expires_at)
     values (?, ?, 'held', ?, ?, null, ?)`,
  );
  const putHold = raw.prepare(
    'insert or replace into holds (id, showtime_id, user_id, seat_ids, created_at, expires_at) values (?, ?, ?, ?, ?, ?)',
  );
  return {
    async seatOwners(showtimeId) {
      const owners = new Map<string, StoredSeat>();
      for (const row of seatsOf.all(showtimeId)) {
        owners.set(row.seat_id, {
          status: row.status,
          userId: row.user_id,
          holdId: row.hold_id,
          bookingId: row.booking_id,
          expiresAt: row.expires_at,
        });
      }
      return owners;
    },
    async forceHold(input) {
      for (const seat of input.seatIds)
        putSeat.run(input.showtimeId, seat, input.userId, input.holdId, input.expiresAt);
      putHold.run(
        input.holdId,
        input.showtimeId,
        input.userId,
        JSON.stringify(input.seatIds),
        input.now,
        input.expiresAt,
      );
    },
    close: () => raw.close(),
  };
}
