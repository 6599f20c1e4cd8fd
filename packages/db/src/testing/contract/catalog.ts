import { expect, it } from 'vitest';
import type { FixtureRef, StoreFixture } from '../contract.js';
import { createShow, makeCity, makeMovie, makeScreen, makeShowtime, makeTheater } from '../fixtures.js';

const HOUR = 3_600_000;

export function catalogContract(get: FixtureRef, factory: () => Promise<StoreFixture>): void {
  it('a fresh store is empty and stops being empty once a city is stored', async () => {
    const fresh = await factory();
    try {
      expect(await fresh.store.isEmpty()).toBe(true);
      await fresh.store.putCity(makeCity());
      expect(await fresh.store.isEmpty()).toBe(false);
    } finally {
      await fresh.cleanup();
    }
  });

  it('migrating an already migrated store is harmless', async () => {
    const { store } = get();
    const city = makeCity();
    await store.putCity(city);
    await store.migrate();
    expect(await store.getCity(city.id)).toEqual(city);
  });

  it('stores and reads back cities, movies, theaters, screens and showtimes unchanged', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    expect(await store.getCity(show.city.id)).toEqual(show.city);
    expect(await store.getMovie(show.movie.id)).toEqual(show.movie);
    expect(await store.getTheater(show.theater.id)).toEqual(show.theater);
    expect(await store.getScreen(show.screen.id)).toEqual(show.screen);
    expect(await store.getShowtime(show.showtime.id)).toEqual(show.showtime);
    expect((await store.listCities()).map((c) => c.id)).toContain(show.city.id);
    expect((await store.listMovies()).map((m) => m.id)).toContain(show.movie.id);
  });

  it('returns null for unknown catalog ids', async () => {
    const { store } = get();
    expect(await store.getCity('no-such-city')).toBeNull();
    expect(await store.getMovie('no-such-movie')).toBeNull();
    expect(await store.getTheater('no-such-theater')).toBeNull();
    expect(await store.getScreen('no-such-screen')).toBeNull();
    expect(await store.getShowtime('st_missing')).toBeNull();
  });

  it('putting a catalog item again replaces it instead of duplicating it', async () => {
    const { store } = get();
    const movie = makeMovie();
    await store.putMovie(movie);
    await store.putMovie({ ...movie, title: 'Renamed Picture', runtimeMinutes: 99 });
    expect(await store.getMovie(movie.id)).toMatchObject({ title: 'Renamed Picture', runtimeMinutes: 99 });
    expect((await store.listMovies()).filter((m) => m.id === movie.id)).toHaveLength(1);
  });

  it('lists only the theaters of the requested city', async () => {
    const { store } = get();
    const here = makeCity();
    const there = makeCity();
    await store.putCity(here);
    await store.putCity(there);
    const a = makeTheater(here.id, { name: 'Alpha' });
    const b = makeTheater(here.id, { name: 'Beta' });
    await store.putTheater(a);
    await store.putTheater(b);
    await store.putTheater(makeTheater(there.id));
    expect((await store.listTheaters(here.id)).map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('lists a city’s showtimes in [from, to) ordered by start, and a movie’s showtimes in that city', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const other = makeMovie();
    await store.putMovie(other);
    const base = new Date(clock.now().getTime() + 48 * HOUR);
    const at = (hours: number) => new Date(base.getTime() + hours * HOUR).toISOString();
    const late = makeShowtime(show.screen, show.theater, show.movie, at(5));
    const early = makeShowtime(show.screen, show.theater, show.movie, at(1));
    const otherMovie = makeShowtime(show.screen, show.theater, other, at(3));
    const atEnd = makeShowtime(show.screen, show.theater, show.movie, at(8));
    const elsewhereCity = makeCity();
    const elsewhere = makeTheater(elsewhereCity.id);
    const elsewhereScreen = makeScreen(elsewhere.id);
    await store.putCity(elsewhereCity);
    await store.putTheater(elsewhere);
    await store.putScreen(elsewhereScreen);
    const elsewhereShow = makeShowtime(elsewhereScreen, elsewhere, show.movie, at(2));
    for (const s of [late, early, otherMovie, atEnd, elsewhereShow]) await store.putShowtime(s);

    const inCity = await store.listShowtimesInCity(show.city.id, at(0), at(8));
    expect(inCity.map((s) => s.id)).toEqual([early.id, otherMovie.id, late.id]);
    expect(inCity[0]).toEqual(early);
    const forMovie = await store.listShowtimesForMovie(show.movie.id, show.city.id, at(0), at(8.5));
    expect(forMovie.map((s) => s.id)).toEqual([early.id, late.id, atEnd.id]);
    expect(await store.listShowtimesForMovie(other.id, elsewhereCity.id, at(0), at(9))).toEqual([]);
  });

  it('putting a showtime again keeps its seat-map version and its held seats', async () => {
    const { store, clock } = get();
    const show = await createShow(store, clock);
    const now = clock.now().toISOString();
    const expiresAt = new Date(clock.now().getTime() + 8 * 60_000).toISOString();
    const held = await store.holdSeats({
      holdId: `hold_${show.showtime.id}`,
      showtimeId: show.showtime.id,
      userId: 'user_keeper',
      seatIds: ['A-1'],
      now,
      expiresAt,
    });
    expect(held.ok).toBe(true);
    const before = await store.getSeatMap(show.showtime.id, now);
    await store.putShowtime({ ...show.showtime, language: 'Hindi' });
    const after = await store.getSeatMap(show.showtime.id, now);
    expect(after?.version).toBe(before?.version);
    expect(after?.taken.map((s) => s.seatId)).toEqual(['A-1']);
    expect((await store.getShowtime(show.showtime.id))?.language).toBe('Hindi');
  });
}
