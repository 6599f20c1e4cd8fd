import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeQr } from '../../test/pdf-tools.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { openStoreHarness, type StoreHarness } from '../../test/store-harness.js';
import { workerDeps } from '../../test/worker-deps.js';
import { silentLogger } from '../logger.js';
import { verifyTicketToken } from '../token.js';
import { retryTicketJob } from './admin.js';
import { createInlineQueue } from './inline-queue.js';
import { ticketJobMessage } from './message.js';
import { createOutboxRelay } from './relay.js';
import { backoffDelayMs, handleTicketJob, type TicketWorkerDeps } from './worker.js';

let smtp: TestSmtpServer;
let harness: StoreHarness;

beforeEach(async () => {
  smtp = await startSmtpServer();
  harness = await openStoreHarness();
});
afterEach(async () => {
  await smtp.stop();
  await harness.close();
});

/** The embedded pipeline: outbox relay -> inline queue -> worker. */
function pipeline(deps: TicketWorkerDeps) {
  const queue = createInlineQueue({
    handle: (message) => handleTicketJob(message, deps),
    logger: silentLogger,
  });
  const relay = createOutboxRelay({
    store: harness.store,
    clock: harness.clock,
    publish: queue.publish,
    markBeforePublish: true,
    logger: silentLogger,
  });
  return {
    queue,
    relay,
    /** One sweep, then wait for the worker to finish what it was handed. */
    async run() {
      await relay.sweep();
      await queue.idle();
    },
  };
}

describe('ticket delivery: outbox, relay, inline queue, worker', () => {
  it('mails a confirmed booking its ticket once, with a QR that verifies against the booking', async () => {
    const { deps, publicKeys } = await workerDeps(harness, smtp.url);
    const { booking, jobId } = await harness.book(['A-1', 'A-2']);
    const { relay, queue } = pipeline(deps);
    await relay.start();
    await queue.idle();
    await relay.stop();

    const [mail] = await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(harness.user.email);
    expect(mail?.subject).toContain(
      `Your tickets: ${harness.show.movie.title}, ${harness.show.theater.name}`,
    );
    const pdf = mail?.attachments.find((a) => a.filename === `MovieMagic-${booking.code}.pdf`);
    const [token] = (await decodeQr(new Uint8Array(pdf?.content ?? []))).zbar;
    expect(await verifyTicketToken(token ?? '', publicKeys)).toEqual({
      ok: true,
      keyId: 't1',
      payload: {
        bookingId: booking.id,
        showtimeId: booking.showtimeId,
        seatCount: 2,
        version: booking.version,
      },
    });
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'sent', attempts: 0 });
  });

  it('picks jobs up on notify without blocking the caller, and on its periodic sweep without any notify', async () => {
    const { deps } = await workerDeps(harness, smtp.url);
    const queue = createInlineQueue({
      handle: (message) => handleTicketJob(message, deps),
      logger: silentLogger,
    });
    const relay = createOutboxRelay({
      store: harness.store,
      clock: harness.clock,
      publish: queue.publish,
      markBeforePublish: true,
      intervalMs: 50,
      logger: silentLogger,
    });
    await relay.start();
    try {
      await harness.book();
      expect(relay.notify()).toBeUndefined();
      relay.notify();
      await smtp.waitFor(1);
      await harness.book();
      await smtp.waitFor(2);
    } finally {
      await relay.stop();
      await queue.idle();
    }
    expect(smtp.received).toHaveLength(2);
  });

  it('delivers a job committed but never published (the process died) once the relay runs again, exactly once', async () => {
    const { deps } = await workerDeps(harness, smtp.url);
    const { jobId } = await harness.book();
    // The crashed process: a relay that never ran (no notify, no sweep) and is then dropped.
    pipeline(deps);
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'pending' });

    const restarted = pipeline(deps);
    await restarted.relay.start();
    await restarted.queue.idle();
    await restarted.relay.stop();
    await smtp.waitFor(1);

    harness.clock.advance(60 * 60_000);
    await restarted.run();
    await pipeline(deps).run();
    expect(smtp.received).toHaveLength(1);
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'sent' });
  });

  it('re-publishes a job whose queued message was lost in a crash after its redelivery window, and sends it once', async () => {
    const { deps } = await workerDeps(harness, smtp.url);
    const { jobId } = await harness.book();
    const lost: unknown[] = [];
    const crashed = createOutboxRelay({
      store: harness.store,
      clock: harness.clock,
      publish: async (message) => void lost.push(message),
      logger: silentLogger,
    });
    await crashed.sweep();
    expect(lost).toHaveLength(1);
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'published' });

    const { run } = pipeline(deps);
    await run();
    expect(smtp.received).toHaveLength(0);
    harness.clock.advance(11 * 60_000);
    await run();
    await run();
    await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('sends one e-mail when the same message is delivered twice, in sequence or at the same time', async () => {
    const { deps } = await workerDeps(harness, smtp.url);
    const first = await harness.book();
    const message = ticketJobMessage({ id: first.jobId, bookingId: first.booking.id, kind: 'ticket' });
    const [a, b] = await Promise.all([
      handleTicketJob(message, deps),
      handleTicketJob(message, { ...deps, workerId: 'other' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['sent', 'skipped']);
    expect(await handleTicketJob(message, deps)).toMatchObject({ status: 'skipped', reason: 'ALREADY_SENT' });
    await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps a job through an SMTP outage: retried with growing backoff, parked after six attempts, sent after an admin retry', async () => {
    const port = smtp.port;
    await smtp.stop();
    const { deps } = await workerDeps(harness, `smtp://127.0.0.1:${port}`);
    const { jobId } = await harness.book();
    const { relay, run } = pipeline(deps);

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      await run();
      const job = await harness.store.getTicketJob(jobId);
      expect(job?.attempts).toBe(attempt);
      expect(job?.lastError).toMatch(/ECONNREFUSED|connect/i);
      if (attempt < 6) {
        expect(job?.state).toBe('pending');
        const delay = new Date(job?.nextAttemptAt ?? 0).getTime() - harness.clock.now().getTime();
        delays.push(delay);
        // Not yet due: a sweep before the retry time does nothing.
        await run();
        expect((await harness.store.getTicketJob(jobId))?.attempts).toBe(attempt);
        harness.clock.advance(delay);
      }
    }
    expect(delays).toEqual([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n)));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'parked', attempts: 6 });
    expect((await harness.store.listParkedTicketJobs(10)).map((j) => j.id)).toEqual([jobId]);

    smtp = await startSmtpServer(port);
    expect(
      await retryTicketJob({ store: harness.store, clock: harness.clock, dispatcher: relay }, jobId),
    ).toBe(true);
    await run();
    await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'sent' });
  });

  it('delivers a job delayed by a short SMTP outage on its next retry, with nothing lost', async () => {
    const port = smtp.port;
    await smtp.stop();
    const { deps } = await workerDeps(harness, `smtp://127.0.0.1:${port}`);
    const jobs = [await harness.book(), await harness.book()];
    const { run } = pipeline(deps);
    await run();
    for (const { jobId } of jobs)
      expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'pending', attempts: 1 });

    smtp = await startSmtpServer(port);
    harness.clock.advance(backoffDelayMs(1));
    await run();
    await smtp.waitFor(2);
    expect(new Set(smtp.received.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')))).toEqual(
      new Set([harness.user.email]),
    );
    expect(smtp.received).toHaveLength(2);
    for (const { jobId } of jobs)
      expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'sent' });
  });

  it('mails the cancellation notice for a cancelled booking', async () => {
    const { deps } = await workerDeps(harness, smtp.url);
    const { booking } = await harness.book();
    const { run } = pipeline(deps);
    await run();
    const cancelled = await harness.cancel(booking.id);
    await run();
    await smtp.waitFor(2);
    expect(smtp.received.map((m) => m.subject?.split(':')[0])).toEqual(['Your tickets', 'Booking cancelled']);
    expect(smtp.received[1]?.text).toContain(`Your booking ${booking.code} is cancelled`);
    expect(await harness.store.getTicketJob(cancelled.jobId)).toMatchObject({
      state: 'sent',
      kind: 'cancellation',
    });
  });

  it('sends only the cancellation when the booking was cancelled before its ticket went out', async () => {
    const { deps } = await workerDeps(harness, smtp.url);
    const { booking, jobId } = await harness.book();
    await harness.cancel(booking.id);
    await pipeline(deps).run();
    await smtp.waitFor(1);
    expect(smtp.received.map((m) => m.subject?.split(':')[0])).toEqual(['Booking cancelled']);
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'sent' });
  });

  it('parks at once, with the reason, a job whose booking does not exist, and ignores malformed messages', async () => {
    const { deps } = await workerDeps(harness, smtp.url);
    const now = harness.clock.now().toISOString();
    await harness.store.enqueueTicketJob({ id: 'job_orphan', kind: 'ticket', bookingId: 'bk_missing', now });
    expect(
      await handleTicketJob({ v: 1, jobId: 'job_orphan', bookingId: 'bk_missing', kind: 'ticket' }, deps),
    ).toMatchObject({
      status: 'parked',
      attempts: 1,
    });
    expect(await harness.store.getTicketJob('job_orphan')).toMatchObject({
      state: 'parked',
      lastError: 'booking bk_missing not found',
    });
    expect(await handleTicketJob('{"v":2}', deps)).toMatchObject({
      status: 'skipped',
      reason: 'INVALID_MESSAGE',
    });
    expect(smtp.received).toHaveLength(0);
  });
});
