/**
 * Starting the edge worker for tests: a seeded DynamoDB table of its own, `wrangler dev` on a free port
 * (through `scripts/edge-dev.mjs`, exactly as `pnpm edge:dev` starts it), and for the contract suite a
 * control server that lends the worker the suite's clock and mailbox.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordingMailer } from '@movie-magic/api/testing';
import { ManualClock } from '@movie-magic/db';
import { createDynamoStore } from '@movie-magic/db/dynamo';
import { seedStore } from '@movie-magic/db/seed';
import { DYNAMO_LOCAL_CREDENTIALS, DYNAMO_LOCAL_REGION } from '@movie-magic/db/testing';
import type { MailMessage } from '@movie-magic/tickets';
// @ts-expect-error: a plain ES module script without type declarations.
import { startEdgeDev } from '../../scripts/edge-dev.mjs';

export interface RunningEdge {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Creates a fresh table (migrate = the table, its GSIs and TTL) and writes the demo catalog as of `now`. */
export async function seededTable(endpoint: string, now: Date): Promise<string> {
  const table = `edge-${crypto.randomUUID().slice(0, 8)}`;
  const store = createDynamoStore({
    table,
    endpoint,
    region: DYNAMO_LOCAL_REGION,
    credentials: DYNAMO_LOCAL_CREDENTIALS,
  });
  try {
    await store.migrate();
    await seedStore(store, { now });
  } finally {
    await store.close();
  }
  return table;
}

export interface EdgeStartOptions {
  dynamoEndpoint: string;
  table: string;
  /** Extra environment variables, as `pnpm start` would receive them. */
  env?: Record<string, string>;
  /** `wrangler.jsonc` (production build) or `edge/testing/wrangler.jsonc` (the suite's build). */
  config?: string;
  extraVars?: Record<string, string>;
}

/** Starts the built worker in workerd with the given environment; APP_ORIGIN is its own address. */
export async function startEdge(options: EdgeStartOptions): Promise<RunningEdge> {
  const port = await freePort();
  const env = {
    DYNAMODB_ENDPOINT: options.dynamoEndpoint,
    DYNAMODB_TABLE: options.table,
    AWS_REGION: DYNAMO_LOCAL_REGION,
    APP_ORIGIN: `http://127.0.0.1:${port}`,
    ...options.env,
  };
  return (await startEdgeDev({
    env,
    host: '127.0.0.1',
    port,
    config: options.config ?? 'wrangler.jsonc',
    extraVars: options.extraVars ?? {},
  })) as RunningEdge;
}

/** Serves the suite's ManualClock (GET /clock) and mailbox (POST /mail) to the test worker. */
export async function startControlServer(
  clock: ManualClock,
  mailbox: RecordingMailer,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/clock') {
      res.end(clock.now().toISOString());
      return;
    }
    if (req.method === 'POST' && req.url === '/mail') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MailMessage;
      const { messageId } = await mailbox.send(message);
      res.end(messageId);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { ManualClock, RecordingMailer };
