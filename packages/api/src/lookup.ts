/**
 * Catalog lookups. `createCatalogLookup` is a per-request memo over the catalog reads (showtime, movie, theater, screen, city), so enriching a list
 * of bookings or showtimes reads each record once.
 */
import type { City, Clock, Movie, Screen, Showtime, Store, Theater } from '@movie-magic/db';

export interface CatalogLookup {
  showtime(id: string): Promise<Showtime | null>;
  movie(id: string): Promise<Movie | null>;
  theater(id: string): Promise<Theater | null>;
  screen(id: string): Promise<Screen | null>;
  city(id: string): Promise<City | null>;
}

function memo<T>(load: (id: string) => Promise<T | null>): (id: string) => Promise<T | null> {
  const cache = new Map<string, Promise<T | null>>();
  return (id) => {
    let hit = cache.get(id);
    if (!hit) {
      hit = load(id);
      cache.set(id, hit);
    }
    return hit;
  };
}

export function createCatalogLookup(store: Store): CatalogLookup {
  return {
    showtime: memo((id) => store.getShowtime(id)),
    movie: memo((id) => store.getMovie(id)),
    theater: memo((id) => store.getTheater(id)),
    screen: memo((id) => store.getScreen(id)),
    city: memo((id) => store.getCity(id)),
  };
}

const CACHE_LIMIT = 10_000;

/**
 * A lookup shared across requests: catalog records change rarely (the seed, staff tools), so each is kept
 * for `ttlMs` (by the injected clock). Seat states are never cached: they are read from the store every time.
 * Misses (null) are not cached, so a new showtime is visible at once.
 */
export function createCachedCatalogLookup(store: Store, clock: Clock, ttlMs = 30_000): CatalogLookup {
  const cached = <T>(load: (id: string) => Promise<T | null>) => {
    const entries = new Map<string, { value: Promise<T | null>; until: number }>();
    return (id: string): Promise<T | null> => {
      const now = clock.now().getTime();
      const hit = entries.get(id);
      if (hit && hit.until > now) return hit.value;
      if (entries.size >= CACHE_LIMIT) entries.clear();
      const value = load(id);
      entries.set(id, { value, until: now + ttlMs });
      value.then(
        (found) => {
          if (found === null) entries.delete(id);
        },
        () => entries.delete(id),
      );
      return value;
    };
  };
  return {
    showtime: cached((id) => store.getShowtime(id)),
    movie: cached((id) => store.getMovie(id)),
    theater: cached((id) => store.getTheater(id)),
    screen: cached((id) => store.getScreen(id)),
    city: cached((id) => store.getCity(id)),
  };
}
