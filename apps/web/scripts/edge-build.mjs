#!/usr/bin/env node
/**
 * `pnpm edge:build`: builds the Cloudflare Workers target (vite.edge.config.ts -> build-edge/), then checks
 * the bundle: no Node-only module inside, and prints its size (raw and gzip).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { inspectEdgeBundle, webRoot } from './edge-bundle.mjs';

const remix = join(webRoot, 'node_modules', '.bin', 'remix');
const built = spawnSync(remix, ['vite:build', '--config', 'vite.edge.config.ts'], {
  cwd: webRoot,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const bundle = inspectEdgeBundle();
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  `edge bundle: build-edge/server/index.js ${kib(bundle.rawBytes)} raw, ${kib(bundle.gzipBytes)} gzip, ${bundle.moduleCount} modules`,
);
if (bundle.forbiddenModules.length > 0 || bundle.forbiddenImports.length > 0) {
  for (const hit of bundle.forbiddenModules)
    console.error(`Node-only module in the edge bundle: ${hit.name} (${hit.example})`);
  for (const specifier of bundle.forbiddenImports)
    console.error(`Node-only import in the edge bundle: ${specifier}`);
  process.exit(1);
}
