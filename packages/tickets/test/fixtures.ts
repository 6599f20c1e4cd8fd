/** Catalog and booking fixtures for tickets tests: each call makes fresh, distinct data. */
import type { Booking, City, Movie, Screen, Showtime, Theater } from '@movie-magic/db';

let counter = 0;

export interface TicketFixture {
  city: City;
  movie: Movie;
  theater: Theater;
  screen: Screen;
  showtime: Showtime;
  booking: Booking;
  user: { id: string; email: string; name: string };
}

export function ticketFixture(overrides: { startsAt?: string; seatIds?: string[] } = {}): TicketFixture {
  const n = ++counter;
  const city: City = { id: `mumbai-${n}`, name: 'Mumbai', state: 'Maharashtra', timeZone: 'Asia/Kolkata' };
  const movie: Movie = {
    id: `monsoon-heist-${n}`,
    title: 'The Monsoon Heist',
    synopsis: 'A crew plans the perfect robbery during the first rain.',
    runtimeMinutes: 142,
    certificate: 'UA',
    languages: ['Hindi', 'English'],
    formats: ['2D', 'IMAX 2D'],
    genres: ['Thriller'],
    releaseDate: '2026-11-20',
    posterUrl: '/posters/monsoon-heist.svg',
    cast: [],
  };
  const theater: Theater = {
    id: `galaxy-${n}`,
    cityId: city.id,
    name: 'Galaxy Cinemas Bandra',
    address: '42 Hill Road, Bandra West, Mumbai 400050',
    amenities: [],
  };
  const screen: Screen = {
    id: `galaxy-${n}-audi-2`,
    theaterId: theater.id,
    name: 'Audi 2',
    categories: [
      { id: 'recliner', name: 'Recliner', defaultPrice: 45000 },
      { id: 'classic', name: 'Classic', defaultPrice: 25000 },
    ],
    rows: [
      { label: 'A', categoryId: 'recliner', cells: [1, 2, 3, 4] },
      { label: 'F', categoryId: 'classic', cells: [10, 11, 12, 13] },
    ],
    accessibleSeatIds: [],
  };
  const startsAt = overrides.startsAt ?? '2026-12-14T14:00:00.000Z';
  const showtime: Showtime = {
    id: `st_${n}_evening`,
    movieId: movie.id,
    theaterId: theater.id,
    screenId: screen.id,
    cityId: city.id,
    startsAt,
    language: 'Hindi',
    format: 'IMAX 2D',
    prices: { recliner: 45000, classic: 25000 },
    seatsTotal: 8,
  };
  const seatIds = overrides.seatIds ?? ['A-2', 'F-12'];
  const seats = seatIds.map((seatId) =>
    seatId.startsWith('A')
      ? { seatId, categoryId: 'recliner', price: 45000 }
      : { seatId, categoryId: 'classic', price: 25000 },
  );
  const tickets = seats.reduce((sum, seat) => sum + seat.price, 0);
  const booking: Booking = {
    id: `bk_fixture${String(n).padStart(6, '0')}`,
    code: `MM${String(n).padStart(5, '0')}Q`,
    userId: `usr_${n}`,
    showtimeId: showtime.id,
    movieId: movie.id,
    theaterId: theater.id,
    startsAt,
    seats,
    amounts: { tickets, fee: 3000, tax: 540, total: tickets + 3540 },
    status: 'confirmed',
    idempotencyKey: `idem-${n}`,
    payment: { method: 'test-card', reference: `pay_${n}`, last4: '4242' },
    createdAt: '2026-12-01T06:30:00.000Z',
    cancelledAt: null,
    checkedInAt: null,
    version: 1,
  };
  return {
    city,
    movie,
    theater,
    screen,
    showtime,
    booking,
    user: { id: booking.userId, email: `viewer${n}@example.test`, name: 'Asha Rao' },
  };
}
