/**
 * Demo data (entry `@movie-magic/db/seed`): a realistic catalog on any Store, idempotently. Ids are
 * deterministic and every write is an upsert, so running the seed again adds nothing twice; putShowtime
 * keeps the seat-map version, so live holds and sales survive a re-seed.
 */
import { TZDate } from '@date-fns/tz';
import type { Movie, Screen } from '../domain.js';
import type { Store } from '../store.js';
import { SEED_CITIES, SEED_THEATERS } from './catalog-data.js';
import { buildLayout, categoriesFor } from './layouts.js';
import { SEED_MOVIES } from './movies-data.js';
import { scheduleFor } from './showtimes.js';

export { SEED_CITIES, SEED_THEATERS } from './catalog-data.js';
export { SEED_MOVIES } from './movies-data.js';
export { renderPosterSvg } from './posters.js';

export interface SeedSummary {
  cities: number;
  theaters: number;
  screens: number;
  movies: number;
  showtimes: number;
}

/** `YYYY-MM-DD` of `days` before `now`, in India (every seeded city is in Asia/Kolkata). */
function releaseDate(now: Date, daysAgo: number): string {
  const local = new TZDate(now, 'Asia/Kolkata');
  const day = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() - daysAgo,
    12,
    0,
    0,
    0,
    'Asia/Kolkata',
  );
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

export function seedMovies(now: Date): Movie[] {
  return SEED_MOVIES.map(({ releasedDaysAgo, ...movie }) => ({
    ...movie,
    releaseDate: releaseDate(now, releasedDaysAgo),
    posterUrl: `/posters/${movie.id}.svg`,
  }));
}

export async function seedStore(store: Store, options: { now: Date }): Promise<SeedSummary> {
  const summary: SeedSummary = { cities: 0, theaters: 0, screens: 0, movies: 0, showtimes: 0 };
  const movies = seedMovies(options.now);
  for (const movie of movies) {
    await store.putMovie(movie);
    summary.movies++;
  }
  let screenIndex = 0;
  for (const { tier, ...city } of SEED_CITIES) {
    await store.putCity(city);
    summary.cities++;
    for (const { screens, ...theater } of SEED_THEATERS.filter((t) => t.cityId === city.id)) {
      await store.putTheater(theater);
      summary.theaters++;
      for (const seedScreen of screens) {
        const screen: Screen = {
          id: `${theater.id}-${seedScreen.suffix}`,
          theaterId: theater.id,
          name: seedScreen.name,
          categories: categoriesFor(tier),
          ...buildLayout(seedScreen.layout),
        };
        await store.putScreen(screen);
        summary.screens++;
        const showtimes = scheduleFor({
          screen,
          seedScreen,
          cityId: city.id,
          timeZone: city.timeZone,
          movies,
          screenIndex,
          now: options.now,
        });
        // A few writes in flight at a time: seconds, not minutes, against DynamoDB (SQLite is synchronous).
        for (let i = 0; i < showtimes.length; i += 16) {
          await Promise.all(showtimes.slice(i, i + 16).map((showtime) => store.putShowtime(showtime)));
        }
        summary.showtimes += showtimes.length;
        screenIndex++;
      }
    }
  }
  return summary;
}
