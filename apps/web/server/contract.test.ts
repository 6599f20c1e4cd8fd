/**
 * The API's HTTP contract suite (issue 3) against the real Node server: the same express app, security
 * middleware, Remix production build and `/api/trpc` resource route that `pnpm start` serves, on SQLite, with
 * only the ports a test must control swapped in (a ManualClock, a recording mailer, a counting dispatcher).
 * Needs the production build (`remix vite:build`), which the package's test script makes first.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiDeps } from '@movie-magic/api';
import { describeApiContract, RecordingMailer } from '@movie-magic/api/testing';
import { parseConfig } from '@movie-magic/config';
import { ManualClock, randomIds } from '@movie-magic/db';
import { seedStore } from '@movie-magic/db/seed';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { generateTicketKeys } from '@movie-magic/tickets';
import type { ServerBuild } from '@remix-run/node';
import { createHttpApp } from './http.js';
import { webRoot } from './paths.js';

describeApiContract('Node server (express + Remix build) + SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-web-contract-'));
  const clock = new ManualClock(new Date());
  const mailbox = new RecordingMailer();
  const store = createSqliteStore({ file: join(dir, 'movie-magic.db') });
  await store.migrate();
  await seedStore(store, { now: clock.now() });

  // Listen first: APP_ORIGIN (the CSRF check) must be the origin the suite calls, port included.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = parseConfig({
    NODE_ENV: 'production',
    APP_ORIGIN: origin,
    TRUST_PROXY: 'on',
    RATE_LIMITS: 'on',
    DATA_DIR: dir,
    TICKET_SIGNING_KEY: (await generateTicketKeys()).privateKey,
    LOG_LEVEL: 'silent',
  });
  const deps: ApiDeps = {
    store,
    clock,
    ids: randomIds,
    dispatcher: { notify() {} },
    mailer: mailbox,
    config,
  };
  const build = (await import(join(webRoot, 'build/server/index.js'))) as ServerBuild;
  const app = createHttpApp({
    deps,
    services: { renderTicketPdf: null, devMailbox: null, posterSvg: () => null },
    clientDir: join(webRoot, 'build/client'),
    build,
  });
  server.on('request', app);
  return {
    url: `${origin}/api/trpc`,
    clock,
    mailbox,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
