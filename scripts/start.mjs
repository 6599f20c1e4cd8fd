#!/usr/bin/env node
/**
 * `pnpm start`: builds the web app when its build is missing or older than the sources, then serves it in
 * production mode on the configured store (the embedded SQLite by default, created and seeded on first
 * start). Signals are forwarded to the server and its exit code becomes ours.
 *
 * Configuration is read by packages/config inside the server; this script only passes the environment on.
 * The one thing it adds: production requires TICKET_SIGNING_KEY, so when none is set a local key pair is
 * created once in <DATA_DIR>/ticket-keys.json (the same file the tickets package uses) and passed to the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps/web');
const buildMarker = join(web, 'build/server/index.js');

/** Newest modification time under `dir` (skipping dependencies and outputs). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'build', '.turbo', 'e2e', '.data'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function needsBuild() {
  if (!existsSync(buildMarker)) return true;
  const built = statSync(buildMarker).mtimeMs;
  const sources = [join(web, 'app'), join(web, 'vite.config.ts'), join(web, 'package.json')];
  return sources.some(
    (path) => (statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs) > built,
  );
}

if (needsBuild()) {
  console.log('Building the web app…');
  const result = spawnSync('pnpm', ['--filter', '@movie-magic/web', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const env = { ...process.env, NODE_ENV: 'production' };
if (!env.TICKET_SIGNING_KEY) {
  const dataDir = isAbsolute(env.DATA_DIR ?? '') ? env.DATA_DIR : resolve(root, env.DATA_DIR || '.data');
  const file = join(dataDir, 'ticket-keys.json');
  if (!existsSync(file)) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = {
      keyId: 'dev1',
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64url'),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
    console.log(`No TICKET_SIGNING_KEY set: created a local ticket signing key in ${file}`);
  }
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  env.TICKET_SIGNING_KEY = stored.privateKey;
  env.TICKET_SIGNING_KEY_ID = env.TICKET_SIGNING_KEY_ID || stored.keyId;
}

const tsx = join(web, 'node_modules/.bin/tsx');
const child = spawn(tsx, ['--tsconfig', join(web, 'tsconfig.server.json'), join(web, 'server/node.ts')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
