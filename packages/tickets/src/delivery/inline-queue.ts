/**
 * The embedded transport: an in-process queue that hands messages to the worker with bounded concurrency
 * (rendering a PDF takes CPU; two at a time keeps request latency steady on a small machine). Messages live
 * in memory only, which is safe because the Store's outbox is the record: a message lost in a crash is
 * published again by the relay once its redelivery time passes.
 */
import type { TicketLogger } from '../logger.js';
import type { TicketJobMessage } from './message.js';

export interface InlineQueue {
  /** Accepts a message and returns at once. */
  publish(message: TicketJobMessage): Promise<void>;
  /** Resolves when every accepted message has been handled (tests, graceful shutdown). */
  idle(): Promise<void>;
  readonly pending: number;
}

export function createInlineQueue(options: {
  handle: (message: TicketJobMessage) => Promise<unknown>;
  concurrency?: number;
  logger: TicketLogger;
}): InlineQueue {
  const concurrency = options.concurrency ?? 2;
  const waiting: TicketJobMessage[] = [];
  const queued = new Set<string>();
  let active = 0;
  let idleWaiters: (() => void)[] = [];

  function pump(): void {
    while (active < concurrency && waiting.length > 0) {
      const message = waiting.shift() as TicketJobMessage;
      queued.delete(message.jobId);
      active++;
      options
        .handle(message)
        .catch((error) =>
          options.logger.error('inline ticket job failed', { jobId: message.jobId, error: String(error) }),
        )
        .finally(() => {
          active--;
          pump();
        });
    }
    if (active === 0 && waiting.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  return {
    async publish(message) {
      // The same job published again while still waiting adds nothing (the relay may re-list it).
      if (queued.has(message.jobId)) return;
      queued.add(message.jobId);
      waiting.push(message);
      queueMicrotask(pump);
    },
    idle() {
      if (active === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get pending() {
      return waiting.length + active;
    },
  };
}
