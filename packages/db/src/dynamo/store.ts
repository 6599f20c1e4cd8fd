/**
 * `createDynamoStore`: the Store port on one DynamoDB table (single-table design, see ACCESS_PATTERNS.md
 * and keys.ts). This file only wires the port's methods to the modules that implement them.
 */
import type { Store } from '../store.js';
import { cancelBooking, checkIn, getBooking, getBookingByCode, listBookingsByUser } from './bookings.js';
import { catalog } from './catalog.js';
import { createContext, type DynamoStoreOptions } from './client.js';
import { confirmBooking } from './confirm.js';
import { getHold, holdSeats } from './holds.js';
import { getTicketJob, jobs } from './jobs.js';
import { instant } from './keys.js';
import { rateLimits } from './rate-limits.js';
import { releaseHold } from './release.js';
import { migrate } from './schema.js';
import { countTakenSeats, getSeatMap, getSeatMapVersion } from './seat-map.js';
import { sessions } from './sessions.js';
import { resetTokens, users } from './users.js';

export function createDynamoStore(options: DynamoStoreOptions): Store {
  const ctx = createContext(options);
  return {
    kind: 'dynamodb',
    migrate: () => migrate(ctx),
    isEmpty: () => catalog.isEmpty(ctx),
    async close() {
      // A client passed in belongs to the caller; ours is destroyed (closes its sockets).
      if (ctx.ownsClient) ctx.client.destroy();
    },

    putCity: (city) => catalog.putCity(ctx, city),
    putMovie: (movie) => catalog.putMovie(ctx, movie),
    putTheater: (theater) => catalog.putTheater(ctx, theater),
    putScreen: (screen) => catalog.putScreen(ctx, screen),
    putShowtime: (showtime) => catalog.putShowtime(ctx, showtime),
    listCities: () => catalog.listCities(ctx),
    getCity: (cityId) => catalog.getCity(ctx, cityId),
    listMovies: () => catalog.listMovies(ctx),
    getMovie: (movieId) => catalog.getMovie(ctx, movieId),
    listTheaters: (cityId) => catalog.listTheaters(ctx, cityId),
    getTheater: (theaterId) => catalog.getTheater(ctx, theaterId),
    getScreen: (screenId) => catalog.getScreen(ctx, screenId),
    getShowtime: (showtimeId) => catalog.getShowtime(ctx, showtimeId),
    listShowtimesInCity: (cityId, fromUtc, toUtc) => catalog.listShowtimesInCity(ctx, cityId, fromUtc, toUtc),
    listShowtimesForMovie: (movieId, cityId, fromUtc, toUtc) =>
      catalog.listShowtimesForMovie(ctx, movieId, cityId, fromUtc, toUtc),

    getSeatMap: (showtimeId, now, viewerUserId) => getSeatMap(ctx, showtimeId, instant(now), viewerUserId),
    getSeatMapVersion: (showtimeId) => getSeatMapVersion(ctx, showtimeId),
    countTakenSeats: (showtimeIds, now) => countTakenSeats(ctx, showtimeIds, instant(now)),
    holdSeats: (input) => holdSeats(ctx, input),
    getHold: (holdId) => getHold(ctx, holdId),
    releaseHold: (holdId, userId) => releaseHold(ctx, holdId, userId),
    confirmBooking: (input) => confirmBooking(ctx, input),
    cancelBooking: (input) => cancelBooking(ctx, input),
    getBooking: (bookingId) => getBooking(ctx, bookingId),
    getBookingByCode: (code) => getBookingByCode(ctx, code),
    listBookingsByUser: (userId, limit) => listBookingsByUser(ctx, userId, limit),
    checkIn: (bookingId, now) => checkIn(ctx, bookingId, now),

    createUser: (user) => users.create(ctx, user),
    getUserById: (userId) => users.getById(ctx, userId),
    getUserByEmail: (email) => users.getByEmail(ctx, email),
    updateUser: (userId, patch) => users.update(ctx, userId, patch),
    createSession: (session) => sessions.create(ctx, session),
    getSession: (sessionId) => sessions.get(ctx, sessionId),
    updateSessionExpiry: (sessionId, expiresAt) => sessions.updateExpiry(ctx, sessionId, expiresAt),
    deleteSession: (sessionId) => sessions.delete(ctx, sessionId),
    listUserSessions: (userId) => sessions.listByUser(ctx, userId),
    deleteUserSessions: (userId, exceptSessionId) => sessions.deleteByUser(ctx, userId, exceptSessionId),
    deleteExpiredSessions: (now) => sessions.deleteExpired(ctx, now),
    createPasswordResetToken: (token) => resetTokens.create(ctx, token),
    consumePasswordResetToken: (tokenHash, now) => resetTokens.consume(ctx, tokenHash, now),

    hitRateLimit: (key, limit, windowSeconds, now) => rateLimits.hit(ctx, key, limit, windowSeconds, now),
    resetRateLimit: (key, now, windowSeconds) => rateLimits.reset(ctx, key, now, windowSeconds),

    enqueueTicketJob: (job) => jobs.enqueue(ctx, job),
    getTicketJob: (jobId) => getTicketJob(ctx, jobId),
    listDueTicketJobs: (now, limit) => jobs.listDue(ctx, now, limit),
    markTicketJobPublished: (jobId, now) => jobs.markPublished(ctx, jobId, now),
    claimTicketJob: (jobId, owner, now, leaseUntil) => jobs.claim(ctx, jobId, owner, now, leaseUntil),
    completeTicketJob: (jobId, owner, now) => jobs.complete(ctx, jobId, owner, now),
    failTicketJob: (jobId, owner, now, error, retryAt) => jobs.fail(ctx, jobId, owner, now, error, retryAt),
    listParkedTicketJobs: (limit) => jobs.listParked(ctx, limit),
    retryTicketJob: (jobId, now) => jobs.retry(ctx, jobId, now),
  };
}
