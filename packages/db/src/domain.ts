/**
 * The domain model: zod schemas (for validation at the edges: seed data, staff input, stored rows) and the
 * types inferred from them. Money is integer paise; instants are ISO-8601 UTC strings (`...Z`).
 */
import { z } from 'zod';

export const isoInstant = z.iso.datetime({ offset: false });
export const paise = z.number().int().nonnegative();
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

export const CitySchema = z.object({
  id: slug,
  name: z.string().min(1).max(80),
  state: z.string().min(1).max(80),
  /** IANA time zone, e.g. `Asia/Kolkata`. Showtimes are shown and grouped by day in this zone. */
  timeZone: z.string().min(1),
});
export type City = z.infer<typeof CitySchema>;

export const CERTIFICATES = ['U', 'UA', 'A'] as const;
export const FORMATS = ['2D', '3D', 'IMAX 2D', 'IMAX 3D', '4DX'] as const;

export const MovieSchema = z.object({
  id: slug,
  title: z.string().min(1).max(120),
  synopsis: z.string().min(1).max(2000),
  runtimeMinutes: z.number().int().min(1).max(400),
  certificate: z.enum(CERTIFICATES),
  languages: z.array(z.string().min(1)).min(1),
  formats: z.array(z.enum(FORMATS)).min(1),
  genres: z.array(z.string().min(1)).min(1),
  /** `YYYY-MM-DD` */
  releaseDate: z.iso.date(),
  /** Path or URL of the poster image (the seed generates SVG art served by the web app). */
  posterUrl: z.string().min(1),
  cast: z.array(z.string()).default([]),
});
export type Movie = z.infer<typeof MovieSchema>;

export const TheaterSchema = z.object({
  id: slug,
  cityId: slug,
  name: z.string().min(1).max(120),
  address: z.string().min(1).max(300),
  amenities: z.array(z.string()).default([]),
});
export type Theater = z.infer<typeof TheaterSchema>;

/** A seat category of a screen, e.g. Recliner / Prime / Classic, with its default price. */
export const SeatCategorySchema = z.object({
  id: slug,
  name: z.string().min(1).max(40),
  defaultPrice: paise,
});
export type SeatCategory = z.infer<typeof SeatCategorySchema>;

/**
 * One row of a seat layout, drawn top (farthest from the screen) to bottom (nearest).
 * `cells` runs left to right: a number is a seat with that number, `null` is a gap or an aisle.
 */
export const SeatRowSchema = z.object({
  label: z.string().regex(/^[A-Z]{1,2}$/),
  categoryId: slug,
  cells: z.array(z.number().int().min(1).max(99).nullable()).min(1),
});
export type SeatRow = z.infer<typeof SeatRowSchema>;

export const ScreenSchema = z.object({
  id: slug,
  theaterId: slug,
  name: z.string().min(1).max(60),
  categories: z.array(SeatCategorySchema).min(1),
  rows: z.array(SeatRowSchema).min(1),
  /** Seat ids (see {@link seatId}) that are wheelchair accessible. */
  accessibleSeatIds: z.array(z.string()).default([]),
});
export type Screen = z.infer<typeof ScreenSchema>;

export const ShowtimeSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  movieId: slug,
  theaterId: slug,
  screenId: slug,
  cityId: slug,
  startsAt: isoInstant,
  language: z.string().min(1),
  format: z.enum(FORMATS),
  /** Price per seat category id, in paise. Every category of the screen has a price. */
  prices: z.record(z.string(), paise),
  /** Seats on the screen (derived from the layout when the showtime is written). */
  seatsTotal: z.number().int().positive(),
});
export type Showtime = z.infer<typeof ShowtimeSchema>;

export const ROLES = ['customer', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const UserSchema = z.object({
  id: z.string().min(1),
  /** As typed by the user (display). Uniqueness is on `emailNormalized`. */
  email: z.email(),
  /** Lower-cased, trimmed e-mail: the unique key. */
  emailNormalized: z.string().min(3),
  name: z.string().min(1).max(100),
  role: z.enum(ROLES),
  passwordHash: z.string().min(1),
  phone: z.string().nullable().default(null),
  homeCityId: z.string().nullable().default(null),
  createdAt: isoInstant,
});
export type User = z.infer<typeof UserSchema>;

/** A login session (lucia's shape plus the absolute lifetime anchor). */
export interface Session {
  id: string;
  userId: string;
  expiresAt: string;
  createdAt: string;
}

/** A password-reset token: only the SHA-256 hash of the secret is stored. */
export interface PasswordResetToken {
  tokenHash: string;
  userId: string;
  expiresAt: string;
}

export const SEAT_STATUSES = ['available', 'held', 'sold', 'mine'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

export interface Hold {
  id: string;
  showtimeId: string;
  userId: string;
  seatIds: string[];
  createdAt: string;
  expiresAt: string;
}

/** Price breakdown in paise. `total = tickets + fee + tax`. */
export interface Amounts {
  tickets: number;
  fee: number;
  tax: number;
  total: number;
}

export interface BookedSeat {
  seatId: string;
  categoryId: string;
  price: number;
}

export const BOOKING_STATUSES = ['confirmed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface Booking {
  id: string;
  /** Short human-readable code, e.g. `MM7K2QX`. */
  code: string;
  userId: string;
  showtimeId: string;
  /** Denormalised for listing and tickets without extra reads. */
  movieId: string;
  theaterId: string;
  startsAt: string;
  seats: BookedSeat[];
  amounts: Amounts;
  status: BookingStatus;
  idempotencyKey: string;
  payment: { method: string; reference: string; last4: string };
  createdAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
  /** Increments on every change (cancel); part of the signed QR so an old QR can be told apart. */
  version: number;
}

export const TICKET_JOB_KINDS = ['ticket', 'cancellation'] as const;
export type TicketJobKind = (typeof TICKET_JOB_KINDS)[number];
export const TICKET_JOB_STATES = ['pending', 'published', 'sending', 'sent', 'parked'] as const;
export type TicketJobState = (typeof TICKET_JOB_STATES)[number];

/** The outbox record that makes a ticket (or cancellation) e-mail happen. */
export interface TicketJob {
  id: string;
  kind: TicketJobKind;
  bookingId: string;
  state: TicketJobState;
  attempts: number;
  /** When a pending/published job may next be tried (backoff). */
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** While `sending`: who holds the send lease and until when (crash recovery). */
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
}

/**
 * A job marked `published` (handed to the queue) becomes due again this long after, in case the queue lost
 * the message; a worker claiming it first makes the re-publish harmless (the claim is conditional).
 */
export const PUBLISHED_TICKET_JOB_REDELIVERY_MINUTES = 10;

/** `F-12`: row label, dash, seat number. */
export function seatId(rowLabel: string, number: number): string {
  return `${rowLabel}-${number}`;
}

/** Every seat of a layout in drawing order, with its category. */
export function seatsOfScreen(
  screen: Screen,
): { id: string; row: string; number: number; categoryId: string }[] {
  return screen.rows.flatMap((row) =>
    row.cells
      .filter((cell): cell is number => cell !== null)
      .map((number) => ({
        id: seatId(row.label, number),
        row: row.label,
        number,
        categoryId: row.categoryId,
      })),
  );
}
