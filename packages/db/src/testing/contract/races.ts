import { afterAll, beforeAll, expect, it } from 'vitest';
import { seatsOfScreen } from '../../domain.js';
import type { Store } from '../../store.js';
import type { FixtureRef } from '../contract.js';
import { confirmInputFor, createShow, holdWindow, makeUser } from '../fixtures.js';
import { overlappingEntrants, runHoldRace } from '../race.js';
import { unguardedHold } from '../unguarded.js';

const RACERS = 50;
const CONNECTIONS = 4;
const ROUNDS = 3;

export function racesContract(get: FixtureRef): void {
  let others: Store[] = [];
  beforeAll(async () => {
    others = await Promise.all(Array.from({ length: CONNECTIONS }, () => get().openAnother()));
  });
  afterAll(async () => {
    await Promise.all(others.map((s) => s.close()));
  });

  it('50 concurrent holds on overlapping seats never hold a seat twice, and the winners own exactly the taken seats', async () => {
    const { store, clock, backdoor } = get();
    // Several rounds: which transactions overlap is up to the scheduler, so more races, more overlaps.
    for (let round = 0; round < ROUNDS; round++) {
      const show = await createShow(store, clock);
      const pool = seatsOfScreen(show.screen).map((s) => s.id);
      const entrants = overlappingEntrants(RACERS, pool, 4);
      const window = holdWindow(clock);

      const report = await runHoldRace(entrants, (entrant, index) =>
        (others[index % others.length] as Store).holdSeats({
          ...entrant,
          showtimeId: show.showtime.id,
          ...window,
        }),
      );

      expect(report.errors).toEqual([]);
      expect(report.doubleClaimed).toEqual([]);
      expect(report.winners.length).toBeGreaterThan(0);
      expect(report.losers.length).toBeGreaterThan(0);
      const claimed = new Map([...report.claims].map(([seat, owners]) => [seat, owners[0]]));
      const map = await store.getSeatMap(show.showtime.id, window.now);
      expect(map?.taken.map((s) => s.seatId).sort()).toEqual([...claimed.keys()].sort());
      const stored = await backdoor.seatOwners(show.showtime.id);
      expect(new Map([...stored].map(([seat, record]) => [seat, record.userId]))).toEqual(claimed);

      const confirmations = await Promise.all(
        report.winners.map(async (winner, index) => {
          const hold = await store.getHold(winner.holdId);
          if (!hold) throw new Error(`the winner's hold ${winner.holdId} is missing`);
          return (others[index % others.length] as Store).confirmBooking(confirmInputFor(hold, show, clock));
        }),
      );
      expect(confirmations.every((c) => c.ok)).toBe(true);
      const soldSeats = confirmations.flatMap((c) => (c.ok ? c.booking.seats.map((s) => s.seatId) : []));
      expect(new Set(soldSeats).size).toBe(soldSeats.length);
      const afterSale = await backdoor.seatOwners(show.showtime.id);
      expect([...afterSale.values()].every((r) => r.status === 'sold')).toBe(true);
      expect([...afterSale.keys()].sort()).toEqual([...soldSeats].sort());
      const bookingOf = new Map(
        confirmations.flatMap((c) => (c.ok ? c.booking.seats.map((s) => [s.seatId, c.booking.id]) : [])),
      );
      for (const [seat, record] of afterSale) expect(record.bookingId).toBe(bookingOf.get(seat));
    }
  });

  it('negative control: the same race against an unguarded check-then-write hold does double-book', async () => {
    const { store, clock, backdoor } = get();
    const show = await createShow(store, clock);
    const pool = seatsOfScreen(show.screen).map((s) => s.id);
    const entrants = overlappingEntrants(RACERS, pool, 4);
    const window = holdWindow(clock);

    const report = await runHoldRace(
      entrants,
      unguardedHold(store, backdoor.forceHold, show.showtime.id, window, RACERS),
    );

    expect(report.errors).toEqual([]);
    expect(report.doubleClaimed.length).toBeGreaterThan(0);
    const stored = await backdoor.seatOwners(show.showtime.id);
    const [seat, owners] = [...report.claims].find(([, o]) => o.length > 1) ?? ['', []];
    expect(owners.length).toBeGreaterThan(1);
    // Storage can keep only one owner per seat: the other winners were told a lie, which the harness caught.
    expect(owners).toContain(stored.get(seat)?.userId);
  });

  it('two concurrent registrations with the same e-mail in different letter case create exactly one user', async () => {
    const { store } = get();
    for (let round = 0; round < 5; round++) {
      const lower = makeUser();
      const upper = makeUser({ email: lower.email.toUpperCase(), emailNormalized: lower.emailNormalized });
      const results = await Promise.all([
        (others[0] as Store).createUser(lower),
        (others[1] as Store).createUser(upper),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'EMAIL_TAKEN' });
      const winner = results[0]?.ok ? lower : upper;
      expect(await store.getUserByEmail(lower.emailNormalized)).toEqual(winner);
      const loser = winner === lower ? upper : lower;
      expect(await store.getUserById(loser.id)).toBeNull();
    }
  });
}
