/**
 * The race harness: many users try to hold overlapping seats of one showtime at the same moment, and the
 * report says who won which seat. It takes any hold function, so the same race runs against each adapter
 * (through several connections or clients) and against the deliberately unguarded negative control.
 *
 * Real concurrency is the caller's job: pass a hold function that spreads the entrants over several
 * stores from `StoreFixture.openAnother()` (worker threads for SQLite, separate clients for DynamoDB).
 * Promises on ONE better-sqlite3 connection never interleave, so a single connection proves nothing.
 */
import type { HoldSeatsResult } from '../store.js';
import { freshId } from './fixtures.js';

export interface RaceEntrant {
  userId: string;
  holdId: string;
  seatIds: string[];
}

/** Tries one entrant's hold; `index` lets the caller pick a connection (e.g. `stores[index % n]`). */
export type HoldFunction = (entrant: RaceEntrant, index: number) => Promise<HoldSeatsResult>;

export interface RaceReport {
  winners: RaceEntrant[];
  losers: RaceEntrant[];
  /** Entrants whose hold function threw (a raw storage error escaping is itself a contract breach). */
  errors: { entrant: RaceEntrant; error: unknown }[];
  /** seat id -> user ids of the winners whose successful hold included that seat. */
  claims: Map<string, string[]>;
  /** Seats that more than one winner was told they hold: a double booking. */
  doubleClaimed: string[];
}

/**
 * `count` entrants, each wanting `seatsPerEntrant` consecutive seats from `seatPool`, starting at
 * evenly-spread offsets so that neighbours overlap: every seat is wanted by several entrants.
 */
export function overlappingEntrants(
  count: number,
  seatPool: string[],
  seatsPerEntrant: number,
): RaceEntrant[] {
  const span = seatPool.length - seatsPerEntrant + 1;
  if (span < 1) throw new Error('seatPool is smaller than seatsPerEntrant');
  return Array.from({ length: count }, (_, i) => {
    const start = (i * 7) % span;
    return {
      userId: freshId('racer'),
      holdId: freshId('hold'),
      seatIds: seatPool.slice(start, start + seatsPerEntrant),
    };
  });
}

/** Starts every hold at once and collects what each entrant was told. */
export async function runHoldRace(entrants: RaceEntrant[], hold: HoldFunction): Promise<RaceReport> {
  const settled = await Promise.allSettled(entrants.map((entrant, index) => hold(entrant, index)));
  const report: RaceReport = { winners: [], losers: [], errors: [], claims: new Map(), doubleClaimed: [] };
  settled.forEach((outcome, index) => {
    const entrant = entrants[index] as RaceEntrant;
    if (outcome.status === 'rejected') report.errors.push({ entrant, error: outcome.reason });
    else if (outcome.value.ok) report.winners.push(entrant);
    else report.losers.push(entrant);
  });
  for (const winner of report.winners) {
    for (const seat of winner.seatIds) {
      const owners = report.claims.get(seat) ?? [];
      owners.push(winner.userId);
      report.claims.set(seat, owners);
    }
  }
  report.doubleClaimed = [...report.claims].filter(([, owners]) => owners.length > 1).map(([seat]) => seat);
  return report;
}
