/**
 * The Cloudflare Workers (workerd) build of the web app: the same routes as `vite.config.ts`, bundled into ONE
 * worker module at `build-edge/server/index.js` whose entry is `edge/worker.ts` (the edge composition root),
 * plus the client assets at `build-edge/client`. `pnpm edge:build` runs it; `wrangler.jsonc` serves it.
 *
 * Target differences live here, not in packages: `@remix-run/node` resolves to `@remix-run/cloudflare` (same
 * API, Web streams), the Node `app/entry.server.tsx` is swapped for `edge/entry.server.tsx`, and module
 * resolution prefers `workerd`/`worker`/`browser` export conditions.
 */
import { fileURLToPath } from 'node:url';
import { vitePlugin as remix } from '@remix-run/dev';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const nodeEntryServer = here('./app/entry.server.tsx');
const edgeEntryServer = here('./edge/entry.server.tsx');
/** `--mode test` builds the contract suite's worker (edge/testing/worker.ts) into build-edge-test/. */
const targets = {
  production: { entry: here('./edge/worker.ts'), buildDirectory: 'build-edge' },
  test: { entry: here('./edge/testing/worker.ts'), buildDirectory: 'build-edge-test' },
};

/**
 * Makes `edge/worker.ts` the server bundle's entry (it imports the Remix build as a virtual module) and lists
 * every bundled module in `modules.json`, so `scripts/edge-bundle.mjs` can prove no Node-only module made it
 * in. Placed after the Remix plugin: its `config` hook must override the input Remix sets.
 */
function edgeWorkerEntry(workerEntry: string): Plugin {
  let ssr = false;
  return {
    name: 'movie-magic:edge-worker-entry',
    config(_config, env) {
      ssr = Boolean(env.isSsrBuild);
      if (!ssr) return;
      return { build: { rollupOptions: { input: workerEntry } } };
    },
    generateBundle(_options, bundle) {
      if (!ssr) return;
      const modules = Object.values(bundle).flatMap((chunk) =>
        chunk.type === 'chunk' ? chunk.moduleIds : [],
      );
      this.emitFile({
        type: 'asset',
        fileName: 'modules.json',
        source: JSON.stringify(modules.sort(), null, 1),
      });
    },
  };
}

/** Swaps the Node `app/entry.server.tsx` for `edge/entry.server.tsx` (before Vite's own resolver runs). */
function edgeEntryServerSwap(): Plugin {
  return {
    name: 'movie-magic:edge-entry-server',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!options.ssr) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id === nodeEntryServer) return edgeEntryServer;
      return null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const target = mode === 'test' ? targets.test : targets.production;
  return {
    plugins: [
      tailwindcss(),
      remix({
        buildDirectory: target.buildDirectory,
        ignoredRouteFiles: ['**/*.test.ts', '**/*.test.tsx'],
        // Keep these equal to vite.config.ts: the two targets must render the same app.
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
      edgeEntryServerSwap(),
      edgeWorkerEntry(target.entry),
    ],
    resolve: {
      alias: [{ find: /^@remix-run\/node$/, replacement: '@remix-run/cloudflare' }],
    },
    ssr: {
      target: 'webworker',
      // Everything goes into the one worker module: workerd has no node_modules to import from.
      noExternal: true,
      resolve: {
        conditions: ['workerd', 'worker', 'browser', 'import', 'module', 'default'],
        externalConditions: ['workerd', 'worker'],
      },
      // Node built-ins that workerd provides under `nodejs_compat` (the AWS SDK imports a few).
      external: ['node:async_hooks', 'node:buffer', 'node:crypto', 'node:events', 'node:stream', 'node:util'],
    },
    build: { target: 'es2022', minify: true },
  };
});
