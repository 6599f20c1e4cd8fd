/**
 * EVERY key of the single table is built here, and only here (ACCESS_PATTERNS.md documents each one and a
 * test checks the two agree). Prefixes are readable (`SHOW#`, `SEAT#`, `BOOKING#`); numbers in sort keys
 * are zero-padded and instants are normalised ISO-8601 UTC, so lexical order is numeric/chronological order.
 */

/** Base table attributes. */
export const PK = 'PK';
export const SK = 'SK';

/** Global secondary indexes: name -> its key attributes. Every GSI is sparse (only items that set its keys). */
export const INDEXES = {
  /** Showtimes of a city ordered by start (listShowtimesInCity). */
  ByCityStart: { pk: 'cityPK', sk: 'cityStartSK' },
  /** Showtimes of one movie in one city ordered by start (listShowtimesForMovie). */
  ByMovieCityStart: { pk: 'movieCityPK', sk: 'movieCityStartSK' },
  /** Ticket jobs by state, ordered by when they become due (outbox polling, parked list). */
  JobsByStateDue: { pk: 'jobStatePK', sk: 'jobDueSK' },
  /** Sessions ordered by expiry (deleteExpiredSessions housekeeping). */
  SessionsByExpiry: { pk: 'sessionExpiryPK', sk: 'sessionExpirySK' },
} as const;
export type IndexName = keyof typeof INDEXES;

export interface Key {
  PK: string;
  SK: string;
}

/** Normalises an instant so every key uses the same 24-character `YYYY-MM-DDTHH:mm:ss.sssZ` form. */
export function instant(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${value}`);
  return date.toISOString();
}

const SEAT_ID = /^([A-Z]{1,2})-(\d{1,2})$/;

/** `F-7` -> `SEAT#F#07`. Null for anything that is not a valid seat id. */
export function seatSortKey(seatId: string): string | null {
  const match = SEAT_ID.exec(seatId);
  if (!match) return null;
  const [, row, number] = match;
  return `SEAT#${row}#${String(Number(number)).padStart(2, '0')}`;
}

/** The e-mail uniqueness key: trimmed and lower-cased, whatever the caller passed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const keys = {
  // ---- catalog
  city: (cityId: string): Key => ({ PK: 'CITIES', SK: `CITY#${cityId}` }),
  citiesPartition: () => 'CITIES',
  movie: (movieId: string): Key => ({ PK: 'MOVIES', SK: `MOVIE#${movieId}` }),
  moviesPartition: () => 'MOVIES',
  theater: (theaterId: string): Key => ({ PK: `THEATER#${theaterId}`, SK: 'THEATER' }),
  /** A copy of the theater in its city's partition, so a city's theaters are one Query. */
  cityTheater: (cityId: string, theaterId: string): Key => ({
    PK: `CITY#${cityId}`,
    SK: `THEATER#${theaterId}`,
  }),
  cityTheatersPartition: (cityId: string) => `CITY#${cityId}`,
  theaterPrefix: () => 'THEATER#',
  screen: (screenId: string): Key => ({ PK: `SCREEN#${screenId}`, SK: 'SCREEN' }),

  // ---- a showtime's partition: DETAILS, META (seat-map version), SEAT#... (one item per taken seat)
  showtimePartition: (showtimeId: string) => `SHOW#${showtimeId}`,
  showtimeDetails: (showtimeId: string): Key => ({ PK: `SHOW#${showtimeId}`, SK: 'DETAILS' }),
  showtimeMeta: (showtimeId: string): Key => ({ PK: `SHOW#${showtimeId}`, SK: 'META' }),
  /** `META` sorts before `SEAT#`, after `DETAILS`: `SK >= META` reads the version and every seat. */
  seatMapFrom: () => 'META',
  seatPrefix: () => 'SEAT#',
  seat: (showtimeId: string, seatId: string): Key => {
    const sk = seatSortKey(seatId);
    if (!sk) throw new RangeError(`not a seat id: ${seatId}`);
    return { PK: `SHOW#${showtimeId}`, SK: sk };
  },
  /** GSI ByCityStart / ByMovieCityStart keys of a showtime's DETAILS item. */
  cityStart: (cityId: string, startsAt: string, showtimeId: string) => ({
    cityPK: `CITY#${cityId}`,
    cityStartSK: `START#${instant(startsAt)}#SHOW#${showtimeId}`,
  }),
  movieCityStart: (movieId: string, cityId: string, startsAt: string, showtimeId: string) => ({
    movieCityPK: `MOVIE#${movieId}#CITY#${cityId}`,
    movieCityStartSK: `START#${instant(startsAt)}#SHOW#${showtimeId}`,
  }),
  /** Key-condition bounds for [from, to): `START#<to>` sorts before every `START#<to>#SHOW#...`. */
  startBound: (at: string) => `START#${instant(at)}`,
  cityPartition: (cityId: string) => `CITY#${cityId}`,
  movieCityPartition: (movieId: string, cityId: string) => `MOVIE#${movieId}#CITY#${cityId}`,

  // ---- holds
  hold: (holdId: string): Key => ({ PK: `HOLD#${holdId}`, SK: 'HOLD' }),
  /** The user's current hold on a showtime (at most one: a new hold replaces it). */
  userShowtimeHold: (userId: string, showtimeId: string): Key => ({
    PK: `USER#${userId}`,
    SK: `HOLD#SHOW#${showtimeId}`,
  }),

  // ---- bookings
  booking: (bookingId: string): Key => ({ PK: `BOOKING#${bookingId}`, SK: 'BOOKING' }),
  bookingCode: (code: string): Key => ({ PK: `CODE#${code.toUpperCase()}`, SK: 'CODE' }),
  /** The user's booking index entry: newest first is a descending Query on the user's partition. */
  userBooking: (userId: string, createdAt: string, bookingId: string): Key => ({
    PK: `USER#${userId}`,
    SK: `BOOKING#${instant(createdAt)}#${bookingId}`,
  }),
  userBookingPrefix: () => 'BOOKING#',
  /** Idempotency record: (user, key) -> bookingId, kept as long as the booking (no 10-minute window). */
  idempotency: (userId: string, idempotencyKey: string): Key => ({
    PK: `USER#${userId}`,
    SK: `IDEMP#${idempotencyKey}`,
  }),

  // ---- users, sessions, tokens, rate limits
  user: (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  userPartition: (userId: string) => `USER#${userId}`,
  email: (email: string): Key => ({ PK: `EMAIL#${normalizeEmail(email)}`, SK: 'EMAIL' }),
  session: (sessionId: string): Key => ({ PK: `SESSION#${sessionId}`, SK: 'SESSION' }),
  userSession: (userId: string, sessionId: string): Key => ({
    PK: `USER#${userId}`,
    SK: `SESSION#${sessionId}`,
  }),
  userSessionPrefix: () => 'SESSION#',
  sessionExpiry: (expiresAt: string, sessionId: string) => ({
    sessionExpiryPK: 'SESSIONS',
    sessionExpirySK: `EXPIRES#${instant(expiresAt)}#${sessionId}`,
  }),
  sessionsExpiryPartition: () => 'SESSIONS',
  /** Upper bound (exclusive) for sessions expiring at or before `at`: `$` sorts after `#`. */
  sessionsExpiredBefore: (at: string) => `EXPIRES#${instant(at)}$`,
  resetToken: (tokenHash: string): Key => ({ PK: `RESET#${tokenHash}`, SK: 'RESET' }),
  rateLimit: (key: string, windowStart: string): Key => ({
    PK: `RATE#${key}`,
    SK: `WINDOW#${instant(windowStart)}`,
  }),

  // ---- ticket outbox
  ticketJob: (jobId: string): Key => ({ PK: `JOB#${jobId}`, SK: 'JOB' }),
  jobState: (state: string, dueAt: string, jobId: string) => ({
    jobStatePK: `JOBSTATE#${state}`,
    jobDueSK: `DUE#${instant(dueAt)}#${jobId}`,
  }),
  jobStatePartition: (state: string) => `JOBSTATE#${state}`,
  /** Upper bound (exclusive) for jobs due at or before `at`. */
  jobsDueBefore: (at: string) => `DUE#${instant(at)}$`,
} as const;
