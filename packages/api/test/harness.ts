/**
 * Hosts `handleApiRequest` on a real node:http server on a random loopback port, over a real Store, with a
 * ManualClock, a recording Mailer and a counting ticket dispatcher. Used by the contract and property tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { type AppConfig, parseConfig } from '@movie-magic/config';
import { ManualClock, randomIds, type Store } from '@movie-magic/db';
import { seedStore } from '@movie-magic/db/seed';
import type { TicketDispatcher } from '@movie-magic/tickets';
import type { ApiDeps } from '../src/index.js';
import { handleApiRequest } from '../src/index.js';
import { RecordingMailer } from '../src/testing/index.js';

export interface TestServer {
  url: string;
  origin: string;
  deps: ApiDeps;
  clock: ManualClock;
  mailbox: RecordingMailer;
  notifications: () => number;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Starts the API over `store` (already migrated); seeds the demo catalog unless `seed: false`. */
export async function startTestServer(
  store: Store,
  options: { seed?: boolean; env?: Record<string, string>; onClose?: () => Promise<void> } = {},
): Promise<TestServer> {
  // Real time as the start, so sessions, seeds and lucia's wall-clock arithmetic all line up.
  const clock = new ManualClock(new Date());
  if (options.seed !== false) await seedStore(store, { now: clock.now() });
  const mailbox = new RecordingMailer();
  let notified = 0;
  const dispatcher: TicketDispatcher = {
    notify: () => {
      notified += 1;
    },
  };
  let deps: ApiDeps | null = null;
  const server = createServer((req, res) => {
    if (!deps) {
      res.writeHead(503).end();
      return;
    }
    const current = deps;
    handleApiRequest(toRequest(req, current.config.appOrigin), current, {
      clientIp: req.socket.remoteAddress,
    })
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const config: AppConfig = parseConfig({
    NODE_ENV: 'test',
    APP_ORIGIN: origin,
    TRUST_PROXY: 'on',
    RATE_LIMITS: 'on',
    ...options.env,
  });
  deps = { store, clock, ids: randomIds, dispatcher, mailer: mailbox, config };
  return {
    url: `${origin}/api/trpc`,
    origin,
    deps,
    clock,
    mailbox,
    notifications: () => notified,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await options.onClose?.();
    },
  };
}
