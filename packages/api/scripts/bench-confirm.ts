/**
 * Benchmark (not a test), issue 5's goal: the confirm latency (p99) is unchanged with the ticket worker
 * running. The same purchase loop runs twice over HTTP on the embedded store: once with a dispatcher that only
 * counts, once with the real inline delivery (outbox relay -> in-process queue -> PDF render -> the dev
 * mailbox on disk), which renders and "mails" every ticket while the purchases go on.
 * Run: `pnpm --filter @movie-magic/api exec tsx scripts/bench-confirm.ts` (or import `benchConfirmWithWorker`).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import {
  createDevMailer,
  createThreadedPdfRenderer,
  createTicketDelivery,
  createTicketSigner,
  generateTicketKeys,
  pdfTicketRenderer,
  silentLogger,
} from '@movie-magic/tickets/node';
import { createApiClient } from '../src/client.js';
import { startTestServer } from '../test/harness.js';

const BUYERS = 8;
const SECONDS = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

type Worker = 'none' | 'main-thread' | 'render-thread';

async function purchaseLoop(worker: Worker) {
  const withWorker = worker !== 'none';
  const dir = mkdtempSync(join(tmpdir(), 'mm-bench-confirm-'));
  const store = createSqliteStore({ file: join(dir, 'movie-magic.db') });
  await store.migrate();
  const server = await startTestServer(store, { env: { RATE_LIMITS: 'off', LOG_LEVEL: 'silent' } });
  const mailDir = join(dir, 'mail');
  const keys = await generateTicketKeys();
  const threaded = worker === 'render-thread' ? createThreadedPdfRenderer() : null;
  const renderer = threaded ?? pdfTicketRenderer;
  const delivery = withWorker
    ? createTicketDelivery({
        config: server.deps.config,
        store,
        clock: server.deps.clock,
        mailer: createDevMailer(mailDir, server.deps.config.mail.from),
        renderer,
        signer: createTicketSigner({ privateKey: keys.privateKey, keyId: 'bench' }),
        logger: silentLogger,
      })
    : null;
  if (delivery) {
    // The server reads `deps` per request, so the running server now hands every confirm to the relay.
    server.deps.dispatcher = delivery.dispatcher;
    await delivery.start();
  }
  try {
    const anon = createApiClient({ url: server.url });
    const [city] = await anon.catalog.cities.query();
    const [movie] = await anon.catalog.movies.query({ cityId: city?.id ?? '' });
    const { days } = await anon.catalog.showtimes.query({ movieId: movie?.id ?? '', cityId: city?.id ?? '' });
    const showtimes: string[] = [];
    for (const day of days.slice(1)) {
      const listing = await anon.catalog.showtimes.query({
        movieId: movie?.id ?? '',
        cityId: city?.id ?? '',
        date: day.date,
      });
      showtimes.push(...listing.theaters.flatMap((t) => t.showtimes.map((s) => s.showtimeId)));
    }
    const buyers = await Promise.all(
      Array.from({ length: BUYERS }, async (_, i) => {
        const api = createApiClient({ url: server.url, cookieJar: true });
        await api.auth.register.mutate({
          email: `confirm-${i}-${crypto.randomUUID().slice(0, 6)}@example.test`,
          password: 'benchmark-popcorn-2026',
          name: `Buyer ${i}`,
        });
        return api;
      }),
    );
    const latencies: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    await Promise.all(
      buyers.map(async (api, i) => {
        // Each buyer works through its own showtimes, so nobody conflicts.
        for (let s = i; s < showtimes.length && performance.now() < deadline; s += BUYERS) {
          const showtimeId = showtimes[s] ?? '';
          const map = await api.booking.seatMap.query({ showtimeId });
          const free = map.seats.filter((seat) => seat.status === 'available').map((seat) => seat.id);
          while (free.length >= 2 && performance.now() < deadline) {
            const hold = await api.booking.hold.mutate({ showtimeId, seatIds: free.splice(0, 2) });
            const started = performance.now();
            await api.booking.confirm.mutate({
              holdId: hold.holdId,
              idempotencyKey: `bench-${crypto.randomUUID()}`,
              payment: { method: 'test-card', cardNumber: '4242424242424242' },
            });
            latencies.push(performance.now() - started);
          }
        }
      }),
    );
    await delivery?.stop();
    await threaded?.close();
    const mailed = withWorker ? readdirSync(mailDir).length : 0;
    const sorted = latencies.sort((a, b) => a - b);
    return { confirms: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mailed };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchConfirmWithWorker(): Promise<void> {
  const without = await purchaseLoop('none');
  const mainThread = await purchaseLoop('main-thread');
  const renderThread = await purchaseLoop('render-thread');
  const line = (label: string, r: typeof without) =>
    console.log(
      `confirm latency ${label}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms ` +
        `(${r.confirms} confirms, ${BUYERS} buyers${r.mailed ? `, ${r.mailed} tickets rendered and mailed meanwhile` : ''})`,
    );
  line('without the ticket worker', without);
  line('with the worker rendering on the main thread', mainThread);
  line('with the worker rendering on its thread (as served)', renderThread);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchConfirmWithWorker();
