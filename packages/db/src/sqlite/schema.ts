/**
 * The SQLite schema (drizzle). Catalog items and bookings keep their full domain object as JSON in `data`
 * (they are read whole and their shape is validated by the domain types); the columns beside it are the
 * ones queries filter, order or guard on.
 *
 * drizzle cannot declare WITHOUT ROWID, so drizzle/0000_init.sql adds it by hand to the tables written on
 * every hold and confirm (seats, holds, bookings, user_bookings, ticket_jobs, showtimes); schema.test.ts
 * fails if a regenerated migration loses it. If drizzle-kit ever rebuilds one of these tables, re-add it.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const cities = sqliteTable('cities', {
  id: text('id').primaryKey(),
  data: text('data').notNull(),
});

export const movies = sqliteTable('movies', {
  id: text('id').primaryKey(),
  data: text('data').notNull(),
});

export const theaters = sqliteTable(
  'theaters',
  {
    id: text('id').primaryKey(),
    cityId: text('city_id').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('theaters_city').on(t.cityId)],
);

export const screens = sqliteTable('screens', {
  id: text('id').primaryKey(),
  data: text('data').notNull(),
});

export const showtimes = sqliteTable(
  'showtimes',
  {
    id: text('id').primaryKey(),
    cityId: text('city_id').notNull(),
    movieId: text('movie_id').notNull(),
    startsAt: text('starts_at').notNull(),
    data: text('data').notNull(),
    /** The seat-map version: bumped by every hold, release, confirm and cancel. */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('showtimes_city_start').on(t.cityId, t.startsAt),
    index('showtimes_movie_city_start').on(t.movieId, t.cityId, t.startsAt),
  ],
);

/**
 * One row per seat that is held or sold. The primary key (showtime, seat) is the lock: two rows for the
 * same seat cannot exist. An expired hold row is still here until someone overwrites it; every reader
 * compares `expires_at` with the injected clock, so correctness never depends on clean-up.
 */
export const seats = sqliteTable(
  'seats',
  {
    showtimeId: text('showtime_id')
      .notNull()
      .references(() => showtimes.id),
    seatId: text('seat_id').notNull(),
    status: text('status', { enum: ['held', 'sold'] }).notNull(),
    userId: text('user_id').notNull(),
    holdId: text('hold_id'),
    bookingId: text('booking_id'),
    expiresAt: text('expires_at'),
  },
  (t) => [primaryKey({ columns: [t.showtimeId, t.seatId] })],
);

export const holds = sqliteTable(
  'holds',
  {
    id: text('id').primaryKey(),
    showtimeId: text('showtime_id')
      .notNull()
      .references(() => showtimes.id),
    userId: text('user_id').notNull(),
    seatIds: text('seat_ids').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  // No (showtime, user) index: a user's previous hold is found through their held seats, which are
  // clustered by showtime in `seats`; one index fewer to write on every hold and confirm.
);

export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    showtimeId: text('showtime_id')
      .notNull()
      .references(() => showtimes.id),
    userId: text('user_id').notNull(),
    data: text('data').notNull(),
  },
  (t) => [uniqueIndex('bookings_code').on(t.code)],
);

/**
 * The user's booking index: one entry per booking, keyed by (user, idempotency key). It answers both "my
 * bookings, newest first" (a range of the primary key, sorted) and "did this idempotency key already book"
 * (a point read), and it is kept forever, so a replay is recognised however late it comes. One table for
 * both means one B-tree fewer written per booking than a separate index.
 */
export const userBookings = sqliteTable(
  'user_bookings',
  {
    userId: text('user_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    bookingId: text('booking_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.idempotencyKey] })],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    emailNormalized: text('email_normalized').notNull(),
    data: text('data').notNull(),
  },
  (t) => [uniqueIndex('users_email').on(t.emailNormalized)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    expiresAt: text('expires_at').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expiry').on(t.expiresAt)],
);

export const passwordResetTokens = sqliteTable('password_reset_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull(),
  expiresAt: text('expires_at').notNull(),
});

export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: text('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const ticketJobs = sqliteTable(
  'ticket_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['ticket', 'cancellation'] }).notNull(),
    bookingId: text('booking_id').notNull(),
    state: text('state', { enum: ['pending', 'published', 'sending', 'sent', 'parked'] }).notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: text('lease_expires_at'),
  },
  (t) => [index('ticket_jobs_state_due').on(t.state, t.nextAttemptAt)],
);
