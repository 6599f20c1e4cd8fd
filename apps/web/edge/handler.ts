/**
 * One request on the edge, in the same order as the Node server (server/http.ts): a nonce and request id,
 * the shared security headers, static assets with their cache lifetimes, the API at /api/trpc, then Remix.
 */
import { API_ENDPOINT, handleApiRequest } from '@movie-magic/api';
import type { AppLoadContext } from '@remix-run/node';
import { createNonce, securityHeaders } from '../app/security.server.js';
import type { EdgeRuntime } from './deps.js';
import type { AssetsBinding } from './env.js';

/** Remix's request handler with the load context it expects. */
export type RemixHandler = (request: Request, loadContext: AppLoadContext) => Promise<Response>;

/** Vite content-hashes everything under /assets: a changed file gets a new name, so cache forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const PUBLIC_FILE = 'public, max-age=3600';

function looksLikeFile(pathname: string): boolean {
  return pathname.startsWith('/assets/') || /\/[^/]+\.[a-z0-9]+$/i.test(pathname);
}

async function serveAsset(request: Request, assets: AssetsBinding | undefined): Promise<Response | null> {
  if (!assets || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
  const { pathname } = new URL(request.url);
  if (!looksLikeFile(pathname)) return null;
  const response = await assets.fetch(request);
  if (response.status === 404) return null;
  const served = new Response(response.body, response);
  if (response.ok)
    served.headers.set('Cache-Control', pathname.startsWith('/assets/') ? IMMUTABLE : PUBLIC_FILE);
  return served;
}

/** The client address: Cloudflare sets CF-Connecting-IP on every request and drops a client-sent one. */
function clientIpOf(request: Request): string {
  return request.headers.get('cf-connecting-ip') ?? 'unknown';
}

/**
 * Adds the shared security headers without replacing ones the response chose (the API sends its own
 * stricter CSP, as it does behind the Node server).
 */
function withSecurityHeaders(
  response: Response,
  headers: Record<string, string>,
  requestId: string,
): Response {
  const out = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) {
    if (!out.headers.has(name)) out.headers.set(name, value);
  }
  out.headers.set('X-Request-Id', requestId);
  return out;
}

export interface EdgeRequest {
  request: Request;
  runtime: EdgeRuntime;
  assets: AssetsBinding | undefined;
  remix: RemixHandler;
}

export async function handleEdgeRequest({ request, runtime, assets, remix }: EdgeRequest): Promise<Response> {
  const nonce = createNonce();
  const requestId = crypto.randomUUID();
  const headers = securityHeaders({ nonce, secure: runtime.deps.config.secureCookies });
  const clientIp = clientIpOf(request);
  const { pathname } = new URL(request.url);
  let response: Response;
  try {
    if (pathname === API_ENDPOINT || pathname.startsWith(`${API_ENDPOINT}/`)) {
      response = await handleApiRequest(request, runtime.deps, { clientIp });
    } else {
      response =
        (await serveAsset(request, assets)) ??
        (await remix(request, {
          deps: runtime.deps,
          services: runtime.services,
          nonce,
          requestId,
          clientIp,
        }));
    }
  } catch (error) {
    console.error(`[${requestId}] ${request.method} ${pathname}`, error);
    response = new Response(`Something went wrong. Request id: ${requestId}`, {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return withSecurityHeaders(response, headers, requestId);
}
