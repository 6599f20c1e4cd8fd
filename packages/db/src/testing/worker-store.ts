/**
 * A Store whose every call runs in a worker thread with its own connection. better-sqlite3 is synchronous,
 * so promises on one connection never interleave; racing several of these stores gives the race tests
 * real parallelism and real lock contention between connections on the same WAL file.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Store } from '../store.js';

interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  value?: unknown;
  error?: { name?: string; message?: string; code?: string };
}

/** The tsx loader, so the worker can import the adapter's TypeScript source (`.js` -> `.ts`). */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface WorkerStoreOptions {
  kind: Store['kind'];
  /** File URL of the module exporting the store factory, e.g. the SQLite adapter's index. */
  moduleUrl: string;
  exportName: string;
  /** Passed to the factory (must be structured-cloneable). */
  options: unknown;
}

export async function openStoreInWorker(spec: WorkerStoreOptions): Promise<Store> {
  const worker = new Worker(new URL('./store-worker.ts', import.meta.url), {
    execArgv: ['--import', tsxLoader],
    workerData: { moduleUrl: spec.moduleUrl, exportName: spec.exportName, options: spec.options },
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (reply: Reply) =>
      reply.ready ? resolve() : reject(new Error('worker did not start')),
    );
  });
  worker.on('message', (reply: Reply) => {
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(Object.assign(new Error(reply.error?.message ?? 'worker call failed'), reply.error));
  });
  let exited = false;
  const failAll = (error: unknown) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', () => {
    exited = true;
    failAll(new Error('the store worker has exited'));
  });
  const call = (method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (exited) return reject(new Error('the store worker has exited'));
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  return new Proxy({} as Store, {
    get(_, property) {
      if (property === 'kind') return spec.kind;
      // Not a thenable: `await openStoreInWorker(...)` must resolve to the proxy itself.
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (property === 'close') {
        return async () => {
          if (exited) return;
          await call('close', []);
          await worker.terminate();
        };
      }
      return (...args: unknown[]) => call(property, args);
    },
  });
}
