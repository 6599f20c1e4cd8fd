/** Output shapes shared by the booking procedures (and the check-in router): showtime summary and booking. */
import type { AppConfig } from '@movie-magic/config';
import {
  BOOKING_STATUSES,
  type Booking,
  CERTIFICATES,
  FORMATS,
  type Screen,
  type Showtime,
} from '@movie-magic/db';
import { z } from 'zod';
import { fail } from '../errors.js';
import type { CatalogLookup } from '../lookup.js';

export const AmountsView = z.object({
  tickets: z.number().int().nonnegative(),
  fee: z.number().int().nonnegative(),
  tax: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const ShowtimeSummary = z.object({
  id: z.string(),
  startsAt: z.string(),
  /** IANA zone of the city: show times in it. */
  timeZone: z.string(),
  cityId: z.string(),
  language: z.string(),
  format: z.enum(FORMATS),
  movieId: z.string(),
  movieTitle: z.string(),
  certificate: z.enum(CERTIFICATES),
  runtimeMinutes: z.number().int(),
  posterUrl: z.string(),
  theaterId: z.string(),
  theaterName: z.string(),
  theaterAddress: z.string(),
  screenId: z.string(),
  screenName: z.string(),
});
export type ShowtimeSummary = z.infer<typeof ShowtimeSummary>;

export const SeatLine = z.object({
  id: z.string(),
  label: z.string(),
  categoryId: z.string(),
  category: z.string(),
  price: z.number().int().nonnegative(),
});

export const BookingView = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(BOOKING_STATUSES),
  seats: z.array(SeatLine),
  amounts: AmountsView,
  showtime: ShowtimeSummary,
  payment: z.object({ method: z.string(), last4: z.string() }),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** Until when the booking can be cancelled (show start minus the cut-off). */
  cancellableUntil: z.string(),
  cancellable: z.boolean(),
  ticketUrl: z.string(),
});
export type BookingView = z.infer<typeof BookingView>;

/** `F-12` -> `F12`, as printed on the seat. */
export function seatLabel(seatId: string): string {
  return seatId.replace('-', '');
}

export function categoryName(screen: Screen, categoryId: string): string {
  return screen.categories.find((c) => c.id === categoryId)?.name ?? categoryId;
}

export async function summarizeShowtime(lookup: CatalogLookup, showtime: Showtime): Promise<ShowtimeSummary> {
  const [movie, theater, screen, city] = await Promise.all([
    lookup.movie(showtime.movieId),
    lookup.theater(showtime.theaterId),
    lookup.screen(showtime.screenId),
    lookup.city(showtime.cityId),
  ]);
  if (!movie || !theater || !screen || !city) fail('NOT_FOUND', `Showtime "${showtime.id}" is incomplete.`);
  return {
    id: showtime.id,
    startsAt: showtime.startsAt,
    timeZone: city.timeZone,
    cityId: city.id,
    language: showtime.language,
    format: showtime.format,
    movieId: movie.id,
    movieTitle: movie.title,
    certificate: movie.certificate,
    runtimeMinutes: movie.runtimeMinutes,
    posterUrl: movie.posterUrl,
    theaterId: theater.id,
    theaterName: theater.name,
    theaterAddress: theater.address,
    screenId: screen.id,
    screenName: screen.name,
  };
}

export function cancelDeadline(startsAt: string, booking: AppConfig['booking']): string {
  return new Date(new Date(startsAt).getTime() - booking.cancelCutoffMinutes * 60_000).toISOString();
}

export async function toBookingView(
  lookup: CatalogLookup,
  booking: Booking,
  config: AppConfig,
  now: Date,
): Promise<BookingView> {
  const showtime = await lookup.showtime(booking.showtimeId);
  const screen = showtime ? await lookup.screen(showtime.screenId) : null;
  if (!showtime || !screen) fail('NOT_FOUND', `Booking "${booking.id}" refers to a missing showtime.`);
  const cancellableUntil = cancelDeadline(booking.startsAt, config.booking);
  return {
    id: booking.id,
    code: booking.code,
    status: booking.status,
    seats: booking.seats.map((seat) => ({
      id: seat.seatId,
      label: seatLabel(seat.seatId),
      categoryId: seat.categoryId,
      category: categoryName(screen, seat.categoryId),
      price: seat.price,
    })),
    amounts: booking.amounts,
    showtime: await summarizeShowtime(lookup, showtime),
    payment: { method: booking.payment.method, last4: booking.payment.last4 },
    createdAt: booking.createdAt,
    cancelledAt: booking.cancelledAt,
    checkedInAt: booking.checkedInAt,
    cancellableUntil,
    cancellable: booking.status === 'confirmed' && now.getTime() <= new Date(cancellableUntil).getTime(),
    ticketUrl: `/bookings/${booking.id}/ticket.pdf`,
  };
}
