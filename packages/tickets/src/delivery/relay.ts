/**
 * The outbox relay: moves due ticket jobs from the Store to the queue. The booking transaction writes the job
 * (transactional outbox, https://microservices.io/patterns/data/transactional-outbox.html), so a crash between
 * commit and publish, or a queue outage, only delays a job: the next sweep (at start-up, on notify, or on the
 * timer) finds it still due and publishes it. Publishing is at least once; the worker's claim makes sending
 * exactly once.
 */
import type { Clock, Store, TicketJob } from '@movie-magic/db';
import type { TicketLogger } from '../logger.js';
import type { TicketDispatcher } from '../ports.js';
import { type PublishTicketJob, ticketJobMessage } from './message.js';

export interface OutboxRelayOptions {
  store: Store;
  clock: Clock;
  publish: PublishTicketJob;
  /** Period of the background sweep (default 5 s). */
  intervalMs?: number;
  /** Jobs read per batch (default 25). */
  batchSize?: number;
  /**
   * Mark each job published before handing it on (default false: after). Set it for the in-process queue,
   * whose hand-off cannot fail and whose worker may start (and record a failure with its backoff) before a
   * later mark would land and overwrite that retry time. A crash in between is covered by the redelivery
   * window of published jobs.
   */
  markBeforePublish?: boolean;
  logger: TicketLogger;
}

export interface OutboxRelay extends TicketDispatcher {
  /** Sweeps once now, then every `intervalMs`. */
  start(): Promise<void>;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
  /** One sweep (waits for any sweep in progress first); resolves with the number of jobs published. */
  sweep(): Promise<number>;
}

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { store, clock, publish, logger } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 25;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | null = null;
  let again = false;

  async function handOff(job: TicketJob): Promise<void> {
    const mark = () => store.markTicketJobPublished(job.id, clock.now().toISOString());
    if (options.markBeforePublish) await mark();
    await publish(ticketJobMessage(job));
    if (!options.markBeforePublish) await mark();
  }

  async function sweepOnce(): Promise<number> {
    let published = 0;
    // A job published in this sweep may still be listed as due (depending on the adapter's redelivery
    // window): it is not published twice in one sweep, and a batch of only such jobs ends the sweep.
    const seen = new Set<string>();
    for (;;) {
      const listed = await store.listDueTicketJobs(clock.now().toISOString(), batchSize);
      const jobs = listed.filter((job) => !seen.has(job.id));
      let failed = false;
      for (const job of jobs) {
        seen.add(job.id);
        try {
          await handOff(job);
          published++;
        } catch (error) {
          // The job stays due (or, marked first, is due again after its redelivery window): only delayed.
          failed = true;
          logger.warn('ticket job publish failed', { jobId: job.id, error: String(error) });
        }
      }
      if (failed || jobs.length === 0 || listed.length < batchSize) return published;
    }
  }

  /** Coalesces calls: while a sweep runs, further requests collapse into one follow-up sweep. */
  function requestSweep(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        try {
          total += await sweepOnce();
        } catch (error) {
          logger.error('ticket outbox sweep failed', { error: String(error) });
        }
      } while (again);
      running = null;
      return total;
    })();
    return running;
  }

  return {
    async start() {
      if (timer) return;
      timer = setInterval(() => void requestSweep(), intervalMs);
      // Node: a relay must not keep a finished process (a CLI, a test) alive.
      if (typeof timer === 'object' && timer && 'unref' in timer) timer.unref();
      await requestSweep();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    notify() {
      void requestSweep();
    },
    async sweep() {
      if (running) await running;
      return requestSweep();
    },
  };
}
