/**
 * The HTTP entry: a Web-standard `Request -> Response` handler (Node via the web app's server, workerd
 * natively). Single, non-batched calls work: `GET /api/trpc/<proc>?input=<{"json":...}>` for queries and
 * `POST /api/trpc/<proc>` with body `{"json":...}` for mutations. No CORS headers are ever sent: the API is
 * same-origin only.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { type ApiDeps, clientIpOf, createContext } from './context.js';
import { appRouter } from './root.js';

export const API_ENDPOINT = '/api/trpc';

/** Requests carry small JSON documents; anything larger is refused before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface HandleApiOptions {
  /** Path prefix of the API (default `/api/trpc`). */
  endpoint?: string;
  /** The socket's remote address (used unless TRUST_PROXY names a forwarded one). */
  clientIp?: string;
}

/** Headers on every API response (OWASP Secure Headers / REST Security cheat sheets). */
function securityHeaders(secure: boolean): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
    ...(secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

function tooLarge(secure: boolean): Response {
  const body = {
    error: {
      json: {
        message: `Request body larger than ${MAX_BODY_BYTES} bytes.`,
        code: -32013,
        data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, domainCode: 'INVALID_INPUT', zodError: null },
      },
    },
  };
  return new Response(JSON.stringify(body), {
    status: 413,
    headers: { 'content-type': 'application/json', ...securityHeaders(secure) },
  });
}

/** Reads at most MAX_BODY_BYTES of the body; null when it is larger. */
async function boundedBody(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function handleApiRequest(
  request: Request,
  deps: ApiDeps,
  opts: HandleApiOptions = {},
): Promise<Response> {
  const secure = deps.config.secureCookies;
  let req = request;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const body = await boundedBody(request);
    if (body === null) return tooLarge(secure);
    req = new Request(request.url, { method: request.method, headers: request.headers, body });
  }
  const clientIp = clientIpOf(request.headers, deps.config.trustProxy, opts.clientIp);
  const response = await fetchRequestHandler({
    endpoint: opts.endpoint ?? API_ENDPOINT,
    req,
    router: appRouter,
    createContext: ({ req: trpcReq, resHeaders }) =>
      createContext(deps, { headers: trpcReq.headers, clientIp, resHeaders }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.logger?.error('api request failed', { path, error: String(error.cause ?? error) });
      }
    },
  });
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders(secure))) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
