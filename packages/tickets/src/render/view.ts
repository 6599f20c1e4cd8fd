/**
 * The ticket view: every fact printed on a ticket or an e-mail, already formatted (dates in the city's time
 * zone, money in INR with Indian digit grouping). Renderers and mail builders only lay it out.
 */
import { TZDate } from '@date-fns/tz';
import type { Booking, City, Movie, Screen, Showtime, Theater } from '@movie-magic/db';
import { addMinutes, format } from 'date-fns';

/** A seat as printed: `F-12` and its category name. */
export interface TicketSeatView {
  seatId: string;
  category: string;
}

/** One line of the price breakdown. */
export interface TicketPriceLine {
  label: string;
  amount: string;
}

/** Everything a ticket shows, as plain data (safe to serialise, no domain logic left). */
export interface TicketView {
  bookingId: string;
  bookingCode: string;
  status: Booking['status'];
  movieTitle: string;
  certificate: string;
  runtimeMinutes: number;
  language: string;
  format: string;
  theaterName: string;
  theaterAddress: string;
  cityName: string;
  screenName: string;
  /** `Sat 14 Dec 2026` in the city's zone. */
  dateLabel: string;
  /** `7:30 PM` in the city's zone. */
  timeLabel: string;
  /** `Sat 14 Dec, 7:30 PM` (subject lines). */
  shortWhen: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  seats: TicketSeatView[];
  /** Seats grouped by category, e.g. `Recliner: F-11, F-12`. */
  seatLines: string[];
  prices: TicketPriceLine[];
  total: string;
  /** The signed QR token (see token.ts). */
  token: string;
  recipient: { email: string; name: string } | null;
}

/** Inputs of {@link buildTicketView}: the booking and what it refers to, as read from the Store. */
export interface TicketViewSource {
  booking: Booking;
  showtime: Showtime;
  movie: Movie;
  theater: Theater;
  screen: Screen;
  city: City;
  token: string;
  user?: { email: string; name: string } | null;
}

const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });

/** `₹1,23,456.00` from integer paise. */
export function formatInr(paise: number): string {
  return inr.format(paise / 100);
}

export function buildTicketView(source: TicketViewSource): TicketView {
  const { booking, showtime, movie, theater, screen, city, token } = source;
  const categoryName = new Map(screen.categories.map((category) => [category.id, category.name]));
  const seats = booking.seats.map((seat) => ({
    seatId: seat.seatId,
    category: categoryName.get(seat.categoryId) ?? seat.categoryId,
  }));
  const byCategory = new Map<string, string[]>();
  for (const seat of seats)
    byCategory.set(seat.category, [...(byCategory.get(seat.category) ?? []), seat.seatId]);
  const start = new TZDate(showtime.startsAt, city.timeZone);
  const seatWord = booking.seats.length === 1 ? 'ticket' : 'tickets';
  return {
    bookingId: booking.id,
    bookingCode: booking.code,
    status: booking.status,
    movieTitle: movie.title,
    certificate: movie.certificate,
    runtimeMinutes: movie.runtimeMinutes,
    language: showtime.language,
    format: showtime.format,
    theaterName: theater.name,
    theaterAddress: theater.address,
    cityName: city.name,
    screenName: screen.name,
    dateLabel: format(start, 'EEE d MMM yyyy'),
    timeLabel: format(start, 'h:mm a'),
    shortWhen: format(start, 'EEE d MMM, h:mm a'),
    timeZone: city.timeZone,
    startsAt: showtime.startsAt,
    endsAt: addMinutes(new Date(showtime.startsAt), movie.runtimeMinutes).toISOString(),
    seats,
    seatLines: [...byCategory].map(([category, ids]) => `${category}: ${ids.join(', ')}`),
    prices: [
      { label: `${booking.seats.length} ${seatWord}`, amount: formatInr(booking.amounts.tickets) },
      { label: 'Convenience fee', amount: formatInr(booking.amounts.fee) },
      { label: 'GST', amount: formatInr(booking.amounts.tax) },
    ],
    total: formatInr(booking.amounts.total),
    token,
    recipient: source.user ? { email: source.user.email, name: source.user.name } : null,
  };
}
