#!/usr/bin/env node
/**
 * Edge benchmark (`node apps/web/edge/bench.mjs [--json]`, also run by the root `pnpm bench`): prints, does
 * not assert. Measures the edge bundle (raw and gzip), the worker's cold start, argon2id's cost inside
 * workerd, and p50/p99 of `booking.seatMap` at 32 connections on workerd beside the Node server, both on
 * the same seeded DynamoDB Local table, one after the other (the box has 2 cores).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { register } from 'tsx/esm/api';
import { inspectEdgeBundle, webRoot } from '../scripts/edge-bundle.mjs';
import { startEdgeDev, wranglerEnv } from '../scripts/edge-dev.mjs';

register();
const { startDynamoLocal, DYNAMO_LOCAL_CREDENTIALS, DYNAMO_LOCAL_REGION } = await import(
  '@movie-magic/db/testing'
);
const { createDynamoStore } = await import('@movie-magic/db/dynamo');
const { seedStore } = await import('@movie-magic/db/seed');
const { argon2id } = await import('@noble/hashes/argon2.js');

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(webRoot, '..', '..');
const CONNECTIONS = 32;
const DURATION_S = 10;
const ARGON2 = { m: 19_456, t: 2, p: 1, dkLen: 32 };
const json = process.argv.includes('--json');
const log = (...args) => {
  if (!json) console.log(...args);
};

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function load(url) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function seatMapUrl(origin, showtimeId) {
  const input = encodeURIComponent(JSON.stringify({ json: { showtimeId } }));
  return `${origin}/api/trpc/booking.seatMap?input=${input}`;
}

/** argon2id inside workerd: the probe worker times one hash per request with performance.now(). */
async function argon2OnWorkerd() {
  const port = await freePort();
  const child = spawn(
    join(webRoot, 'node_modules', '.bin', 'wrangler'),
    [
      'dev',
      '--config',
      'wrangler.jsonc',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--local',
      '--persist-to',
      join(tmpdir(), 'movie-magic-probe-state'),
      '--show-interactive-dev-session=false',
    ],
    { cwd: join(here, 'probe'), env: wranglerEnv(), stdio: 'ignore', detached: true },
  );
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error('the probe worker did not start');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const samples = [];
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/argon2`);
      samples.push((await response.json()).ms);
    }
    return { medianMs: median(samples.slice(2)), minMs: Math.min(...samples.slice(2)) };
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
}

function argon2OnNode() {
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    argon2id('correct horse battery staple', crypto.getRandomValues(new Uint8Array(16)), ARGON2);
    samples.push(performance.now() - started);
  }
  return { medianMs: median(samples.slice(2)) };
}

async function startNodeServer(env, port) {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Node server exited (${child.exitCode})`);
    try {
      await fetch(`http://127.0.0.1:${port}/api/trpc/catalog.cities`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('the Node server did not start');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return async () => {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
}

async function main() {
  log('== Edge (Cloudflare workerd)');
  const built = spawnSync(process.execPath, [join(webRoot, 'scripts', 'edge-build.mjs')], {
    stdio: 'ignore',
  });
  if (built.status !== 0) throw new Error('pnpm edge:build failed');
  const bundle = inspectEdgeBundle();
  const results = {
    bundle: { rawBytes: bundle.rawBytes, gzipBytes: bundle.gzipBytes, modules: bundle.moduleCount },
  };
  // What Cloudflare receives: wrangler re-bundles the worker on deploy (`--dry-run` needs no account).
  const dryRun = spawnSync(
    join(webRoot, 'node_modules', '.bin', 'wrangler'),
    ['deploy', '--dry-run', '--env', 'production', '--outdir', join(webRoot, 'build-edge', 'upload')],
    { cwd: webRoot, env: wranglerEnv(), encoding: 'utf8' },
  );
  const upload = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(dryRun.stdout ?? '');
  results.upload = upload ? { rawKiB: Number(upload[1]), gzipKiB: Number(upload[2]) } : null;
  log(
    `  wrangler deploy upload ............ ${upload ? `${upload[1]} KiB raw, ${upload[2]} KiB gzip` : 'n/a'}`,
  );
  log(
    `  edge bundle ....................... ${(bundle.rawBytes / 1024).toFixed(0)} KiB raw, ${(bundle.gzipBytes / 1024).toFixed(0)} KiB gzip (goal <= 1024 KiB gzip; Free limit 3 MB)`,
  );

  results.argon2 = { workerd: await argon2OnWorkerd(), node: argon2OnNode(), params: ARGON2 };
  log(
    `  argon2id m=19 MiB t=2 p=1 .......... workerd ${results.argon2.workerd.medianMs.toFixed(0)} ms/hash, Node ${results.argon2.node.medianMs.toFixed(0)} ms/hash`,
  );

  const dynamo = await startDynamoLocal();
  try {
    const table = `bench-${Date.now()}`;
    const store = createDynamoStore({
      table,
      endpoint: dynamo.endpoint,
      region: DYNAMO_LOCAL_REGION,
      credentials: DYNAMO_LOCAL_CREDENTIALS,
    });
    await store.migrate();
    const now = new Date();
    await seedStore(store, { now });
    const [showtime] = await store.listShowtimesInCity(
      'bengaluru',
      new Date(now.getTime() + 6 * 3_600_000).toISOString(),
      new Date(now.getTime() + 72 * 3_600_000).toISOString(),
    );
    await store.close();
    if (!showtime) throw new Error('the seed has no showtime in the coming days');
    const env = {
      STORE: 'dynamodb',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE: table,
      AWS_REGION: DYNAMO_LOCAL_REGION,
      AWS_ACCESS_KEY_ID: DYNAMO_LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DYNAMO_LOCAL_CREDENTIALS.secretAccessKey,
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
    };

    const edgePort = await freePort();
    const startedAt = performance.now();
    const edge = await startEdgeDev({
      env: { ...env, APP_ORIGIN: `http://127.0.0.1:${edgePort}` },
      host: '127.0.0.1',
      port: edgePort,
    });
    const readyMs = performance.now() - startedAt;
    try {
      const url = await seatMapUrl(edge.url, showtime.id);
      // Cold start: the first request of a fresh isolate (module evaluation, port wiring; an asset, so no
      // DynamoDB call), then the first API call (its first DynamoDB connection), then warm calls.
      const firstApiMs = await timed(url);
      const warm = [];
      for (let i = 0; i < 20; i++) warm.push(await timed(url));
      results.coldStart = {
        firstRequestMs: Math.round(edge.firstRequestMs),
        firstApiRequestMs: Math.round(firstApiMs),
        warmSeatMapMedianMs: Math.round(median(warm)),
        wranglerReadyMs: Math.round(readyMs),
      };
      log(
        `  cold start ........................ first request ${results.coldStart.firstRequestMs} ms, first API call ${results.coldStart.firstApiRequestMs} ms (warm seat map ${results.coldStart.warmSeatMapMedianMs} ms); wrangler dev ready in ${results.coldStart.wranglerReadyMs} ms`,
      );
      results.seatMapWorkerd = await load(url);
    } finally {
      await edge.stop();
    }
    log(
      `  booking.seatMap, ${CONNECTIONS} connections, workerd .. p50 ${results.seatMapWorkerd.p50Ms} ms, p99 ${results.seatMapWorkerd.p99Ms} ms, ${results.seatMapWorkerd.requestsPerSecond} req/s`,
    );

    const nodePort = await freePort();
    const stopNode = await startNodeServer({ ...env, APP_ORIGIN: `http://127.0.0.1:${nodePort}` }, nodePort);
    try {
      const url = await seatMapUrl(`http://127.0.0.1:${nodePort}`, showtime.id);
      for (let i = 0; i < 20; i++) await timed(url);
      results.seatMapNode = await load(url);
    } finally {
      await stopNode();
    }
    log(
      `  booking.seatMap, ${CONNECTIONS} connections, Node ..... p50 ${results.seatMapNode.p50Ms} ms, p99 ${results.seatMapNode.p99Ms} ms, ${results.seatMapNode.requestsPerSecond} req/s`,
    );
  } finally {
    await dynamo.stop();
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

await main();
