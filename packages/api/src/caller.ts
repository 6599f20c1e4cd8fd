/**
 * In-process calls for Remix loaders and actions (no HTTP hop): the caller reads the session cookie of the
 * incoming request, and the headers it wants to send back (Set-Cookie, Retry-After) are returned for the
 * loader to forward.
 */
import { type ApiDeps, clientIpOf, createContext } from './context.js';
import { appRouter } from './root.js';
import { createCallerFactory } from './trpc.js';

const createCaller = createCallerFactory(appRouter);

export type ServerCaller = ReturnType<typeof createCaller>;

export function createServerCaller(
  deps: ApiDeps,
  request: Request,
  opts: { clientIp?: string } = {},
): { caller: ServerCaller; responseHeaders: Headers } {
  const responseHeaders = new Headers();
  const ctx = createContext(deps, {
    headers: request.headers,
    clientIp: clientIpOf(request.headers, deps.config.trustProxy, opts.clientIp),
    resHeaders: responseHeaders,
  });
  const caller = createCaller(ctx, {
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.logger?.error('api call failed', { path, error: String(error.cause ?? error) });
      }
    },
  });
  return { caller, responseHeaders };
}
