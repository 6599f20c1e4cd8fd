import { TZDate } from '@date-fns/tz';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Showtime, seatsOfScreen } from '../domain.js';
import { createSqliteStore } from '../sqlite/index.js';
import type { Store } from '../store.js';
import { renderPosterSvg, SEED_MOVIES, seedStore } from './index.js';

const NOW = new Date('2026-12-03T09:15:00.000Z'); // 14:45 in India: today's 10:00 and 13:30 shows are past
const WEEK_MS = 8 * 24 * 3_600_000;

let store: Store;
beforeEach(async () => {
  store = createSqliteStore({ file: ':memory:' });
  await store.migrate();
});
afterEach(async () => {
  await store.close();
});

async function allShowtimes(s: Store): Promise<Showtime[]> {
  const from = new Date(NOW.getTime() - WEEK_MS).toISOString();
  const to = new Date(NOW.getTime() + WEEK_MS).toISOString();
  const cities = await s.listCities();
  return (await Promise.all(cities.map((c) => s.listShowtimesInCity(c.id, from, to)))).flat();
}

describe('seedStore', () => {
  it('creates four or more Indian cities including Hyderabad and Nellore, each with three or more theaters', async () => {
    await seedStore(store, { now: NOW });
    const cities = await store.listCities();
    expect(cities.length).toBeGreaterThanOrEqual(4);
    expect(cities.map((c) => c.id)).toEqual(expect.arrayContaining(['hyderabad', 'nellore']));
    for (const city of cities) {
      expect(city.timeZone).toBe('Asia/Kolkata');
      expect((await store.listTheaters(city.id)).length).toBeGreaterThanOrEqual(3);
    }
    expect((await store.listMovies()).length).toBeGreaterThanOrEqual(8);
  });

  it('running it twice writes the same catalog without duplicates', async () => {
    const first = await seedStore(store, { now: NOW });
    const before = await allShowtimes(store);
    const second = await seedStore(store, { now: NOW });
    expect(second).toEqual(first);
    const after = await allShowtimes(store);
    expect(after.map((s) => s.id).sort()).toEqual(before.map((s) => s.id).sort());
    expect(new Set(after.map((s) => s.id)).size).toBe(after.length);
    expect((await store.listMovies()).length).toBe(first.movies);
    expect((await store.listCities()).length).toBe(first.cities);
  });

  it('re-seeding keeps the seats already held on a showtime', async () => {
    await seedStore(store, { now: NOW });
    const [showtime] = await allShowtimes(store);
    if (!showtime) throw new Error('no showtime seeded');
    const expiresAt = new Date(NOW.getTime() + 8 * 60_000).toISOString();
    await store.holdSeats({
      holdId: 'hold_seed',
      showtimeId: showtime.id,
      userId: 'user_seed',
      seatIds: ['A-1'],
      now: NOW.toISOString(),
      expiresAt,
    });
    const before = await store.getSeatMap(showtime.id, NOW.toISOString());
    await seedStore(store, { now: NOW });
    expect(await store.getSeatMap(showtime.id, NOW.toISOString())).toEqual(before);
  });

  it('schedules several future shows per screen per day, from today to six days ahead in India', async () => {
    const summary = await seedStore(store, { now: NOW });
    const showtimes = await allShowtimes(store);
    expect(showtimes).toHaveLength(summary.showtimes);
    expect(summary.showtimes).toBeGreaterThan(200);
    expect(summary.showtimes).toBeLessThan(600);
    expect(showtimes.every((s) => new Date(s.startsAt).getTime() > NOW.getTime())).toBe(true);
    const days = new Set(showtimes.map((s) => new TZDate(s.startsAt, 'Asia/Kolkata').getDate()));
    expect([...days].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const perScreenDay = new Map<string, number>();
    for (const s of showtimes) {
      const key = `${s.screenId}|${new TZDate(s.startsAt, 'Asia/Kolkata').getDate()}`;
      perScreenDay.set(key, (perScreenDay.get(key) ?? 0) + 1);
    }
    expect(
      Math.min(...[...perScreenDay].filter(([k]) => !k.endsWith('|3')).map(([, n]) => n)),
    ).toBeGreaterThanOrEqual(3);
    const first = showtimes.find((s) => s.id.endsWith('_20261204_1000'));
    expect(first?.startsAt).toBe('2026-12-04T04:30:00.000Z');
  });

  it('prices every seat category of the screen on every showtime and plays a format the film and screen support', async () => {
    await seedStore(store, { now: NOW });
    const movies = new Map((await store.listMovies()).map((m) => [m.id, m]));
    for (const showtime of await allShowtimes(store)) {
      const screen = await store.getScreen(showtime.screenId);
      if (!screen) throw new Error(`missing screen ${showtime.screenId}`);
      for (const category of screen.categories) expect(showtime.prices[category.id]).toBeGreaterThan(0);
      expect(showtime.seatsTotal).toBe(seatsOfScreen(screen).length);
      const movie = movies.get(showtime.movieId);
      expect(movie?.formats).toContain(showtime.format);
      expect(movie?.languages).toContain(showtime.language);
    }
  });

  it('builds layouts of 120 to 300 seats with Recliner, Prime and Classic, aisles and accessible seats', async () => {
    await seedStore(store, { now: NOW });
    const screenIds = new Set((await allShowtimes(store)).map((s) => s.screenId));
    expect(screenIds.size).toBeGreaterThanOrEqual(12);
    for (const id of screenIds) {
      const screen = await store.getScreen(id);
      if (!screen) throw new Error(`missing screen ${id}`);
      const seats = seatsOfScreen(screen);
      expect(seats.length).toBeGreaterThanOrEqual(120);
      expect(seats.length).toBeLessThanOrEqual(300);
      expect(screen.categories.map((c) => [c.name, c.defaultPrice > 0])).toEqual([
        ['Recliner', true],
        ['Prime', true],
        ['Classic', true],
      ]);
      expect(screen.rows.some((row) => row.cells.includes(null))).toBe(true);
      expect(screen.accessibleSeatIds.length).toBeGreaterThan(0);
      const ids = new Set(seats.map((s) => s.id));
      for (const accessible of screen.accessibleSeatIds) expect(ids.has(accessible)).toBe(true);
      expect(new Set(seats.map((s) => s.id)).size).toBe(seats.length);
    }
  });
});

describe('renderPosterSvg', () => {
  it('draws a 2:3 SVG with the title for every seeded film, the same every time', () => {
    for (const movie of SEED_MOVIES) {
      const svg = renderPosterSvg(movie.id);
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 400 600"/);
      expect(svg).toContain(movie.title.toUpperCase().split(' ')[0]);
      expect(renderPosterSvg(movie.id)).toBe(svg);
    }
    expect(renderPosterSvg(SEED_MOVIES[0]?.id ?? '')).not.toBe(renderPosterSvg(SEED_MOVIES[1]?.id ?? ''));
  });

  it('returns null for a film the seed does not know', () => {
    expect(renderPosterSvg('no-such-film')).toBeNull();
  });
});
