/**
 * Ticket benchmark for the root `pnpm bench` (entry `@movie-magic/tickets/bench`; needs the package's dev
 * dependencies): PDF render time per ticket (p50/p99), and tickets delivered per second by the inline worker
 * (outbox relay -> queue -> render -> SMTP) to a local smtp-server, on a real SQLite store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Booking, City, Movie, Screen, Showtime, Theater, User } from '@movie-magic/db';
import { ManualClock, randomIds } from '@movie-magic/db';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { SMTPServer } from 'smtp-server';
import { createInlineQueue } from './delivery/inline-queue.js';
import { createOutboxRelay } from './delivery/relay.js';
import { handleTicketJob } from './delivery/worker.js';
import { silentLogger } from './logger.js';
import { createSmtpMailer } from './mail/transports.js';
import type { Mailer } from './ports.js';
import { pdfTicketRenderer, renderTicketPdf } from './render/pdf.js';
import { buildTicketView } from './render/view.js';
import { createTicketSigner, generateTicketKeys, issueTicketToken } from './token.js';

export interface DeliveryResult {
  tickets: number;
  seconds: number;
  perSecond: number;
  concurrency: number;
}

export interface TicketBenchResult {
  render: { tickets: number; p50Ms: number; p99Ms: number; meanMs: number };
  /** With a pooled SMTP transport (`SMTP_URL=...?pool=true`) and, for comparison, one connection per mail. */
  delivery: DeliveryResult;
  deliveryUnpooled: DeliveryResult;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (n: number) => Math.round(n * 10) / 10;

const city: City = { id: 'bench-city', name: 'Bengaluru', state: 'Karnataka', timeZone: 'Asia/Kolkata' };
const theater: Theater = {
  id: 'bench-theater',
  cityId: city.id,
  name: 'Bench Cinemas',
  address: '1 MG Road, Bengaluru 560001',
  amenities: [],
};
const movie: Movie = {
  id: 'bench-movie',
  title: 'Benchmark Nights',
  synopsis: 'Tickets, rendered fast.',
  runtimeMinutes: 150,
  certificate: 'UA',
  languages: ['Kannada'],
  formats: ['2D'],
  genres: ['Drama'],
  releaseDate: '2026-11-01',
  posterUrl: '/posters/bench.svg',
  cast: [],
};
const ROWS = 'ABCDEFGHIJ'.split('');
const screen: Screen = {
  id: 'bench-screen',
  theaterId: theater.id,
  name: 'Screen 1',
  categories: [{ id: 'classic', name: 'Classic', defaultPrice: 25000 }],
  rows: ROWS.map((label) => ({
    label,
    categoryId: 'classic',
    cells: Array.from({ length: 20 }, (_, i) => i + 1),
  })),
  accessibleSeatIds: [],
};

function showtime(n: number, startsAt: string): Showtime {
  return {
    id: `bench-st-${n}`,
    movieId: movie.id,
    theaterId: theater.id,
    screenId: screen.id,
    cityId: city.id,
    startsAt,
    language: 'Kannada',
    format: '2D',
    prices: { classic: 25000 },
    seatsTotal: 200,
  };
}

async function benchRender(count: number) {
  const keys = await generateTicketKeys();
  const signer = createTicketSigner({ privateKey: keys.privateKey, keyId: 'bench' });
  const show = showtime(0, '2026-12-14T14:00:00.000Z');
  const booking: Booking = {
    id: 'bk_bench00000000000000',
    code: 'MMBENCH1',
    userId: 'user_bench',
    showtimeId: show.id,
    movieId: movie.id,
    theaterId: theater.id,
    startsAt: show.startsAt,
    seats: ['F-10', 'F-11', 'F-12', 'F-13'].map((seatId) => ({
      seatId,
      categoryId: 'classic',
      price: 25000,
    })),
    amounts: { tickets: 100000, fee: 12000, tax: 2160, total: 114160 },
    status: 'confirmed',
    idempotencyKey: 'bench',
    payment: { method: 'test-card', reference: 'pay_bench', last4: '4242' },
    createdAt: '2026-12-01T06:30:00.000Z',
    cancelledAt: null,
    checkedInAt: null,
    version: 1,
  };
  const view = buildTicketView({
    booking,
    showtime: show,
    movie,
    theater,
    screen,
    city,
    token: await issueTicketToken(booking, signer),
  });
  for (let i = 0; i < 5; i++) await renderTicketPdf(view); // warm-up: font parsing, JIT
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await renderTicketPdf(view);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    tickets: count,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    meanMs: round(times.reduce((sum, t) => sum + t, 0) / count),
  };
}

async function benchDelivery(count: number, concurrency: number, pooled: boolean): Promise<DeliveryResult> {
  const dir = await mkdtemp(join(tmpdir(), 'mm-ticket-bench-'));
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as { port: number }).port;
  const store = await createSqliteStore({ file: join(dir, 'bench.db') });
  let mailer: Mailer | undefined;
  try {
    await store.migrate();
    const clock = new ManualClock('2026-12-01T06:30:00.000Z');
    const now = clock.now().toISOString();
    const user: User = {
      id: 'user_bench',
      email: 'bench@example.test',
      emailNormalized: 'bench@example.test',
      name: 'Bench User',
      role: 'customer',
      passwordHash: '$argon2id$bench',
      phone: null,
      homeCityId: null,
      createdAt: now,
    };
    await Promise.all([
      store.putCity(city),
      store.putTheater(theater),
      store.putScreen(screen),
      store.putMovie(movie),
    ]);
    await store.createUser(user);
    for (let n = 0; n < count; n++) {
      const show = showtime(Math.floor(n / 100), '2026-12-14T14:00:00.000Z');
      if (n % 100 === 0) await store.putShowtime(show);
      const seatIds = [0, 1].map(
        (k) => `${ROWS[Math.floor(((n % 100) * 2 + k) / 20)]}-${(((n % 100) * 2 + k) % 20) + 1}`,
      );
      const hold = await store.holdSeats({
        holdId: randomIds.id('hold'),
        showtimeId: show.id,
        userId: user.id,
        seatIds,
        now,
        expiresAt: '2026-12-01T07:00:00.000Z',
      });
      if (!hold.ok) throw new Error(`bench hold failed: ${hold.reason}`);
      const confirmed = await store.confirmBooking({
        holdId: hold.hold.id,
        userId: user.id,
        idempotencyKey: randomIds.id('idem'),
        now,
        bookingId: randomIds.id('bk'),
        code: `MB${String(n).padStart(6, '0')}`,
        seats: seatIds.map((seatId) => ({ seatId, categoryId: 'classic', price: 25000 })),
        amounts: { tickets: 50000, fee: 6000, tax: 1080, total: 57080 },
        payment: { method: 'test-card', reference: randomIds.id('pay'), last4: '4242' },
        ticketJobId: randomIds.id('job'),
      });
      if (!confirmed.ok) throw new Error(`bench confirm failed: ${confirmed.reason}`);
    }
    const keys = await generateTicketKeys();
    mailer = createSmtpMailer(
      `smtp://127.0.0.1:${port}${pooled ? '/?pool=true' : ''}`,
      'Movie Magic <tickets@moviemagic.local>',
    );
    const deps = {
      store,
      clock,
      mailer,
      renderer: pdfTicketRenderer,
      signer: createTicketSigner({ privateKey: keys.privateKey, keyId: 'bench' }),
      logger: silentLogger,
      workerId: 'bench-worker',
    };
    const queue = createInlineQueue({
      handle: (message) => handleTicketJob(message, deps),
      concurrency,
      logger: silentLogger,
    });
    const relay = createOutboxRelay({
      store,
      clock,
      publish: queue.publish,
      markBeforePublish: true,
      logger: silentLogger,
      batchSize: 100,
    });
    const start = performance.now();
    await relay.sweep();
    await queue.idle();
    const seconds = (performance.now() - start) / 1000;
    if (received !== count) throw new Error(`bench delivered ${received} of ${count} tickets`);
    return { tickets: count, seconds: round(seconds), perSecond: round(count / seconds), concurrency };
  } finally {
    mailer?.close?.();
    await store.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs both measurements; `renders` PDFs timed one by one, then `deliveries` tickets through the worker. */
export async function benchTickets(
  options: { renders?: number; deliveries?: number; concurrency?: number } = {},
): Promise<TicketBenchResult> {
  const render = await benchRender(options.renders ?? 100);
  const count = options.deliveries ?? 100;
  const concurrency = options.concurrency ?? 2;
  const delivery = await benchDelivery(count, concurrency, true);
  const deliveryUnpooled = await benchDelivery(count, concurrency, false);
  return { render, delivery, deliveryUnpooled };
}
