/**
 * The Node composition root: the ONLY place in the web app that imports adapters (SQLite/DynamoDB store,
 * file/SMTP/SES mailers, the ticket relay). Run by `tsx` in production too, so the workspace's TypeScript
 * packages load unbundled. `--dev` serves through vite's dev server instead of the production build.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@movie-magic/config';
import type { ServerBuild } from '@remix-run/node';
import { buildDeps } from './deps.js';
import { createHttpApp } from './http.js';
import { fromRepoRoot, webRoot } from './paths.js';

const dev = process.argv.includes('--dev');

function readConfig() {
  try {
    const config = loadConfig();
    return { ...config, dataDir: fromRepoRoot(config.dataDir) };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = readConfig();
  const runtime = await buildDeps(config);

  let app: ReturnType<typeof createHttpApp>;
  if (dev) {
    const vite = await import('vite');
    const viteServer = await vite.createServer({ root: webRoot, server: { middlewareMode: true } });
    app = createHttpApp({
      deps: runtime.deps,
      services: runtime.services,
      clientDir: null,
      viteMiddleware: viteServer.middlewares,
      build: () => viteServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
    });
  } else {
    const build = (await import(join(webRoot, 'build/server/index.js'))) as ServerBuild;
    app = createHttpApp({
      deps: runtime.deps,
      services: runtime.services,
      clientDir: join(webRoot, 'build/client'),
      build,
    });
  }

  const server: Server = app.listen(config.port, config.host, () => {
    // APP_ORIGIN is the address to open: the API's CSRF check only accepts mutations from that origin.
    console.log(
      `Movie Magic is showing at ${config.appOrigin} (listening on ${config.host}:${config.port}, store: ${config.store})`,
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing open requests`);
    // Keep-alive sockets would hold close() open; idle ones can go now.
    server.closeIdleConnections();
    server.close(async () => {
      await runtime.stop();
      process.exit(0);
    });
    setTimeout(() => {
      server.closeAllConnections();
    }, 5_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('Movie Magic failed to start:', error);
  process.exit(1);
});
