/**
 * The Store port: everything the API, the ticket worker and the tools need from storage.
 * Two adapters implement it (`sqlite`, `dynamo`) and one contract suite (`describeStoreContract`) proves
 * they behave the same. Storage conflicts come back as values, never as raw SDK or SQLite errors.
 *
 * Time is always passed in (`now`, ISO UTC) so behaviour is decided by the injected Clock, never by the
 * adapter reading the wall clock. Ids are passed in too (the injected id generator).
 */
import type {
  Amounts,
  BookedSeat,
  Booking,
  City,
  Hold,
  Movie,
  PasswordResetToken,
  Screen,
  SeatStatus,
  Session,
  Showtime,
  Theater,
  TicketJob,
  TicketJobKind,
  User,
} from './domain.js';

/** The state of one seat that is not plainly available. Seats without an entry are available. */
export interface SeatState {
  seatId: string;
  status: Exclude<SeatStatus, 'available'>;
  /** For held seats: the hold that owns it. */
  holdId?: string;
  /** For sold seats: the booking that owns it. */
  bookingId?: string;
}

/** The live state of a showtime's seats, read consistently in one go. */
export interface SeatMapState {
  showtimeId: string;
  /** Increments on every hold, release, confirm and cancel: clients poll it cheaply. */
  version: number;
  /** Only seats that are held (by someone else), mine (held by the viewer) or sold. */
  taken: SeatState[];
}

export interface HoldSeatsInput {
  holdId: string;
  showtimeId: string;
  userId: string;
  seatIds: string[];
  now: string;
  expiresAt: string;
}

export type HoldSeatsResult =
  | { ok: true; hold: Hold; replacedHoldId: string | null }
  | { ok: false; reason: 'SEAT_UNAVAILABLE'; unavailableSeatIds: string[] }
  | { ok: false; reason: 'SHOWTIME_NOT_FOUND' };

export type ReleaseHoldResult = { ok: true } | { ok: false; reason: 'HOLD_NOT_FOUND' };

export interface ConfirmBookingInput {
  holdId: string;
  userId: string;
  idempotencyKey: string;
  now: string;
  /** Used only when a new booking is written (ignored on an idempotent replay). */
  bookingId: string;
  code: string;
  seats: BookedSeat[];
  amounts: Amounts;
  payment: Booking['payment'];
  ticketJobId: string;
}

export type ConfirmBookingResult =
  | { ok: true; booking: Booking; replayed: boolean }
  | { ok: false; reason: 'HOLD_NOT_FOUND' | 'HOLD_EXPIRED' | 'HOLD_NOT_OWNED' };

export interface CancelBookingInput {
  bookingId: string;
  userId: string;
  now: string;
  /** The latest instant at which cancelling is allowed (show start minus the cut-off). */
  cutoffAt: string;
  ticketJobId: string;
}

export type CancelBookingResult =
  | { ok: true; booking: Booking }
  | { ok: false; reason: 'BOOKING_NOT_FOUND' | 'ALREADY_CANCELLED' | 'CUTOFF_PASSED' };

export type CreateUserResult = { ok: true; user: User } | { ok: false; reason: 'EMAIL_TAKEN' };

export type CheckInResult =
  | { ok: true; result: 'ok'; booking: Booking; checkedInAt: string }
  | { ok: true; result: 'already_checked_in'; booking: Booking; checkedInAt: string }
  | { ok: true; result: 'cancelled'; booking: Booking }
  | { ok: false; reason: 'BOOKING_NOT_FOUND' };

export interface RateLimitHit {
  allowed: boolean;
  count: number;
  resetAt: string;
}

/** A claim on a ticket job for sending: only the winner of the conditional state change sends. */
export type ClaimTicketJobResult =
  | { ok: true; job: TicketJob }
  | { ok: false; reason: 'NOT_FOUND' | 'ALREADY_SENT' | 'LEASED' | 'PARKED' };

export interface Store {
  readonly kind: 'sqlite' | 'dynamodb';

  // ---- schema & lifecycle
  /** Create or update the schema (tables, indexes; on DynamoDB the table, GSIs and TTL). Idempotent. */
  migrate(): Promise<void>;
  /** True when no city exists yet (first start: seed). */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;

  // ---- catalog (writes are upserts, used by the seed and staff tools)
  putCity(city: City): Promise<void>;
  putMovie(movie: Movie): Promise<void>;
  putTheater(theater: Theater): Promise<void>;
  putScreen(screen: Screen): Promise<void>;
  /** Upsert a showtime; creates its seat-map version counter at 0 when new (keeps it when present). */
  putShowtime(showtime: Showtime): Promise<void>;
  listCities(): Promise<City[]>;
  getCity(cityId: string): Promise<City | null>;
  listMovies(): Promise<Movie[]>;
  getMovie(movieId: string): Promise<Movie | null>;
  listTheaters(cityId: string): Promise<Theater[]>;
  getTheater(theaterId: string): Promise<Theater | null>;
  getScreen(screenId: string): Promise<Screen | null>;
  getShowtime(showtimeId: string): Promise<Showtime | null>;
  /** Showtimes of a city starting in [fromUtc, toUtc), ordered by start. */
  listShowtimesInCity(cityId: string, fromUtc: string, toUtc: string): Promise<Showtime[]>;
  /** Showtimes of one movie in a city starting in [fromUtc, toUtc), ordered by start. */
  listShowtimesForMovie(movieId: string, cityId: string, fromUtc: string, toUtc: string): Promise<Showtime[]>;

  // ---- seats (the heart: see ADR 002)
  /**
   * Consistent read of the seat states. Holds whose `expiresAt <= now` count as available.
   * Seats held by `viewerUserId` come back as `mine`. Null when the showtime does not exist.
   */
  getSeatMap(showtimeId: string, now: string, viewerUserId?: string | null): Promise<SeatMapState | null>;
  /**
   * Just the seat-map version (one small consistent read): what open seat pages poll, so a poll that finds
   * nothing changed costs one key lookup. Null when the showtime does not exist.
   */
  getSeatMapVersion(showtimeId: string): Promise<number | null>;
  /** Counts of unexpired held + sold seats for many showtimes (listing availability). */
  countTakenSeats(showtimeIds: string[], now: string): Promise<Map<string, number>>;
  /**
   * All or nothing. A seat is available when it has no state or an expired hold, or is held by this
   * user's previous hold on the same showtime (which this hold replaces and releases).
   */
  holdSeats(input: HoldSeatsInput): Promise<HoldSeatsResult>;
  getHold(holdId: string): Promise<Hold | null>;
  /** Owner only; frees the seats. A foreign or unknown hold is `HOLD_NOT_FOUND`. */
  releaseHold(holdId: string, userId: string, now: string): Promise<ReleaseHoldResult>;
  /**
   * In ONE transaction: held seats -> sold, booking written, user's booking index entry, ticket job.
   * Replaying the same (userId, idempotencyKey) returns the first booking (`replayed: true`), whenever.
   */
  confirmBooking(input: ConfirmBookingInput): Promise<ConfirmBookingResult>;
  /** Owner only, not after `cutoffAt`: frees the seats, marks cancelled, bumps the version, enqueues a job. */
  cancelBooking(input: CancelBookingInput): Promise<CancelBookingResult>;
  getBooking(bookingId: string): Promise<Booking | null>;
  getBookingByCode(code: string): Promise<Booking | null>;
  /** A user's bookings, newest first (by createdAt). */
  listBookingsByUser(userId: string, limit?: number): Promise<Booking[]>;
  /** First scan wins (`ok`), later scans see `already_checked_in` with the first time. */
  checkIn(bookingId: string, now: string): Promise<CheckInResult>;

  // ---- users & sessions
  /** E-mail uniqueness (on `emailNormalized`) is enforced atomically with the insert. */
  createUser(user: User): Promise<CreateUserResult>;
  getUserById(userId: string): Promise<User | null>;
  getUserByEmail(emailNormalized: string): Promise<User | null>;
  updateUser(
    userId: string,
    patch: Partial<Pick<User, 'name' | 'phone' | 'homeCityId' | 'passwordHash' | 'role'>>,
  ): Promise<User | null>;
  createSession(session: Session): Promise<void>;
  getSession(sessionId: string): Promise<Session | null>;
  updateSessionExpiry(sessionId: string, expiresAt: string): Promise<void>;
  deleteSession(sessionId: string): Promise<void>;
  listUserSessions(userId: string): Promise<Session[]>;
  deleteUserSessions(userId: string, exceptSessionId?: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
  createPasswordResetToken(token: PasswordResetToken): Promise<void>;
  /** Single use: returns the token and deletes it, or null when unknown or expired. */
  consumePasswordResetToken(tokenHash: string, now: string): Promise<PasswordResetToken | null>;

  // ---- rate limits (fixed window, shared across instances)
  /** Count one hit on `key` in the window containing `now`; `allowed` is false past `limit`. */
  hitRateLimit(key: string, limit: number, windowSeconds: number, now: string): Promise<RateLimitHit>;
  resetRateLimit(key: string, now: string, windowSeconds: number): Promise<void>;

  // ---- ticket outbox
  /** A job outside a booking transaction (e.g. resend). */
  enqueueTicketJob(job: { id: string; kind: TicketJobKind; bookingId: string; now: string }): Promise<void>;
  getTicketJob(jobId: string): Promise<TicketJob | null>;
  /** Jobs in `pending` (or `published`/`sending` whose lease or retry time passed) due at `now`. */
  listDueTicketJobs(now: string, limit: number): Promise<TicketJob[]>;
  /** pending -> published (after a successful hand-off to the queue/SNS). */
  markTicketJobPublished(jobId: string, now: string): Promise<void>;
  /** Conditional: only one caller wins a job that is not sent and not leased by someone else. */
  claimTicketJob(
    jobId: string,
    owner: string,
    now: string,
    leaseUntil: string,
  ): Promise<ClaimTicketJobResult>;
  /** Owner only: -> sent. */
  completeTicketJob(jobId: string, owner: string, now: string): Promise<void>;
  /** Owner only: attempts+1, back to pending at `retryAt`, or parked with the reason. */
  failTicketJob(
    jobId: string,
    owner: string,
    now: string,
    error: string,
    retryAt: string | null,
  ): Promise<void>;
  listParkedTicketJobs(limit: number): Promise<TicketJob[]>;
  /** parked -> pending, attempts reset. */
  retryTicketJob(jobId: string, now: string): Promise<boolean>;
}
