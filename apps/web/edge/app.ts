/**
 * The worker's handlers, given a way to build the runtime from the bindings: `worker.ts` (production) and
 * `testing/worker.ts` (the contract tests' clock and mailbox) differ only in that function.
 * `fetch` serves the web app and the API; `scheduled` (a Cron Trigger) sweeps the ticket outbox, because a
 * worker has no long-running process to run the relay's timer.
 */

import * as build from 'virtual:remix/server-build';
import { ConfigError } from '@movie-magic/config';
import { createRequestHandler, type ServerBuild } from '@remix-run/cloudflare';
import type { EdgeRuntime } from './deps.js';
import type { EdgeEnv } from './env.js';
import { handleEdgeRequest, type RemixHandler } from './handler.js';
import { type WaitUntil, withRequestScope } from './request-scope.js';

/** The module-worker shape workerd calls. */
export interface EdgeWorker {
  fetch(request: Request, env: EdgeEnv, ctx: WaitUntil): Promise<Response>;
  scheduled(controller: unknown, env: EdgeEnv, ctx: WaitUntil): Promise<void>;
}

/** A configuration the edge cannot run: the operator reads why in the log; visitors get a plain 503. */
function misconfigured(error: ConfigError): Response {
  console.error(error.message);
  return new Response('Movie Magic is not configured correctly. The server log says why.', {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60' },
  });
}

export function createEdgeWorker(buildRuntime: (env: EdgeEnv) => EdgeRuntime): EdgeWorker {
  let cached: { env: EdgeEnv; runtime: EdgeRuntime } | undefined;
  let remix: RemixHandler | undefined;

  /** The ports are built on an isolate's first request and reused while its bindings stay the same. */
  function runtimeFor(env: EdgeEnv): EdgeRuntime {
    if (cached?.env !== env) cached = { env, runtime: buildRuntime(env) };
    return cached.runtime;
  }

  function remixFor(runtime: EdgeRuntime): RemixHandler {
    const mode = runtime.deps.config.nodeEnv === 'production' ? 'production' : 'development';
    remix ??= createRequestHandler(build as unknown as ServerBuild, mode) as unknown as RemixHandler;
    return remix;
  }

  return {
    async fetch(request, env, ctx) {
      let runtime: EdgeRuntime;
      try {
        runtime = runtimeFor(env);
      } catch (error) {
        if (error instanceof ConfigError) return misconfigured(error);
        throw error;
      }
      return withRequestScope(ctx, () =>
        handleEdgeRequest({ request, runtime, assets: env.ASSETS, remix: remixFor(runtime) }),
      );
    },

    async scheduled(_controller, env, ctx) {
      const { relay } = runtimeFor(env);
      if (!relay) return;
      await withRequestScope(ctx, async () => {
        const published = await relay.sweep();
        if (published > 0)
          console.log(JSON.stringify({ level: 'info', message: 'ticket outbox sweep', published }));
      });
    },
  };
}
