/** Contract test: many users racing for overlapping seats over HTTP never produce a double booking. */
import { expect, it } from 'vitest';
import { isApiError } from '../client.js';
import { GOOD_CARD, idempotencyKey, nextShowtime as pickShowtime, type SuiteEnv, signUp } from './kit.js';

const RACERS = 30;
const POOL = 12;

export function concurrencyContract(env: SuiteEnv): void {
  const nextShowtime = () => pickShowtime(env);

  it(`${RACERS} users racing for overlapping seats: no seat is sold twice and the seat map agrees`, async () => {
    const ref = await nextShowtime();
    const racers = await Promise.all(Array.from({ length: RACERS }, (_, i) => signUp(env, `racer${i}`)));
    const map = await racers[0]?.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    const pool = (map?.seats ?? [])
      .filter((s) => s.status === 'available')
      .slice(0, POOL)
      .map((s) => s.id);
    expect(pool).toHaveLength(POOL);
    // Each racer wants 2-3 adjacent-in-pool seats, so every seat is wanted by several racers.
    const wants = racers.map((_, i) => {
      const size = 2 + (i % 2);
      const start = (i * 5) % (POOL - size + 1);
      return pool.slice(start, start + size);
    });
    const outcomes = await Promise.all(
      racers.map(async (racer, i) => {
        try {
          const hold = await racer.api.booking.hold.mutate({
            showtimeId: ref.showtimeId,
            seatIds: wants[i] ?? [],
          });
          const { booking } = await racer.api.booking.confirm.mutate({
            holdId: hold.holdId,
            idempotencyKey: idempotencyKey(),
            payment: { method: 'test-card', cardNumber: GOOD_CARD },
          });
          return { ok: true as const, booking };
        } catch (error) {
          if (isApiError(error) && error.data?.code === 'CONFLICT') return { ok: false as const };
          throw error;
        }
      }),
    );
    const bookings = outcomes.flatMap((o) => (o.ok ? [o.booking] : []));
    expect(bookings.length).toBeGreaterThan(0);
    expect(bookings.length).toBeLessThan(RACERS);
    const sold = bookings.flatMap((b) => b.seats.map((s) => s.id));
    expect(new Set(sold).size).toBe(sold.length);

    const after = await racers[0]?.api.booking.seatMap.query({ showtimeId: ref.showtimeId });
    const soldOnMap = (after?.seats ?? []).filter((s) => s.status === 'sold').map((s) => s.id);
    expect(soldOnMap.sort()).toEqual([...sold].sort());
    const heldOnMap = (after?.seats ?? []).filter((s) => s.status === 'held' || s.status === 'mine');
    expect(heldOnMap).toEqual([]);
  });
}
