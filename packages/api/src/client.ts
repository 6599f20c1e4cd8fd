/**
 * The typed client (`@movie-magic/api/client`) for internal tools and tests: one HTTP request per call
 * (httpLink, not batched), superjson, typed by AppRouter. Node callers can keep the session cookie with
 * `cookieJar: true`; the client then also sends `Origin: <url's origin>`, as a browser would, so the
 * server's CSRF check accepts its mutations.
 */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './root.js';

export type { AppRouter } from './root.js';

/** A minimal cookie store for one origin: keeps name=value pairs from Set-Cookie and sends them back. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Applies Set-Cookie values: an empty value, `Max-Age=0` or a past `Expires` deletes the cookie. */
  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.split('=').map((s) => s.trim());
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key.toLowerCase() === 'expires') return new Date(val).getTime() <= Date.now();
        return false;
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  clear(): void {
    this.#cookies.clear();
  }

  /** The `Cookie` request header, or null when empty. */
  header(): string | null {
    if (this.#cookies.size === 0) return null;
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface ApiClientOptions {
  /** The API endpoint, e.g. `http://127.0.0.1:3000/api/trpc`. */
  url: string;
  /** Extra request headers (static or computed per request). */
  headers?: Record<string, string> | (() => Record<string, string>);
  fetch?: typeof fetch;
  /** Keep cookies between calls (`true` for a new jar, or a jar to share or inspect). */
  cookieJar?: boolean | CookieJar;
}

export function createApiClient(options: ApiClientOptions) {
  const jar = options.cookieJar === true ? new CookieJar() : options.cookieJar || null;
  const origin = new URL(options.url).origin;
  const baseFetch = options.fetch ?? globalThis.fetch;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: options.url,
        transformer: superjson,
        headers: () => {
          const extra = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
          const cookie = jar?.header();
          return { ...(jar ? { origin } : {}), ...(cookie ? { cookie } : {}), ...extra };
        },
        fetch: async (input, init) => {
          const response = await baseFetch(input as RequestInfo, init as RequestInit);
          jar?.store(response.headers.getSetCookie());
          return response;
        },
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Narrows an unknown error to the API's typed client error (with `data.domainCode`). */
export function isApiError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

export { TRPCClientError };
