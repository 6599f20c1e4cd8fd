/** Catalog reads and upserts: cities, movies, theaters, screens, showtimes. */
import { and, asc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { City, Movie, Screen, Showtime, Theater } from '../domain.js';
import type { Db } from './connection.js';
import { instant } from './instant.js';
import { lazy } from './lazy.js';
import { cities, movies, screens, showtimes, theaters } from './schema.js';

const parse = <T>(row: { data: string } | undefined): T | null => (row ? (JSON.parse(row.data) as T) : null);

export function catalogQueries(db: Db) {
  const showtimeById = lazy(() =>
    db
      .select({ data: showtimes.data })
      .from(showtimes)
      .where(eq(showtimes.id, sql.placeholder('id')))
      .prepare(),
  );

  /** Showtimes starting in [fromUtc, toUtc) that also match `filters`, by start time. */
  const showtimesStarting = (fromUtc: string, toUtc: string, ...filters: SQL[]): Showtime[] =>
    db
      .select({ data: showtimes.data })
      .from(showtimes)
      .where(
        and(...filters, gte(showtimes.startsAt, instant(fromUtc)), lt(showtimes.startsAt, instant(toUtc))),
      )
      .orderBy(asc(showtimes.startsAt), asc(showtimes.id))
      .all()
      .map((r) => parse<Showtime>(r) as Showtime);

  return {
    isEmpty(): boolean {
      return db.select({ id: cities.id }).from(cities).limit(1).get() === undefined;
    },
    putCity(city: City): void {
      const data = JSON.stringify(city);
      db.insert(cities)
        .values({ id: city.id, data })
        .onConflictDoUpdate({ target: cities.id, set: { data } })
        .run();
    },
    putMovie(movie: Movie): void {
      const data = JSON.stringify(movie);
      db.insert(movies)
        .values({ id: movie.id, data })
        .onConflictDoUpdate({ target: movies.id, set: { data } })
        .run();
    },
    putTheater(theater: Theater): void {
      const data = JSON.stringify(theater);
      db.insert(theaters)
        .values({ id: theater.id, cityId: theater.cityId, data })
        .onConflictDoUpdate({ target: theaters.id, set: { cityId: theater.cityId, data } })
        .run();
    },
    putScreen(screen: Screen): void {
      const data = JSON.stringify(screen);
      db.insert(screens)
        .values({ id: screen.id, data })
        .onConflictDoUpdate({ target: screens.id, set: { data } })
        .run();
    },
    /** The version column is left alone on update: re-seeding must not reset a live seat map. */
    putShowtime(showtime: Showtime): void {
      const row = {
        cityId: showtime.cityId,
        movieId: showtime.movieId,
        startsAt: instant(showtime.startsAt),
        data: JSON.stringify(showtime),
      };
      db.insert(showtimes)
        .values({ id: showtime.id, ...row, version: 0 })
        .onConflictDoUpdate({ target: showtimes.id, set: row })
        .run();
    },
    listCities(): City[] {
      return db
        .select({ data: cities.data })
        .from(cities)
        .orderBy(asc(cities.id))
        .all()
        .map((r) => parse<City>(r) as City);
    },
    getCity: (id: string) =>
      parse<City>(db.select({ data: cities.data }).from(cities).where(eq(cities.id, id)).get()),
    listMovies(): Movie[] {
      return db
        .select({ data: movies.data })
        .from(movies)
        .orderBy(asc(movies.id))
        .all()
        .map((r) => parse<Movie>(r) as Movie);
    },
    getMovie: (id: string) =>
      parse<Movie>(db.select({ data: movies.data }).from(movies).where(eq(movies.id, id)).get()),
    listTheaters(cityId: string): Theater[] {
      return db
        .select({ data: theaters.data })
        .from(theaters)
        .where(eq(theaters.cityId, cityId))
        .orderBy(asc(theaters.id))
        .all()
        .map((r) => parse<Theater>(r) as Theater);
    },
    getTheater: (id: string) =>
      parse<Theater>(db.select({ data: theaters.data }).from(theaters).where(eq(theaters.id, id)).get()),
    getScreen: (id: string) =>
      parse<Screen>(db.select({ data: screens.data }).from(screens).where(eq(screens.id, id)).get()),
    getShowtime: (id: string) => parse<Showtime>(showtimeById().get({ id })),
    listShowtimesInCity: (cityId: string, fromUtc: string, toUtc: string): Showtime[] =>
      showtimesStarting(fromUtc, toUtc, eq(showtimes.cityId, cityId)),
    listShowtimesForMovie: (movieId: string, cityId: string, fromUtc: string, toUtc: string): Showtime[] =>
      showtimesStarting(fromUtc, toUtc, eq(showtimes.movieId, movieId), eq(showtimes.cityId, cityId)),
  };
}
