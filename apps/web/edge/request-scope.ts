/**
 * The current request's `ctx.waitUntil`, for work that must outlive the response (publishing the ticket
 * outbox, the reset e-mail). The ports are built once per isolate, so they find the request through
 * AsyncLocalStorage (provided by workerd under `nodejs_compat`) instead of capturing one request's ctx.
 * Without `waitUntil`, workerd may cancel a promise once the response is sent
 * (https://developers.cloudflare.com/workers/runtime-apis/context/#waituntil).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The part of workerd's ExecutionContext the ports use. */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

const scope = new AsyncLocalStorage<WaitUntil>();

/** Runs `handler` with `ctx` as the current request's execution context. */
export function withRequestScope<T>(ctx: WaitUntil, handler: () => T): T {
  return scope.run(ctx, handler);
}

/** Keeps `promise` alive after the response; outside a request (never expected) it is only awaited. */
export function keepAlive(promise: Promise<unknown>): void {
  const guarded = promise.catch((error) => console.error('background work failed', error));
  const ctx = scope.getStore();
  if (ctx) ctx.waitUntil(guarded);
}
