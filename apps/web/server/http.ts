/**
 * The express app: compression, static files with the right cache lifetimes, security headers and a
 * request id on every response, then Remix (which also serves /api/trpc through a resource route).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ApiDeps } from '@movie-magic/api';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { WebServices } from '../app/context.js';
import { createNonce, securityHeaders } from '../app/security.server.js';

export interface HttpAppOptions {
  deps: ApiDeps;
  services: WebServices;
  /** The built client directory (build/client) in production; absent in dev (vite serves assets). */
  clientDir: string | null;
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Dev only: vite's connect middleware (HMR, source modules). */
  viteMiddleware?: express.RequestHandler;
}

export function createHttpApp({ deps, services, clientDir, build, viteMiddleware }: HttpAppOptions) {
  const app = express();
  app.disable('x-powered-by');
  if (deps.config.trustProxy) app.set('trust proxy', true);

  app.use((_req, res, next) => {
    const nonce = createNonce();
    const requestId = randomUUID();
    res.locals.nonce = nonce;
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    // Added just before the head is written, and only where the handler did not set its own (the API's
    // JSON responses carry a stricter CSP): Remix's adapter appends headers, which would duplicate them.
    const headers = securityHeaders({ nonce, secure: deps.config.secureCookies });
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithSecurityHeaders(this: Response, ...args: unknown[]) {
      for (const [name, value] of Object.entries(headers)) {
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  });
  app.use(compression());

  if (viteMiddleware) {
    app.use(viteMiddleware);
  } else if (clientDir) {
    // Vite content-hashes everything under /assets: a changed file gets a new name, so cache forever.
    app.use(
      '/assets',
      express.static(join(clientDir, 'assets'), {
        immutable: true,
        maxAge: '1y',
        fallthrough: false,
        index: false,
      }),
    );
    app.use(express.static(clientDir, { maxAge: '1h', index: false }));
  }

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: deps.config.nodeEnv === 'production' ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        deps,
        services,
        nonce: res.locals.nonce as string,
        requestId: res.locals.requestId as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  );

  // Express recognises an error handler by its four parameters, so `_next` must stay.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestId = res.locals.requestId as string;
    console.error(`[${requestId}] ${req.method} ${req.path}`, error);
    if (res.headersSent) return;
    const status = (error as { status?: number }).status;
    if (status === 404) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.status(500).type('text/plain').send(`Something went wrong. Request id: ${requestId}`);
  });
  return app;
}
