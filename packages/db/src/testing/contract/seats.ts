import { expect, it } from 'vitest';
import type { HoldSeatsInput, Store } from '../../store.js';
import type { FixtureRef } from '../contract.js';
import { createShow, freshId, holdWindow } from '../fixtures.js';

const MINUTE = 60_000;

function holdInput(
  showtimeId: string,
  userId: string,
  seatIds: string[],
  window: { now: string; expiresAt: string },
) {
  return { holdId: freshId('hold'), showtimeId, userId, seatIds, ...window } satisfies HoldSeatsInput;
}

async function takenIds(store: Store, showtimeId: string, now: string, viewer?: string) {
  const map = await store.getSeatMap(showtimeId, now, viewer);
  return Object.fromEntries((map?.taken ?? []).map((s) => [s.seatId, s.status]));
}

export function seatsContract(get: FixtureRef): void {
  it('holds free seats for the user and shows them as mine to that user and held to others', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const w = holdWindow(clock);
    const input = holdInput(show.showtime.id, 'user_asha', ['A-1', 'A-2'], w);
    const result = await store.holdSeats(input);
    expect(result).toEqual({
      ok: true,
      replacedHoldId: null,
      hold: {
        id: input.holdId,
        showtimeId: show.showtime.id,
        userId: 'user_asha',
        seatIds: ['A-1', 'A-2'],
        createdAt: w.now,
        expiresAt: w.expiresAt,
      },
    });
    expect(await store.getHold(input.holdId)).toEqual(result.ok ? result.hold : null);
    expect(await takenIds(store, show.showtime.id, w.now, 'user_asha')).toEqual({
      'A-1': 'mine',
      'A-2': 'mine',
    });
    expect(await takenIds(store, show.showtime.id, w.now, 'user_ravi')).toEqual({
      'A-1': 'held',
      'A-2': 'held',
    });
    expect(await takenIds(store, show.showtime.id, w.now)).toEqual({ 'A-1': 'held', 'A-2': 'held' });
    const mine = (await store.getSeatMap(show.showtime.id, w.now, 'user_asha'))?.taken[0];
    expect(mine?.holdId).toBe(input.holdId);
  });

  it('holds all requested seats or none, naming the unavailable seats', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const w = holdWindow(clock);
    expect((await store.holdSeats(holdInput(show.showtime.id, 'user_a', ['B-3', 'B-4'], w))).ok).toBe(true);
    const result = await store.holdSeats(
      holdInput(show.showtime.id, 'user_b', ['B-2', 'B-3', 'B-4', 'B-5'], w),
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'SEAT_UNAVAILABLE') throw new Error('expected SEAT_UNAVAILABLE');
    expect([...result.unavailableSeatIds].sort()).toEqual(['B-3', 'B-4']);
    expect(await takenIds(store, show.showtime.id, w.now, 'user_b')).toEqual({
      'B-3': 'held',
      'B-4': 'held',
    });
  });

  it('refuses a hold on an unknown showtime', async () => {
    const { store, clock } = get();
    const result = await store.holdSeats(holdInput('st_nowhere', 'user_a', ['A-1'], holdWindow(clock)));
    expect(result).toEqual({ ok: false, reason: 'SHOWTIME_NOT_FOUND' });
    expect(await store.getSeatMap('st_nowhere', clock.now().toISOString())).toBeNull();
  });

  it("a user's new hold on a showtime replaces and frees their previous hold there", async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const w = holdWindow(clock);
    const first = holdInput(show.showtime.id, 'user_c', ['A-1', 'A-2'], w);
    await store.holdSeats(first);
    const second = holdInput(show.showtime.id, 'user_c', ['A-2', 'A-3'], w);
    const result = await store.holdSeats(second);
    expect(result).toMatchObject({ ok: true, replacedHoldId: first.holdId });
    expect(await store.getHold(first.holdId)).toBeNull();
    expect(await takenIds(store, show.showtime.id, w.now, 'user_c')).toEqual({
      'A-2': 'mine',
      'A-3': 'mine',
    });
  });

  it("a failed hold leaves the user's previous hold in place", async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const w = holdWindow(clock);
    const first = holdInput(show.showtime.id, 'user_d', ['C-1'], w);
    await store.holdSeats(first);
    await store.holdSeats(holdInput(show.showtime.id, 'user_e', ['C-5'], w));
    const result = await store.holdSeats(holdInput(show.showtime.id, 'user_d', ['C-4', 'C-5'], w));
    expect(result).toMatchObject({ ok: false, reason: 'SEAT_UNAVAILABLE', unavailableSeatIds: ['C-5'] });
    expect((await store.getHold(first.holdId))?.seatIds).toEqual(['C-1']);
    expect(await takenIds(store, show.showtime.id, w.now, 'user_d')).toEqual({
      'C-1': 'mine',
      'C-5': 'held',
    });
  });

  it('an expired hold counts as available to everyone and can be taken by another user', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const w = holdWindow(clock, 8);
    await store.holdSeats(holdInput(show.showtime.id, 'user_f', ['A-5', 'A-6'], w));
    expect((await store.countTakenSeats([show.showtime.id], w.now)).get(show.showtime.id)).toBe(2);
    clock.advance(8 * MINUTE);
    const later = clock.now().toISOString();
    expect(await takenIds(store, show.showtime.id, later, 'user_f')).toEqual({});
    expect((await store.countTakenSeats([show.showtime.id], later)).get(show.showtime.id) ?? 0).toBe(0);
    const result = await store.holdSeats(
      holdInput(show.showtime.id, 'user_g', ['A-6', 'A-7'], holdWindow(clock)),
    );
    expect(result.ok).toBe(true);
    expect(await takenIds(store, show.showtime.id, later, 'user_g')).toEqual({
      'A-6': 'mine',
      'A-7': 'mine',
    });
  });

  it('counts held and sold seats per showtime for listings', async () => {
    const { store, clock } = get();
    const one = await createShow(store, clock);
    const two = await createShow(store, clock);
    const w = holdWindow(clock);
    await store.holdSeats(holdInput(one.showtime.id, 'user_h', ['A-1', 'A-2', 'A-3'], w));
    await store.holdSeats(holdInput(two.showtime.id, 'user_h', ['B-1'], w));
    const counts = await store.countTakenSeats([one.showtime.id, two.showtime.id], w.now);
    expect(counts.get(one.showtime.id)).toBe(3);
    expect(counts.get(two.showtime.id)).toBe(1);
  });

  it('only the owner can release a hold, and releasing frees its seats', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const w = holdWindow(clock);
    const input = holdInput(show.showtime.id, 'user_i', ['B-7', 'B-8'], w);
    await store.holdSeats(input);
    expect(await store.releaseHold(input.holdId, 'user_mallory', w.now)).toEqual({
      ok: false,
      reason: 'HOLD_NOT_FOUND',
    });
    expect(await takenIds(store, show.showtime.id, w.now)).toEqual({ 'B-7': 'held', 'B-8': 'held' });
    expect(await store.releaseHold(input.holdId, 'user_i', w.now)).toEqual({ ok: true });
    expect(await takenIds(store, show.showtime.id, w.now)).toEqual({});
    expect(await store.getHold(input.holdId)).toBeNull();
    expect(await store.releaseHold(input.holdId, 'user_i', w.now)).toEqual({
      ok: false,
      reason: 'HOLD_NOT_FOUND',
    });
    expect(await store.releaseHold('hold_unknown', 'user_i', w.now)).toEqual({
      ok: false,
      reason: 'HOLD_NOT_FOUND',
    });
  });

  it('bumps the seat-map version on hold and release, and a fresh showtime starts at 0', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const w = holdWindow(clock);
    const version = async () => {
      const fromMap = (await store.getSeatMap(show.showtime.id, w.now))?.version ?? -1;
      // The cheap poll and the full map always agree.
      expect(await store.getSeatMapVersion(show.showtime.id)).toBe(fromMap);
      return fromMap;
    };
    expect(await version()).toBe(0);
    const input = holdInput(show.showtime.id, 'user_j', ['C-9'], w);
    await store.holdSeats(input);
    const afterHold = await version();
    expect(afterHold).toBeGreaterThan(0);
    await store.holdSeats(holdInput(show.showtime.id, 'user_k', ['C-9'], w));
    expect(await version()).toBe(afterHold);
    await store.releaseHold(input.holdId, 'user_j', w.now);
    expect(await version()).toBeGreaterThan(afterHold);
    expect(await store.getSeatMapVersion('st_does_not_exist')).toBeNull();
  });
}
