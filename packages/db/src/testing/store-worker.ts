/**
 * Worker-thread entry of {@link openStoreInWorker}: opens its own store (its own connection) and serves
 * method calls posted by the parent thread. Runs under tsx, outside vitest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Store } from '../store.js';

interface Call {
  id: number;
  method: string;
  args: unknown[];
}

const { moduleUrl, exportName, options } = workerData as {
  moduleUrl: string;
  exportName: string;
  options: unknown;
};
const port = parentPort;
if (!port) throw new Error('store-worker must run in a worker thread');

const factory = (await import(moduleUrl))[exportName] as (options: unknown) => Store | Promise<Store>;
const store = await factory(options);

port.on('message', async (call: Call) => {
  try {
    const method = (store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[
      call.method
    ];
    if (typeof method !== 'function') throw new Error(`Store has no method ${call.method}`);
    const value = await method(...call.args);
    port.postMessage({ id: call.id, ok: true, value });
  } catch (error) {
    const { name, message, code } = error as { name?: string; message?: string; code?: string };
    port.postMessage({ id: call.id, ok: false, error: { name, message, code } });
  }
});
port.postMessage({ ready: true });
