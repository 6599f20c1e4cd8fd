/**
 * Loaders and actions call the tRPC router in-process (no HTTP hop) through this one door. It also carries
 * the cookies the router sets (sign-in, sign-out) back onto the Remix response.
 */
import { createServerCaller } from '@movie-magic/api';
import type { AppLoadContext } from '@remix-run/node';
import { TRPCError } from '@trpc/server';

export interface RouteArgs {
  request: Request;
  context: AppLoadContext;
}

/**
 * The router as the signed-in (or anonymous) user of this request, plus the headers it wants sent back
 * (Set-Cookie on sign-in/out and when a session is refreshed): return them with `data(value, { headers })`.
 */
export function api({ request, context }: RouteArgs) {
  const { caller, responseHeaders } = createServerCaller(context.deps, request, {
    clientIp: context.clientIp,
  });
  return { caller, headers: responseHeaders };
}

/** A router error as a value: its tRPC code, stable domain code and message, for forms to show. */
export interface ApiFailure {
  code: string;
  domainCode: string | null;
  message: string;
  details: Record<string, unknown>;
}

/** Turns an expected router error into a value; anything else is rethrown (and becomes the 500 page). */
export function asFailure(error: unknown): ApiFailure {
  if (!(error instanceof TRPCError)) throw error;
  const cause = error.cause as { domainCode?: unknown; details?: unknown; issues?: unknown } | undefined;
  // A zod input error: its issues name the fields; its message is a JSON dump not meant for people.
  if (Array.isArray(cause?.issues)) {
    return {
      code: error.code,
      domainCode: 'INVALID_INPUT',
      message: 'Please check the highlighted fields.',
      details: { issues: cause.issues },
    };
  }
  const data = (cause?.details ?? {}) as Record<string, unknown>;
  const domainCode =
    typeof cause?.domainCode === 'string'
      ? cause.domainCode
      : typeof data.domainCode === 'string'
        ? data.domainCode
        : null;
  return { code: error.code, domainCode, message: error.message, details: data };
}

/** Runs a router call and returns either its value or the failure, never throwing an expected error. */
export async function attempt<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; failure: ApiFailure }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, failure: asFailure(error) };
  }
}

/** Maps a failure that means "this thing does not exist for you" to the 404 page. */
export function notFoundUnless(failure: ApiFailure, what: string): never {
  if (failure.code === 'NOT_FOUND' || failure.code === 'BAD_REQUEST' || failure.code === 'FORBIDDEN') {
    throw new Response(`${what} not found`, { status: 404, statusText: 'Not Found' });
  }
  if (failure.code === 'UNAUTHORIZED') {
    throw new Response('Please sign in', { status: 401, statusText: 'Unauthorized' });
  }
  throw new Response(failure.message, { status: 400, statusText: 'Bad Request' });
}
