/**
 * Ticket PDFs rendered on a worker thread (Node only). Rendering is synchronous CPU work in satori and pdfkit
 * (about 20-40 ms a ticket); done on the main thread by the in-process ticket worker, it stalls every HTTP
 * request behind it, which `pnpm bench` showed as a tenfold confirm p99. One thread is plenty on a small box:
 * tickets queue there while the main thread keeps serving.
 *
 * The thread loads this package's TypeScript through tsx's loader (as the Node server itself does), is started
 * lazily on the first render, and is started again after a crash; renders in flight when it dies are rejected
 * (the ticket job is then retried by the outbox like any other failure).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TicketPdfRenderer } from '../delivery/worker.js';
import type { TicketView } from './view.js';

type Reply = { ready: true } | { id: number; pdf: Uint8Array } | { id: number; error: string };

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ThreadedPdfRenderer extends TicketPdfRenderer {
  /** Stops the thread; later renders start a new one. */
  close(): Promise<void>;
}

export function createThreadedPdfRenderer(): ThreadedPdfRenderer {
  let worker: Promise<Worker> | null = null;
  const pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextId = 0;

  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };

  function start(): Promise<Worker> {
    const thread = new Worker(new URL('./render-thread.ts', import.meta.url), {
      execArgv: ['--import', tsxLoader],
    });
    const ready = new Promise<Worker>((resolve, reject) => {
      thread.once('error', reject);
      thread.once('message', () => resolve(thread));
    });
    thread.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if ('pdf' in reply) waiter.resolve(new Uint8Array(reply.pdf));
      else waiter.reject(new Error(`ticket rendering failed: ${reply.error}`));
    });
    thread.on('error', (error) => failAll(error));
    thread.on('exit', (code) => {
      worker = null;
      failAll(new Error(`the ticket rendering thread exited (code ${code})`));
    });
    // The thread must not keep a finished process alive.
    thread.unref();
    return ready;
  }

  return {
    async render(view: TicketView): Promise<Uint8Array> {
      worker ??= start();
      const thread = await worker;
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, view });
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await (await current).terminate();
    },
  };
}
