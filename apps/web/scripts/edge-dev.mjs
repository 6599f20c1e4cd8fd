#!/usr/bin/env node
/**
 * `pnpm edge:dev`: serves the edge build locally in workerd (wrangler dev, local mode, no network), driven
 * by the same environment variables as `pnpm start`. Every variable of `.env.example` that is set goes into
 * a private env file that wrangler loads as the worker's bindings (not `--var`, which would show secrets in
 * `ps`). Edge defaults: STORE=dynamodb, and DynamoDB Local's dummy keys when DYNAMODB_ENDPOINT is set.
 *
 * Flags: `--no-build` serves the existing build-edge/. The edge tests and the benchmark import
 * `startEdgeDev` from here, so they start the worker exactly as a developer does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { webRoot } from './edge-bundle.mjs';

register();
const { ENV_VARIABLES } = await import('@movie-magic/config');

/** The worker's variables from an environment: the known ones that are set, plus the edge defaults. */
export function workerVariables(env) {
  const vars = {};
  for (const name of ENV_VARIABLES) {
    if (env[name] !== undefined && env[name] !== '') vars[name] = env[name];
  }
  vars.STORE ??= 'dynamodb';
  if (vars.DYNAMODB_ENDPOINT && !vars.AWS_ACCESS_KEY_ID) {
    // DynamoDB Local checks the shape of the keys, not their value.
    vars.AWS_ACCESS_KEY_ID = 'local';
    vars.AWS_SECRET_ACCESS_KEY = 'local';
  }
  return vars;
}

function dotenvLine(name, value) {
  if (/[\r\n]/.test(value)) throw new Error(`${name} contains a line break, which an env file cannot carry`);
  return `${name}=${JSON.stringify(value)}`;
}

/** Environment for wrangler itself: no telemetry, no lookup of Cloudflare's `Request.cf` data (offline). */
export function wranglerEnv(base = process.env) {
  return {
    ...base,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  };
}

/**
 * Starts `wrangler dev` on the built worker. Resolves once it answers on `http://host:port`; `stop()` ends
 * it (and its workerd) and removes the env file.
 */
export async function startEdgeDev({
  env = process.env,
  host,
  port,
  config = 'wrangler.jsonc',
  extraVars = {},
  stdio = 'pipe',
  readyTimeoutMs = 60_000,
} = {}) {
  const vars = { ...workerVariables(env), ...extraVars };
  const listenHost = host ?? vars.HOST ?? '127.0.0.1';
  const listenPort = port ?? Number(vars.PORT ?? 3000);
  const dir = mkdtempSync(join(tmpdir(), 'movie-magic-edge-'));
  const envFile = join(dir, 'worker.env');
  writeFileSync(
    envFile,
    `${Object.entries(vars)
      .map(([k, v]) => dotenvLine(k, v))
      .join('\n')}\n`,
    { mode: 0o600 },
  );
  const wrangler = join(webRoot, 'node_modules', '.bin', 'wrangler');
  const child = spawn(
    wrangler,
    [
      'dev',
      '--config',
      config,
      '--env-file',
      envFile,
      '--ip',
      listenHost,
      '--port',
      String(listenPort),
      '--local',
      '--persist-to',
      join(dir, 'state'),
      '--show-interactive-dev-session=false',
      '--test-scheduled',
      '--log-level',
      'info',
    ],
    {
      cwd: webRoot,
      env: wranglerEnv(),
      stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://${listenHost}:${listenPort}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // wrangler runs workerd as a child: end the whole process group we started.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // The first request a fresh isolate serves evaluates the worker module and wires its ports: the cold start.
  let firstRequestMs = null;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev exited (code ${child.exitCode}):\n${output}`);
    }
    if (/Ready on http/.test(output) || stdio === 'inherit') {
      try {
        const started = performance.now();
        await fetch(`${url}/favicon.svg`, { signal: AbortSignal.timeout(10_000) });
        firstRequestMs = performance.now() - started;
        break;
      } catch {}
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev was not ready within ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop, output: () => output, firstRequestMs };
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const built = spawnSync(process.execPath, [join(webRoot, 'scripts', 'edge-build.mjs')], {
      stdio: 'inherit',
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const edge = await startEdgeDev({ stdio: 'inherit' });
  console.log(`Movie Magic (workerd) is showing at ${edge.url}`);
  const shutdown = async () => {
    await edge.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
