/**
 * TEST-ONLY. A deliberately broken hold: it reads the seat map, yields, then writes the seats without any
 * condition or transaction. This is the classic check-then-act race. The contract suite races it with the
 * same harness as the real `holdSeats` and asserts that it DOES double-book, which proves the harness can
 * see a double booking (the negative control pretix uses for its overselling tests).
 *
 * Never use this outside tests: it exists to be wrong.
 */
import type { Store } from '../store.js';
import type { HoldFunction } from './race.js';

/** Raw, unconditional seat write supplied by each adapter's test backdoor. */
export type ForceHold = (input: {
  holdId: string;
  showtimeId: string;
  userId: string;
  seatIds: string[];
  now: string;
  expiresAt: string;
}) => Promise<void>;

/**
 * `racers` is how many entrants will call the returned function: each one checks the seat map, then waits
 * until every racer has checked before writing. That makes the check-then-act gap certain instead of
 * lucky, so the negative control never passes by accident of scheduling.
 */
export function unguardedHold(
  store: Store,
  forceHold: ForceHold,
  showtimeId: string,
  window: { now: string; expiresAt: string },
  racers: number,
): HoldFunction {
  let arrived = 0;
  let releaseAll: () => void = () => {};
  const everyoneHasChecked = new Promise<void>((resolve) => {
    releaseAll = resolve;
  });
  const arrive = () => {
    arrived += 1;
    if (arrived >= racers) releaseAll();
  };
  return async (entrant) => {
    let unavailableSeatIds: string[] = [];
    try {
      const map = await store.getSeatMap(showtimeId, window.now, entrant.userId);
      const taken = new Set(map?.taken.map((seat) => seat.seatId));
      unavailableSeatIds = entrant.seatIds.filter((seat) => taken.has(seat));
    } finally {
      arrive();
    }
    if (unavailableSeatIds.length > 0) return { ok: false, reason: 'SEAT_UNAVAILABLE', unavailableSeatIds };
    // The gap between the check and the write: every other racer has read the same "free" seats.
    await everyoneHasChecked;
    await forceHold({
      holdId: entrant.holdId,
      showtimeId,
      userId: entrant.userId,
      seatIds: entrant.seatIds,
      ...window,
    });
    return {
      ok: true,
      hold: {
        id: entrant.holdId,
        showtimeId,
        userId: entrant.userId,
        seatIds: entrant.seatIds,
        createdAt: window.now,
        expiresAt: window.expiresAt,
      },
      replacedHoldId: null,
    };
  };
}
