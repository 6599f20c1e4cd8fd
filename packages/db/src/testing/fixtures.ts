/**
 * Tiny catalog factories for the contract suite and other packages' tests. Every call makes fresh ids, so
 * tests never depend on each other's data or on their order.
 */
import type { City, Hold, Movie, Screen, Showtime, Theater, User } from '../domain.js';
import { seatsOfScreen } from '../domain.js';
import type { ManualClock } from '../ports.js';
import { randomIds } from '../ports.js';
import type { ConfirmBookingInput, Store } from '../store.js';

/** A fresh id that is also a valid slug (lower case, digits, dashes). */
export function freshSlug(prefix: string): string {
  return randomIds.id(prefix).replace('_', '-');
}

/** A fresh opaque id such as `hold_k3...`. */
export function freshId(prefix: string): string {
  return randomIds.id(prefix);
}

export function makeCity(overrides: Partial<City> = {}): City {
  return {
    id: freshSlug('city'),
    name: 'Testpur',
    state: 'Telangana',
    timeZone: 'Asia/Kolkata',
    ...overrides,
  };
}

export function makeMovie(overrides: Partial<Movie> = {}): Movie {
  const id = overrides.id ?? freshSlug('movie');
  return {
    id,
    title: `Fixture Film ${id.slice(-5)}`,
    synopsis: 'A film that exists only in tests.',
    runtimeMinutes: 142,
    certificate: 'UA',
    languages: ['Telugu', 'Hindi'],
    formats: ['2D', '3D'],
    genres: ['Drama'],
    releaseDate: '2026-11-20',
    posterUrl: `/posters/${id}.svg`,
    cast: ['A. Actor'],
    ...overrides,
  };
}

export function makeTheater(cityId: string, overrides: Partial<Theater> = {}): Theater {
  return {
    id: freshSlug('theater'),
    cityId,
    name: 'Fixture Cinemas',
    address: '1 Test Road',
    amenities: ['Parking'],
    ...overrides,
  };
}

/** Three rows of ten seats (A: recliner, B and C: classic) with an aisle after seat 5. */
export function makeScreen(theaterId: string, overrides: Partial<Screen> = {}): Screen {
  const cells = [1, 2, 3, 4, 5, null, 6, 7, 8, 9, 10];
  return {
    id: freshSlug('screen'),
    theaterId,
    name: 'Screen 1',
    categories: [
      { id: 'recliner', name: 'Recliner', defaultPrice: 45000 },
      { id: 'classic', name: 'Classic', defaultPrice: 15000 },
    ],
    rows: [
      { label: 'A', categoryId: 'recliner', cells },
      { label: 'B', categoryId: 'classic', cells },
      { label: 'C', categoryId: 'classic', cells },
    ],
    accessibleSeatIds: ['C-1'],
    ...overrides,
  };
}

export function makeShowtime(
  screen: Screen,
  theater: Theater,
  movie: Movie,
  startsAt: string,
  overrides: Partial<Showtime> = {},
): Showtime {
  return {
    id: freshId('st'),
    movieId: movie.id,
    theaterId: theater.id,
    screenId: screen.id,
    cityId: theater.cityId,
    startsAt,
    language: movie.languages[0] ?? 'Telugu',
    format: '2D',
    prices: Object.fromEntries(screen.categories.map((c) => [c.id, c.defaultPrice])),
    seatsTotal: seatsOfScreen(screen).length,
    ...overrides,
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  const local = freshId('u').toLowerCase();
  const email = overrides.email ?? `${local}@example.test`;
  return {
    id: freshId('user'),
    email,
    emailNormalized: email.trim().toLowerCase(),
    name: 'Test Person',
    role: 'customer',
    passwordHash: '$argon2id$fixture',
    phone: null,
    homeCityId: null,
    createdAt: '2026-12-01T06:00:00.000Z',
    ...overrides,
  };
}

/** A stored city + theater + screen + movie + one showtime starting `startsInHours` after the clock. */
export interface ShowFixture {
  city: City;
  theater: Theater;
  screen: Screen;
  movie: Movie;
  showtime: Showtime;
}

export async function createShow(
  store: Store,
  clock: ManualClock,
  options: { startsInHours?: number; showtime?: Partial<Showtime> } = {},
): Promise<ShowFixture> {
  const city = makeCity();
  const theater = makeTheater(city.id);
  const screen = makeScreen(theater.id);
  const movie = makeMovie();
  const startsAt = new Date(clock.now().getTime() + (options.startsInHours ?? 24) * 3_600_000).toISOString();
  const showtime = makeShowtime(screen, theater, movie, startsAt, options.showtime);
  await store.putCity(city);
  await store.putTheater(theater);
  await store.putScreen(screen);
  await store.putMovie(movie);
  await store.putShowtime(showtime);
  return { city, theater, screen, movie, showtime };
}

/** `now` and `expiresAt` for a hold made at the clock's current time lasting `minutes`. */
export function holdWindow(clock: ManualClock, minutes = 8): { now: string; expiresAt: string } {
  const now = clock.now();
  return { now: now.toISOString(), expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString() };
}

/** A complete confirm input for a hold (prices from the showtime, 30 rupee fee, 18% GST on the fee). */
export function confirmInputFor(
  hold: Hold,
  show: ShowFixture,
  clock: ManualClock,
  overrides: Partial<ConfirmBookingInput> = {},
): ConfirmBookingInput {
  const categoryOf = new Map(seatsOfScreen(show.screen).map((s) => [s.id, s.categoryId]));
  const seats = hold.seatIds.map((seatId) => {
    const categoryId = categoryOf.get(seatId) ?? 'classic';
    return { seatId, categoryId, price: show.showtime.prices[categoryId] ?? 0 };
  });
  const tickets = seats.reduce((sum, s) => sum + s.price, 0);
  const fee = 3000 * seats.length;
  const tax = Math.round(fee * 0.18);
  return {
    holdId: hold.id,
    userId: hold.userId,
    idempotencyKey: freshId('idem'),
    now: clock.now().toISOString(),
    bookingId: freshId('bk'),
    code: `MM${freshId('c').slice(-6).toUpperCase()}`,
    seats,
    amounts: { tickets, fee, tax, total: tickets + fee + tax },
    payment: { method: 'card', reference: freshId('pay'), last4: '4242' },
    ticketJobId: freshId('job'),
    ...overrides,
  };
}
